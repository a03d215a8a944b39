package org.lepha.academy.base.i18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;

/**
 * Dates and numbers as each language writes them, through ICU4J (the JDK has no Persian
 * calendar): Dari gets Persian digits and Solar Hijri dates with the Afghan month names
 * (حمل … حوت), Russian gets Russian formats, English the usual.
 */
public class LocalizedFormats {

	/** Date-time formats by calendar locale and zone: a handful per server. */
	private final Map<String, DateFormat> dateTimeFormats = new ConcurrentHashMap<>();

	/**
	 * The date in the calendar the language uses day to day: Solar Hijri for Dari,
	 * Gregorian otherwise.
	 */
	public String date(LocalDate date, Locale locale) {
		return dateFormat(calendarLocale(locale)).format(toDate(date));
	}

	/** The Gregorian date, formatted for the language (Dari keeps Persian digits). */
	public String gregorianDate(LocalDate date, Locale locale) {
		ULocale gregorian = ULocale.forLocale(locale).setKeywordValue("calendar", "gregorian");
		return dateFormat(gregorian).format(toDate(date));
	}

	public String dateTime(Instant instant, ZoneId zone, Locale locale) {
		ULocale calendar = calendarLocale(locale);
		DateFormat prototype = dateTimeFormats.computeIfAbsent(calendar + " " + zone.getId(), (key) -> {
			DateFormat format = DateFormat.getDateTimeInstance(DateFormat.MEDIUM, DateFormat.SHORT, calendar);
			format.setTimeZone(com.ibm.icu.util.TimeZone.getTimeZone(zone.getId()));
			return format;
		});
		// A copy: ICU formats are not thread-safe. Copying one is much cheaper than
		// building one (a quiz deadline is formatted on every exam start).
		return ((DateFormat) prototype.clone()).format(Date.from(instant));
	}

	public String number(long value, Locale locale) {
		return NumberFormat.getInstance(ULocale.forLocale(locale)).format(value);
	}

	/** A decimal number with exactly the given number of fraction digits. */
	public String decimal(double value, int fractionDigits, Locale locale) {
		NumberFormat format = NumberFormat.getInstance(ULocale.forLocale(locale));
		format.setMinimumFractionDigits(fractionDigits);
		format.setMaximumFractionDigits(fractionDigits);
		return format.format(value);
	}

	public String percent(double fraction, Locale locale) {
		NumberFormat format = NumberFormat.getPercentInstance(ULocale.forLocale(locale));
		format.setMaximumFractionDigits(0);
		return format.format(fraction);
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

	private static DateFormat dateFormat(ULocale locale) {
		DateFormat format = DateFormat.getDateInstance(DateFormat.LONG, locale);
		format.setTimeZone(com.ibm.icu.util.TimeZone.GMT_ZONE);
		return format;
	}

	private static Date toDate(LocalDate date) {
		return Date.from(date.atStartOfDay(ZoneId.of("UTC")).toInstant());
	}

}
