package org.lepha.academy.base.text;

import org.jspecify.annotations.Nullable;

/**
 * Text made safe inside an XML or XHTML element or attribute value: the five markup
 * characters escaped, and the characters XML 1.0 cannot hold (control characters, lone
 * surrogates, U+FFFE and U+FFFF) dropped, so no user or content text can make an SVG
 * chart, an EPUB page or a PDF's XMP packet ill-formed or carry markup into it.
 */
public final class XmlText {

	private XmlText() {
	}

	/** The escaped text; {@code null} gives the empty string. */
	public static String escape(@Nullable String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		text.codePoints().forEach((c) -> {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				// Numeric, because XHTML served as HTML does not know &apos;.
				case '\'' -> out.append("&#39;");
				default -> {
					if (allowed(c)) {
						out.appendCodePoint(c);
					}
				}
			}
		});
		return out.toString();
	}

	private static boolean allowed(int c) {
		// codePoints() yields an unpaired surrogate as itself: XML cannot hold it.
		return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
				|| c >= 0x10000;
	}

}
