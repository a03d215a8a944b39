package org.lepha.academy.certificates.internal;

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
	void aZeroWidthNonJoinerStopsJoiningAndDrawsNothing() {
		int[] joined = glyphs("کک");
		int[] separated = glyphs("ک\u200Cک");
		assertThat(separated).hasSize(2);
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

}
