package org.lepha.academy.certificates.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lepha.academy.certificates.CertificateDesignException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An academy's wording: {0} (name) then {1} (module), each once, checked with the same
 * ICU parser as translations; the text around them is drawn as it was typed.
 */
class DesignWordingTests {

	@Test
	void acceptsWordingInEveryLanguageAndSplitsItAroundTheNameAndTheTitle() {
		assertThat(DesignWording.pieces(DesignWording.check("  This certifies that {0} has completed {1}.  ")))
			.containsExactly("This certifies that", "has completed", ".");
		assertThat(DesignWording.pieces(DesignWording.check("Настоящим удостоверяется, что {0} прошёл(ла) курс {1}")))
			.containsExactly("Настоящим удостоверяется, что", "прошёл(ла) курс", "");
		assertThat(DesignWording.pieces(DesignWording.check("تصدیق می‌شود که {0} دورهٔ {1} را به پایان رسانید")))
			.containsExactly("تصدیق می‌شود که", "دورهٔ", "را به پایان رسانید");
		// ICU quoting: a doubled apostrophe is one, and markup is plain text.
		assertThat(DesignWording.pieces(DesignWording.check("The academy''s cadet <b>{0}</b> passed {1}")))
			.containsExactly("The academy's cadet <b>", "</b> passed", "");
	}

	@Test
	void refusesMissingUnknownRepeatedOrMisorderedPlaceholders() {
		for (String wording : List.of("This certifies that {0} passed.", "Completed {1}", "{0} {1} {2}",
				"{name} completed {module}", "{0} and {0} completed {1}", "{1} was completed by {0}",
				"No placeholders at all")) {
			assertRefused(wording, "design.error.wording.placeholders");
		}
	}

	@Test
	void refusesBrokenPatternsStylesControlCharactersAndOverlongText() {
		assertRefused("{0} completed {1", "design.error.wording.syntax");
		assertRefused("{0} completed {1,number}", "design.error.wording.syntax");
		assertRefused("{0}\u202E completed {1}", "design.error.wording.characters");
		assertRefused("{0} completed {1} " + "x".repeat(DesignWording.MAX_LENGTH), "design.error.wording.tooLong");
	}

	private static void assertRefused(String wording, String key) {
		assertThatThrownBy(() -> DesignWording.check(wording)).isInstanceOf(CertificateDesignException.class)
			.extracting((e) -> ((CertificateDesignException) e).messageKey())
			.isEqualTo(key);
	}

}
