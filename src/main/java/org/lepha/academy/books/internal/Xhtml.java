package org.lepha.academy.books.internal;

/**
 * Escaping for XHTML and XML text and attribute values. Characters XML 1.0 does not allow
 * (control characters, lone surrogates) are dropped, so no text can make a page
 * ill-formed.
 */
final class Xhtml {

	private Xhtml() {
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> {
					if (Character.isHighSurrogate(c) && i + 1 < text.length()
							&& Character.isLowSurrogate(text.charAt(i + 1))) {
						out.append(c).append(text.charAt(++i));
					}
					else if (allowed(c)) {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	private static boolean allowed(char c) {
		if (Character.isSurrogate(c)) {
			return false;
		}
		return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
	}

}
