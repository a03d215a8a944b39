package org.lepha.academy.certificates.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lepha.academy.base.pdf.Poppler;
import org.lepha.academy.certificates.CertificateContent;
import org.lepha.academy.certificates.PdfText;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A certificate's text must read the same with poppler's {@code pdftotext} (which reads
 * glyphs through the fonts' ToUnicode maps, as most viewers and search engines do) as
 * with PDFBox (which reads each line's {@code /ActualText}), after NFKC.
 */
class CertificateTextExtractionTests {

	/** The lam-alef pair (in ژیلا and کلاس) and the Persian digit ۴ were lost before. */
	private static final String DARI_TITLE = "کلاس پولیس و کاهش آسیب (ماژول ۴)";

	@ParameterizedTest
	@ValueSource(strings = { "en", "ru", "fa-AF" })
	void popplerExtractsEveryFieldAsPdfboxDoes(String tag) throws Exception {
		Locale locale = Locale.forLanguageTag(tag);
		CertificateContent content = content(tag);
		byte[] pdf = CertificateRendererTests.RENDERER.render(content, locale);
		Path file = CertificateRendererTests.OUTPUT.resolve("extraction-" + tag + ".pdf");
		Files.createDirectories(file.getParent());
		Files.write(file, pdf);

		List<String> pdfbox = PdfText.lines(pdf);
		List<String> poppler = Poppler.lines(file);
		// Every field is drawn, and PDFBox gives it back ...
		assertThat(pdfbox).contains(content.academyName(), content.cadetName(), content.title(),
				content.verificationUrl(), content.signatoryName(), content.signatoryTitle());
		assertThat(pdfbox).hasSize(13);
		// ... and so does poppler, line for line.
		assertThat(poppler).as("pdftotext lines").hasSameSizeAs(pdfbox);
		List<String> unmatched = new ArrayList<>(poppler);
		for (String line : pdfbox) {
			String match = unmatched.stream()
				.filter((p) -> sameText(line, p))
				.findFirst()
				.orElseThrow(() -> new AssertionError(
						"pdftotext has no line reading \"" + line + "\"; its lines: " + String.join(" | ", poppler)));
			unmatched.remove(match);
		}
	}

	/**
	 * Lines of one direction must be equal. A right-to-left line with Latin words, digits
	 * or punctuation is checked run by run: pdftotext rebuilds the logical order from
	 * glyph positions with its own simple bidi rule (any non-Arabic character, spaces and
	 * punctuation included, joins a left-to-right run), so it may move a colon or bracket
	 * across the boundary of a run, e.g. "صنف: Cohort 2026-A" comes out as "صنف" +
	 * "Cohort 2026-A :". That is where its layout analysis puts a neutral character, not
	 * a glyph read wrongly, so there the words of each direction must come in the same
	 * order and the punctuation must be the same, wherever it stands. The left-to-right
	 * words and numbers must all be there, each intact, but in any order: pdftotext joins
	 * two numbers separated only by neutrals ("۱۴۰۵ (۲۲") into one left-to-right run and
	 * so swaps them.
	 */
	private static boolean sameText(String expected, String actual) {
		if (expected.equals(actual)) {
			return true;
		}
		if (!mixesDirections(expected)) {
			return false;
		}
		return words(expected, true).equals(words(actual, true))
				&& words(expected, false).stream()
					.sorted()
					.toList()
					.equals(words(actual, false).stream().sorted().toList())
				&& punctuation(expected).equals(punctuation(actual));
	}

	private static boolean mixesDirections(String text) {
		return text.chars().anyMatch(CertificateTextExtractionTests::rightToLeft)
				&& text.chars().anyMatch((c) -> !Character.isWhitespace(c) && !rightToLeft(c));
	}

	private static boolean rightToLeft(int c) {
		byte direction = Character.getDirectionality(c);
		return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
				|| direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
	}

	/**
	 * Right-to-left words (with their marks and non-joiners), or the other words, in
	 * order.
	 */
	private static List<String> words(String text, boolean rightToLeft) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (char c : text.toCharArray()) {
			boolean partOfWord = Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
					|| c == '\u200C' || (c == '-' && !word.isEmpty());
			boolean inDirection = !Character.isLetterOrDigit(c) || rightToLeft(c) == rightToLeft;
			if (partOfWord && inDirection) {
				word.append(c);
			}
			else if (!word.isEmpty()) {
				words.add(word.toString());
				word.setLength(0);
			}
		}
		if (!word.isEmpty()) {
			words.add(word.toString());
		}
		return words;
	}

	private static List<Integer> punctuation(String text) {
		return text.chars()
			.filter((c) -> !Character.isLetterOrDigit(c) && !Character.isWhitespace(c)
					&& Character.getType(c) != Character.NON_SPACING_MARK && c != '\u200C')
			.sorted()
			.boxed()
			.toList();
	}

	private static CertificateContent content(String tag) {
		CertificateContent base = CertificateRendererTests.content(tag);
		if (!tag.equals("fa-AF")) {
			return base;
		}
		// ۴ also in the Solar Hijri year (۱۴۰۵) and the serial.
		return new CertificateContent(base.academyName(), base.cadetName(), DARI_TITLE, false, base.cohortName(),
				LocalDate.of(2026, 11, 22), "۲۰۲۶-۰۰۰۰۴۲", base.verificationUrl(), base.signatoryName(),
				base.signatoryTitle());
	}

}
