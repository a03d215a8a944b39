package org.lepha.academy.base.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.ibm.icu.util.ULocale;

/**
 * The configured languages, with the rules that follow from them: which locale a request
 * gets, and which way text runs.
 */
public final class Languages {

	private final List<Locale> locales;

	public Languages(List<String> tags) {
		if (tags.isEmpty()) {
			throw new IllegalArgumentException("app.i18n.languages must name at least one language");
		}
		this.locales = tags.stream().map(Locale::forLanguageTag).toList();
	}

	public List<Locale> all() {
		return locales;
	}

	public Locale fallback() {
		return locales.get(0);
	}

	/**
	 * The supported locale that best serves the wanted one: an exact match, then the same
	 * language (a browser asking for {@code fa-IR} or {@code fa} gets Dari), then the
	 * fallback.
	 */
	public Locale bestMatch(Locale wanted) {
		if (wanted == null) {
			return fallback();
		}
		return exact(wanted).or(() -> sameLanguage(wanted)).orElse(fallback());
	}

	/**
	 * The best match for a list in preference order, like an {@code Accept-Language}
	 * header.
	 */
	public Locale bestMatch(List<Locale> preferences) {
		for (Locale wanted : preferences) {
			Optional<Locale> match = exact(wanted).or(() -> sameLanguage(wanted));
			if (match.isPresent()) {
				return match.get();
			}
		}
		return fallback();
	}

	public boolean isSupported(Locale locale) {
		return exact(locale).isPresent();
	}

	private Optional<Locale> exact(Locale wanted) {
		return locales.stream().filter((l) -> l.toLanguageTag().equalsIgnoreCase(wanted.toLanguageTag())).findFirst();
	}

	private Optional<Locale> sameLanguage(Locale wanted) {
		return locales.stream().filter((l) -> l.getLanguage().equals(wanted.getLanguage())).findFirst();
	}

	/** Whether the locale's script runs right to left (Dari, Pashto, Arabic...). */
	public static boolean isRightToLeft(Locale locale) {
		return ULocale.forLocale(locale).isRightToLeft();
	}

}
