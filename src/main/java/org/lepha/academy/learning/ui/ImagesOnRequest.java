package org.lepha.academy.learning.ui;

import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * The data saver's lesson images: every {@code <img>} of the sanitized lesson HTML
 * becomes a "Show image" button carrying the image's address, its alt text and its size,
 * and the browser loads the image only when the cadet presses it. The swap is done in the
 * browser (see {@link #CLICK_SCRIPT}), so showing an image costs no round trip to the
 * server on a slow line, only the image itself.
 */
final class ImagesOnRequest {

	/** The sanitizer writes each image as {@code <img src="..." alt="..." ... />}. */
	private static final Pattern IMG = Pattern.compile("<img\\b([^>]*)>");

	private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");

	/**
	 * Replaces a pressed placeholder by its image. The address and alt text are read from
	 * data attributes the server wrote from the sanitized HTML and set as DOM properties,
	 * never as markup.
	 */
	static final String CLICK_SCRIPT = """
			this.addEventListener('click', (event) => {
			  const button = event.target.closest('button.datasaver-image');
			  if (!button) return;
			  const img = document.createElement('img');
			  img.src = button.dataset.src;
			  img.alt = button.dataset.alt;
			  button.replaceWith(img);
			});
			""";

	private ImagesOnRequest() {
	}

	/**
	 * @param html sanitized lesson HTML (attribute values already escaped)
	 * @param label the button text for an alt text and a size, in the reader's language
	 * @param size the size in bytes of the image at an (unescaped) address
	 */
	static String placeholders(String html, LabelFormat label, Function<String, OptionalLong> size) {
		Matcher m = IMG.matcher(html);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String src = "";
			String alt = "";
			Matcher a = ATTRIBUTE.matcher(m.group(1));
			while (a.find()) {
				if ("src".equals(a.group(1))) {
					src = a.group(2);
				}
				else if ("alt".equals(a.group(1))) {
					alt = a.group(2);
				}
			}
			OptionalLong bytes = size.apply(HtmlUtils.htmlUnescape(src));
			// A number (formatted in the reader's digits by the translation), or "?" when
			// the file is not known.
			Object kilobytes = bytes.isPresent() ? (Object) Math.max(1, (bytes.getAsLong() + 512) / 1024) : "?";
			String text = HtmlUtils.htmlEscape(label.format(HtmlUtils.htmlUnescape(alt), kilobytes));
			m.appendReplacement(out,
					Matcher.quoteReplacement("<button type=\"button\" class=\"datasaver-image\" data-src=\"" + src
							+ "\" data-alt=\"" + alt + "\">" + text + "</button>"));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** The translated button text. */
	@FunctionalInterface
	interface LabelFormat {

		String format(String alt, Object kilobytes);

	}

}
