package org.lepha.academy.base.text;

import java.security.SecureRandom;

/**
 * Short random codes that people read off a screen and type: cohort join codes, exam
 * access codes, classroom join codes. Drawn with {@link SecureRandom}, since a guessed
 * code lets a stranger in.
 */
public final class RandomCodes {

	/** Letters and digits without the look-alikes 0/O and 1/I/L. */
	public static final String UNAMBIGUOUS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private RandomCodes() {
	}

	/** A code of the given length from the given characters. */
	public static String of(String alphabet, int length) {
		StringBuilder code = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			code.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return code.toString();
	}

}
