package org.lepha.academy.base.pdf;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextShaperTests {

	private static int[] glyphs(String text) {
		return TextShaper.shape(text, true, false)
			.runs()
			.stream()
			.flatMapToInt((r) -> Arrays.stream(r.glyphs()))
			.toArray();
	}

	private static int isolated(String letter) {
		int[] g = glyphs(letter);
		assertThat(g).hasSize(1);
		return g[0];
	}

	@ParameterizedTest
	@ValueSource(strings = { "پ", "چ", "ک", "گ", "ی", "ب", "س" })
	void dualJoiningLettersTakeTheirInitialMedialAndFinalForms(String letter) {
		int[] word = glyphs(letter + letter + letter);
		assertThat(word).hasSize(3).doesNotContain(isolated(letter));
		// initial, medial and final are three different glyphs
		assertThat(Arrays.stream(word).distinct().count()).isEqualTo(3);
	}

	@Test
	void rightJoiningZheTakesItsFinalFormAfterAJoiningLetter() {
		int[] word = glyphs("بژ");
		assertThat(word).hasSize(2).doesNotContain(isolated("ژ"));
	}

	@Test
	void aZeroWidthNonJoinerStopsJoiningAndDrawsOnlyTheFontsEmptyGlyph() {
		int[] joined = glyphs("کک");
		int[] separated = glyphs("ک\u200Cک");
		// The font's own zero-width glyph, kept so that glyph-reading extractors see it.
		assertThat(separated).hasSize(3);
		assertThat(separated[1]).isEqualTo(FontFace.ARABIC.zeroWidthNonJoiner()).isPositive();
		assertThat(FontFace.ARABIC.awtFont()
			.createGlyphVector(new java.awt.font.FontRenderContext(null, true, true), new int[] { separated[1] })
			.getGlyphMetrics(0)
			.getAdvance()).isZero();
		// Before the ZWNJ the letter stands alone (isolated form), unlike in the joined
		// pair.
		assertThat(separated).contains(isolated("ک"));
		assertThat(joined).doesNotContain(isolated("ک"));
	}

	@Test
	void latinAndDigitsInADariLineKeepTheirOwnDirectionAndFont() {
		TextShaper.ShapedLine line = TextShaper.shape("گروه: Cohort 2026-A", true, false);
		// Visual order, left to right: the Latin run, then the Dari word on the right.
		assertThat(line.runs().get(0).face()).isEqualTo(FontFace.LATIN);
		assertThat(line.runs().get(line.runs().size() - 1).face()).isEqualTo(FontFace.ARABIC);
		TextShaper.ShapedLine latin = TextShaper.shape("Cohort 2026-A", false, false);
		assertThat(line.runs().get(0).glyphs()).isEqualTo(latin.runs().get(0).glyphs());
	}

	@ParameterizedTest
	@ValueSource(strings = { "ژیلا گل\u200Cچهره", "کلاس ۱۴۰۵ (۲۰۲۶)", "صنف: Cohort 2026-A" })
	void everyCharacterIsCarriedByExactlyOneGlyph(String text) {
		// What the ToUnicode map is written from: a lam-alef pair, Persian digits and the
		// non-joiner (drawn as the font's empty glyph) each give back their own chars.
		StringBuilder carried = new StringBuilder();
		for (TextShaper.GlyphRun run : TextShaper.shape(text, true, false).runs()) {
			assertThat(run.text()).hasSameSizeAs(run.glyphs());
			for (String chars : run.text()) {
				carried.append(chars);
			}
		}
		assertThat(carried.chars().sorted().toArray()).isEqualTo(text.chars().sorted().toArray());
	}

}
