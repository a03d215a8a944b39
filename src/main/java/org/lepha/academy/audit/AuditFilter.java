package org.lepha.academy.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which events to list; null fields do not filter.
 */
public record AuditFilter(@Nullable AuditAction action, @Nullable String actorName, @Nullable Instant from,
		@Nullable Instant to) {

	public static AuditFilter all() {
		return new AuditFilter(null, null, null, null);
	}

}
