package org.lepha.academy.content;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The callout markers of lesson Markdown ({@code > [!KEYFACT]}, {@code [!WARNING]},
 * {@code [!FIELD]}, docs/content-format.md), read in one place for every renderer: the
 * cadets' HTML and the course books.
 */
public final class CalloutMarkers {

	/** Each marker and the callout type it makes (also the HTML class suffix). */
	private static final Map<String, String> TYPES = Map.of("[!KEYFACT]", "keyfact", "[!WARNING]", "warning",
			"[!FIELD]", "field");

	private CalloutMarkers() {
	}

	/**
	 * The callout type of a block quote whose first line starts with a marker, with the
	 * marker removed from the tree (and its line, when the marker stands alone); empty
	 * for a plain quote, which is left as it is.
	 */
	public static Optional<String> take(Node quote) {
		if (!(quote.getFirstChild() instanceof Paragraph paragraph)
				|| !(paragraph.getFirstChild() instanceof Text first)) {
			return Optional.empty();
		}
		String literal = first.getLiteral().strip();
		for (Map.Entry<String, String> marker : TYPES.entrySet()) {
			if (literal.toUpperCase(Locale.ROOT).startsWith(marker.getKey())) {
				String rest = literal.substring(marker.getKey().length()).strip();
				if (rest.isEmpty()) {
					first.unlink();
					if (paragraph.getFirstChild() instanceof SoftLineBreak lineBreak) {
						lineBreak.unlink();
					}
					if (paragraph.getFirstChild() == null) {
						paragraph.unlink();
					}
				}
				else {
					first.setLiteral(rest);
				}
				return Optional.of(marker.getValue());
			}
		}
		return Optional.empty();
	}

}
