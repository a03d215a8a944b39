package org.lepha.academy.base.text;

import java.text.Normalizer;

/**
 * The one check for names people give (full names, academy and cohort names): they are
 * printed on certificates and shown on the public verification page, so they must not
 * carry characters that hide or reorder what a reader sees.
 * <p>
 * Refused: control characters (C0, DEL, C1, NUL among them), the bidi embeddings and
 * overrides U+202A–U+202E and the bidi isolates U+2066–U+2069, which can make a name read
 * differently from what is stored. Allowed: the zero-width non-joiner U+200C (Dari
 * spelling needs it, e.g. «می‌خواهم») and joiner U+200D (emoji sequences). Names are
 * normalised to NFC, so the same name typed on two keyboards is stored the same way.
 */
public final class SafeNames {

	/** The UI string key of the refusal. */
	public static final String MESSAGE_KEY = "name.error.characters";

	private SafeNames() {
	}

	/**
	 * The name normalised to NFC with surrounding white space removed.
	 * @throws UnsafeNameException when the name holds a refused character
	 */
	public static String requireSafe(String name) {
		String normalized = Normalizer.normalize(name, Normalizer.Form.NFC);
		int refused = firstRefused(normalized);
		if (refused >= 0) {
			throw new UnsafeNameException(refused);
		}
		return normalized.strip();
	}

	/**
	 * The name normalised to NFC with surrounding white space removed.
	 * @throws UnsafeNameException when the name holds a refused character
	 * @throws TextLimits.TooLongException when the name is longer than {@code max}
	 */
	public static String requireSafe(String name, int max) {
		return TextLimits.require(requireSafe(name), max);
	}

	/** Whether the name holds no refused character. */
	public static boolean isSafe(String name) {
		return firstRefused(Normalizer.normalize(name, Normalizer.Form.NFC)) < 0;
	}

	private static int firstRefused(String text) {
		return text.codePoints().filter(SafeNames::isRefused).findFirst().orElse(-1);
	}

	static boolean isRefused(int codePoint) {
		return Character.getType(codePoint) == Character.CONTROL || (codePoint >= 0x202A && codePoint <= 0x202E)
				|| (codePoint >= 0x2066 && codePoint <= 0x2069);
	}

	/** A name was refused; {@link #messageKey()} is the UI string that says why. */
	public static class UnsafeNameException extends RefusedTextException {

		UnsafeNameException(int codePoint) {
			super("Name contains the refused character U+%04X".formatted(codePoint));
		}

		@Override
		public String messageKey() {
			return MESSAGE_KEY;
		}

	}

}
