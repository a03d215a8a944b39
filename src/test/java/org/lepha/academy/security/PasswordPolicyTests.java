package org.lepha.academy.security;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.UiTranslationProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The password policy, rule by rule, with the bundled list of common passwords and an
 * academy called "Kabul Police Academy"; and each refusal's reason in the three
 * languages.
 */
class PasswordPolicyTests {

	private static final Set<String> COMMON = PasswordPolicy.loadCommonPasswords();

	private final PasswordPolicy policy = new PasswordPolicy(COMMON, () -> List.of("Kabul Police Academy"));

	@Test
	void theBundledListHasTheTenThousandMostCommonPasswords() {
		assertThat(COMMON).hasSize(10_000).contains("123456", "password", "qwerty", "password123", "dragon");
	}

	@Test
	void aLongOwnPassphraseIsAccepted() {
		assertThat(policy.check("cadet04", "river-tea-window-47")).isEmpty();
		assertThat(policy.check("cadet04", "سپین-غر-کابل-۱۴۰۵")).isEmpty();
		assertThat(policy.check("al", "always-alert-2026")).as("a two-letter user name inside a word").isEmpty();
	}

	@Test
	void tooShortIsRefused() {
		assertThat(policy.check("cadet04", "xK9#mQ2!p")).contains("password.error.short");
		assertThat(policy.check("cadet04", null)).contains("password.error.short");
	}

	@Test
	void oneCharacterOrAShortPatternRepeatedIsRefused() {
		assertThat(policy.check("cadet04", "aaaaaaaaaa")).contains("password.error.repeated");
		assertThat(policy.check("cadet04", "AAAAAAAAAAAAAAA")).contains("password.error.repeated");
		assertThat(policy.check("cadet04", "abcabcabcabc")).contains("password.error.repeated");
		assertThat(policy.check("cadet04", "1212121212")).contains("password.error.repeated");
	}

	@Test
	void theUserNameInAnyCaseContainedRepeatedOrReversedIsRefused() {
		assertThat(policy.check("cadet04", "cadet04cadet04")).contains("password.error.username");
		assertThat(policy.check("Cadet04", "CADET04-is-me")).contains("password.error.username");
		assertThat(policy.check("commander.long", "commander.long")).contains("password.error.username");
		assertThat(policy.check("sentinel01", "10lenitnes")).contains("password.error.username");
	}

	@Test
	void theAcademysNameWithDigitsOrSymbolsIsRefused() {
		assertThat(policy.check("cadet04", "KabulPoliceAcademy")).contains("password.error.academy");
		assertThat(policy.check("cadet04", "kabul-academy-2026")).contains("password.error.academy");
		assertThat(policy.check("cadet04", "Police#Academy1")).contains("password.error.academy");
		assertThat(policy.check("cadet04", "LephaAcademy2026")).as("the product's name")
			.contains("password.error.academy");
		assertThat(policy.check("cadet04", "police-horse-river-7")).as("one word of it, with words of one's own")
			.isEmpty();
	}

	@Test
	void aCommonPasswordAlsoWithDigitsOrSymbolsAddedIsRefused() {
		assertThat(policy.check("cadet04", "password123")).contains("password.error.common");
		assertThat(policy.check("cadet04", "1234567890")).contains("password.error.common");
		assertThat(policy.check("cadet04", "qwertyuiop")).contains("password.error.common");
		assertThat(policy.check("cadet04", "Football2026!")).contains("password.error.common");
		assertThat(policy.check("cadet04", "Ｐａｓｓｗｏｒｄ１２３")).as("full-width letters").contains("password.error.common");
	}

	@Test
	void aRefusalCarriesItsReasonAsAKeyThatIsTranslatedInEveryLanguage() {
		assertThatThrownBy(() -> policy.requireAcceptable("cadet04", "cadet04cadet04"))
			.isInstanceOf(PasswordRejectedException.class)
			.extracting((e) -> ((PasswordRejectedException) e).messageKey())
			.isEqualTo("password.error.username");
		UiTranslationProvider strings = new UiTranslationProvider(new Languages(List.of("en", "ru", "fa-AF")),
				Path.of("translations/ui"));
		for (String key : List.of("password.error.short", "password.error.repeated", "password.error.username",
				"password.error.academy", "password.error.common")) {
			String english = strings.getTranslation(key, Locale.ENGLISH, PasswordPolicy.MIN_LENGTH);
			String russian = strings.getTranslation(key, Locale.forLanguageTag("ru"), PasswordPolicy.MIN_LENGTH);
			String dari = strings.getTranslation(key, Locale.forLanguageTag("fa-AF"), PasswordPolicy.MIN_LENGTH);
			assertThat(List.of(english, russian, dari)).as(key).doesNotContain(key).doesNotHaveDuplicates();
			assertThat(russian).as(key).containsPattern("\\p{IsCyrillic}");
			assertThat(dari).as(key).containsPattern("\\p{IsArabic}");
		}
		assertThat(strings.getTranslation("password.error.common", Locale.ENGLISH)).isEqualTo(
				"The new password is one of the most common passwords, which are guessed first. Choose another.");
	}

}
