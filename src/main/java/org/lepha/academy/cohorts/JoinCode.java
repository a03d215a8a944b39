package org.lepha.academy.cohorts;

import java.time.Instant;

/**
 * A cohort's self-enrolment code.
 */
public record JoinCode(String code, boolean enabled, Instant expiresAt) {

	public boolean usableAt(Instant now) {
		return enabled && code != null && (expiresAt == null || now.isBefore(expiresAt));
	}

}
