package org.lepha.academy.base.i18n;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesAndFormatsTests {

	private final Languages languages = new Languages(List.of("en", "ru", "fa-AF"));

	private final LocalizedFormats formats = new LocalizedFormats();

	private static final Locale DARI = Locale.forLanguageTag("fa-AF");

	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	@Test
	void browserLanguagesMapToTheClosestSupportedOneAndUnknownOnesFallBackToEnglish() {
		assertThat(languages.bestMatch(List.of(Locale.forLanguageTag("fa-IR")))).isEqualTo(DARI);
		assertThat(languages.bestMatch(List.of(Locale.forLanguageTag("ru-KZ")))).isEqualTo(RUSSIAN);
		assertThat(languages.bestMatch(List.of(Locale.forLanguageTag("de"), Locale.forLanguageTag("ru"))))
			.isEqualTo(RUSSIAN);
		assertThat(languages.bestMatch(List.of(Locale.forLanguageTag("de-CH")))).isEqualTo(Locale.ENGLISH);
		assertThat(languages.bestMatch(List.of())).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void dariRunsRightToLeftAndTheOthersLeftToRight() {
		assertThat(Languages.isRightToLeft(DARI)).isTrue();
		assertThat(Languages.isRightToLeft(RUSSIAN)).isFalse();
		assertThat(Languages.isRightToLeft(Locale.ENGLISH)).isFalse();
	}

	@Test
	void dariDatesAreSolarHijriWithAfghanMonthNamesAndPersianDigits() {
		// 1 December 2026 is 10 Qaws 1405 in the Solar Hijri calendar.
		String date = formats.date(LocalDate.of(2026, 12, 1), DARI);
		assertThat(date).contains("قوس").contains("۱۴۰۵").contains("۱۰").doesNotContainPattern("[0-9]");
		// 21 March 2026 is 1 Hamal 1405, the first day of the year.
		assertThat(formats.date(LocalDate.of(2026, 3, 21), DARI)).contains("حمل").contains("۱۴۰۵");
	}

	@Test
	void russianDatesUseRussianMonthNames() {
		assertThat(formats.date(LocalDate.of(2026, 12, 1), RUSSIAN)).startsWith("1 декабря 2026").endsWith("г.");
	}

	@Test
	void numbersUseTheLanguagesDigits() {
		assertThat(formats.number(1250, DARI)).isEqualTo("۱٬۲۵۰");
		assertThat(formats.number(1250, Locale.ENGLISH)).isEqualTo("1,250");
	}

	@Test
	void russianPluralsComeFromTheUiStrings() {
		UiTranslationProvider provider = new UiTranslationProvider(languages, Path.of("translations/ui"));
		assertThat(provider.getTranslation("password.rule", RUSSIAN, 10)).isEqualTo("Не менее 10 символов");
		assertThat(provider.getTranslation("password.rule", RUSSIAN, 21)).isEqualTo("Не менее 21 символа");
		assertThat(provider.getTranslation("password.rule", DARI, 10)).isEqualTo("دست‌کم ۱۰ حرف");
	}

	@Test
	void aMissingTranslationFallsBackToEnglish() {
		UiTranslationProvider provider = new UiTranslationProvider(languages, Path.of("translations/ui"));
		assertThat(provider.getTranslation("login.submit", Locale.forLanguageTag("de"))).isEqualTo("Sign in");
		assertThat(provider.getTranslation("no.such.key", RUSSIAN)).isEqualTo("!no.such.key");
	}

}
