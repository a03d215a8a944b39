package org.lepha.academy.learning.ui;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data saver's placeholders: each image of the sanitized lesson HTML becomes a button
 * with its alt text and size, carrying the address for the browser; text stays escaped.
 */
class ImagesOnRequestTests {

	@Test
	void everyImageBecomesAButtonWithItsAltTextAndSize() {
		String html = "<p>Before</p><p><img src=\"/content-media/m/recovery.svg\" alt=\"Recovery position\" "
				+ "loading=\"lazy\" /></p><p><img src=\"/content-media/m/b.png\" alt=\"B\" /></p>";
		String out = ImagesOnRequest.placeholders(html, (alt, kb) -> "Show " + alt + " (" + kb + " KB)",
				(src) -> src.endsWith("recovery.svg") ? OptionalLong.of(3000) : OptionalLong.empty());
		assertThat(out).doesNotContain("<img")
			.contains("<p>Before</p>")
			.contains("<button type=\"button\" class=\"datasaver-image\" data-src=\"/content-media/m/recovery.svg\" "
					+ "data-alt=\"Recovery position\">Show Recovery position (3 KB)</button>")
			.contains("data-src=\"/content-media/m/b.png\" data-alt=\"B\">Show B (? KB)</button>");
	}

	@Test
	void altTextStaysEscapedInTheButtonAndItsAttributes() {
		// As the sanitizer writes it: quotes and angle brackets as entities.
		String html = "<img src=\"/content-media/m/a.svg\" alt=\"&lt;script&gt;x&#34;\" />";
		String out = ImagesOnRequest.placeholders(html, (alt, kb) -> "Show " + alt, (src) -> OptionalLong.of(10));
		assertThat(out).doesNotContain("<script").doesNotContain("alt=\"<").contains("&lt;script&gt;x&quot;");
		assertThat(out).contains("data-alt=\"&lt;script&gt;x&#34;\"");
	}

	@Test
	void htmlWithoutImagesIsUnchanged() {
		String html = "<p>No <strong>images</strong> here</p>";
		assertThat(ImagesOnRequest.placeholders(html, (alt, kb) -> alt, (src) -> OptionalLong.empty())).isEqualTo(html);
	}

}
