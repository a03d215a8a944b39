package org.lepha.academy.security;

import java.security.SecureRandom;

/**
 * Random passwords for handing out on paper: twelve characters from an alphabet without
 * the look-alikes (0/O, 1/l/I), about 69 bits of entropy.
 */
public final class OneTimePasswords {

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private OneTimePasswords() {
	}

	public static String generate() {
		StringBuilder password = new StringBuilder(12);
		for (int i = 0; i < 12; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
