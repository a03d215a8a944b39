package org.lepha.academy.classroom;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vote histogram is well-formed SVG whatever its labels hold, and its bars are as
 * long as their counts.
 */
class VoteHistogramTests {

	@Test
	void labelsAreEscapedAndBarsScaleWithTheCounts() throws Exception {
		String svg = VoteHistogram.svg(List.of(new VoteHistogram.Bar("<script>alert(1)</script>", "۳", 3),
				new VoteHistogram.Bar("B&\"", "0", 0), new VoteHistogram.Bar("C", "6", 6)));
		assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;").contains("B&amp;&quot;").contains("۳");
		var document = javax.xml.parsers.DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		var rects = document.getElementsByTagName("rect");
		// The background, then one bar per choice.
		assertThat(rects.getLength()).isEqualTo(4);
		int three = Integer.parseInt(rects.item(1).getAttributes().getNamedItem("width").getNodeValue());
		int six = Integer.parseInt(rects.item(3).getAttributes().getNamedItem("width").getNodeValue());
		int zero = Integer.parseInt(rects.item(2).getAttributes().getNamedItem("width").getNodeValue());
		assertThat(six).isEqualTo(VoteHistogram.WIDTH - VoteHistogram.LABEL_WIDTH - VoteHistogram.COUNT_WIDTH);
		assertThat(three).isEqualTo(six / 2);
		assertThat(zero).as("a sliver, so an empty bar is still seen as a bar").isEqualTo(2);
	}

	@Test
	void lettersAreTheSameInEveryLanguage() {
		assertThat(List.of(VoteHistogram.letter(0), VoteHistogram.letter(1), VoteHistogram.letter(2)))
			.containsExactly("A", "B", "C");
	}

}
