package org.lepha.academy.certificates.internal;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Serial numbers people read out ("2026-000042") and verification codes nobody can guess:
 * 160 random bits in lower-case base32, 32 characters, safe in a URL and a QR code.
 */
public final class CertificateSerials {

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

	private static final Pattern CODE = Pattern.compile("[a-z2-7]{32}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private CertificateSerials() {
	}

	static String format(LocalDate completedOn, long serialNo) {
		return "%d-%06d".formatted(completedOn.getYear(), serialNo);
	}

	static String newCode() {
		byte[] bytes = new byte[20];
		RANDOM.nextBytes(bytes);
		StringBuilder code = new StringBuilder(32);
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xFF);
			bits += 8;
			while (bits >= 5) {
				code.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		return code.toString();
	}

	/**
	 * Whether the text could be a code at all (anything else is UNKNOWN without a
	 * lookup).
	 */
	public static boolean isWellFormed(String code) {
		return code != null && CODE.matcher(code).matches();
	}

}
