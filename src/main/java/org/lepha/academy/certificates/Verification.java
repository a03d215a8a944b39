package org.lepha.academy.certificates;

import java.util.List;

/**
 * The public answer about a verification code.
 *
 * @param certificate null when the status is UNKNOWN
 * @param documents the issued PDFs (language, title, SHA-256); empty when UNKNOWN
 */
public record Verification(Status status, Certificate certificate, List<IssuedDocument> documents) {

	/** What a verifier learns. */
	public enum Status {

		VALID, REVOKED, UNKNOWN

	}

	/** One issued PDF: its language, the title printed on it, and its SHA-256. */
	public record IssuedDocument(String language, String title, String sha256) {
	}

	/** What is known of an issued certificate: valid until revoked. */
	public static Verification of(Certificate certificate, List<IssuedDocument> documents) {
		return new Verification(certificate.revoked() ? Status.REVOKED : Status.VALID, certificate, documents);
	}

	public static Verification unknown() {
		return new Verification(Status.UNKNOWN, null, List.of());
	}

}
