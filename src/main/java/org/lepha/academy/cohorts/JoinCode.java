package org.lepha.academy.cohorts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A cohort's self-enrolment code.
 */
public record JoinCode(@Nullable String code, boolean enabled, @Nullable Instant expiresAt) {

	public boolean usableAt(Instant now) {
		return enabled && code != null && (expiresAt == null || now.isBefore(expiresAt));
	}

}
