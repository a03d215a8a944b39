package org.lepha.academy.certificates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An issued certificate, with every field as it was issued.
 *
 * @param subject the module id, or the cohort for a programme certificate
 * @param language the cadet's language when it was issued (the default download)
 * @param signatoryTitle the configured title, or null for the translated default
 */
public record Certificate(long id, String code, String serial, Kind kind, String subject, long userId,
		@Nullable Long cohortId, String cadetName, String academyName, String cohortName, LocalDate completedOn,
		Instant issuedAt, Locale language, String signatoryName, @Nullable String signatoryTitle,
		@Nullable Instant revokedAt, @Nullable String revokeReason) {

	/** What a certificate certifies. */
	public enum Kind {

		/** One module. */
		MODULE,
		/** Every module assigned to the cadet's cohort. */
		PROGRAMME

	}

	public boolean revoked() {
		return revokedAt != null;
	}

}
