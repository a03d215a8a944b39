package org.lepha.academy.audit;

import java.time.Instant;

/**
 * One audited action.
 */
public record AuditEvent(long id, Instant occurredAt, String actorName, AuditAction action, String subjectType,
		String subjectId, String details) {

}
