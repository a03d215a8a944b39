package org.lepha.academy.content.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short fingerprint of an English segment. A translation records the fingerprint of the
 * English it was made from; when the English changes the fingerprints differ and the
 * translation is stale.
 */
public final class SourceHash {

	private SourceHash() {
	}

	public static String of(String english) {
		String normalized = english.replace("\r\n", "\n").strip();
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
