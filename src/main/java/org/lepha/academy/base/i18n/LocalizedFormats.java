package org.lepha.academy.base.i18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.UFormat;
import com.ibm.icu.util.ULocale;

/**
 * Dates and numbers as each language writes them, through ICU4J (the JDK has no Persian
 * calendar): Dari gets Persian digits and Solar Hijri dates with the Afghan month names
 * (حمل … حوت), Russian gets Russian formats, English the usual.
 */
public class LocalizedFormats {

	/**
	 * Each format built once, by kind, locale and zone: a handful per server. Building an
	 * ICU format reads its locale data; copying one is much cheaper (a quiz deadline is
	 * formatted on every exam start, a number in every grid cell).
	 */
	private final Map<String, UFormat> prototypes = new ConcurrentHashMap<>();

	private static final int KEPT_FORMATS = 256;

	/**
	 * The date in the calendar the language uses day to day: Solar Hijri for Dari,
	 * Gregorian otherwise.
	 */
	public String date(LocalDate date, Locale locale) {
		ULocale calendar = calendarLocale(locale);
		return copy("date " + calendar, () -> dateFormat(calendar)).format(toDate(date));
	}

	/** The Gregorian date, formatted for the language (Dari keeps Persian digits). */
	public String gregorianDate(LocalDate date, Locale locale) {
		ULocale gregorian = ULocale.forLocale(locale).setKeywordValue("calendar", "gregorian");
		return copy("date " + gregorian, () -> dateFormat(gregorian)).format(toDate(date));
	}

	public String dateTime(Instant instant, ZoneId zone, Locale locale) {
		ULocale calendar = calendarLocale(locale);
		return copy("dateTime " + calendar + " " + zone.getId(), () -> {
			DateFormat format = DateFormat.getDateTimeInstance(DateFormat.MEDIUM, DateFormat.SHORT, calendar);
			format.setTimeZone(com.ibm.icu.util.TimeZone.getTimeZone(zone.getId()));
			return format;
		}).format(Date.from(instant));
	}

	public String number(long value, Locale locale) {
		ULocale language = ULocale.forLocale(locale);
		return copy("number " + language, () -> NumberFormat.getInstance(language)).format(value);
	}

	/** A decimal number with exactly the given number of fraction digits. */
	public String decimal(double value, int fractionDigits, Locale locale) {
		ULocale language = ULocale.forLocale(locale);
		return copy("decimal " + fractionDigits + " " + language, () -> {
			NumberFormat format = NumberFormat.getInstance(language);
			format.setMinimumFractionDigits(fractionDigits);
			format.setMaximumFractionDigits(fractionDigits);
			return format;
		}).format(value);
	}

	public String percent(double fraction, Locale locale) {
		ULocale language = ULocale.forLocale(locale);
		return copy("percent " + language, () -> {
			NumberFormat format = NumberFormat.getPercentInstance(language);
			format.setMaximumFractionDigits(0);
			return format;
		}).format(fraction);
	}

	static ULocale calendarLocale(Locale locale) {
		ULocale base = ULocale.forLocale(locale);
		if ("fa".equals(locale.getLanguage())) {
			// Afghanistan and Iran both use the Solar Hijri calendar; ICU's fa_AF data
			// supplies
			// the Afghan month names.
			return base.setKeywordValue("calendar", "persian");
		}
		return base;
	}

	/**
	 * A copy of the format built once for this key: ICU formats are not thread-safe.
	 * Locales can come from a browser's request, so past a bound formats are built each
	 * time rather than kept.
	 */
	@SuppressWarnings("unchecked")
	private <F extends UFormat> F copy(String key, Supplier<F> build) {
		UFormat prototype = this.prototypes.get(key);
		if (prototype == null) {
			prototype = build.get();
			if (this.prototypes.size() < KEPT_FORMATS) {
				this.prototypes.putIfAbsent(key, prototype);
			}
		}
		return (F) prototype.clone();
	}

	private static DateFormat dateFormat(ULocale locale) {
		DateFormat format = DateFormat.getDateInstance(DateFormat.LONG, locale);
		format.setTimeZone(com.ibm.icu.util.TimeZone.GMT_ZONE);
		return format;
	}

	private static Date toDate(LocalDate date) {
		return Date.from(date.atStartOfDay(ZoneId.of("UTC")).toInstant());
	}

}
