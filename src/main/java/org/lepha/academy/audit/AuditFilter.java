package org.lepha.academy.audit;

import java.time.Instant;

/**
 * Which events to list; null fields do not filter.
 */
public record AuditFilter(AuditAction action, String actorName, Instant from, Instant to) {

	public static AuditFilter all() {
		return new AuditFilter(null, null, null, null);
	}

}
