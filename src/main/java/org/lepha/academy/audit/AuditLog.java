package org.lepha.academy.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records audited actions in the caller's transaction, so an action and its audit entry
 * are stored together or not at all; only administrators read the log.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	public AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records an action by the signed-in user. Called by services that already checked
	 * the caller; must run inside their transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditAction action, String subjectType, Object subjectId, String details) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String actor = authentication == null ? "system" : authentication.getName();
		Long actorId = org.lepha.academy.security.UserAccountService.currentUserId().orElse(null);
		insert(actor, actorId, action, subjectType, subjectId, details);
	}

	/**
	 * Records an action by a given actor: sign-in events happen before anyone is signed
	 * in. Joins the caller's transaction when there is one.
	 */
	@Transactional
	void recordAs(String actor, @Nullable Long actorId, AuditAction action, String subjectType, Object subjectId,
			String details) {
		insert(actor, actorId, action, subjectType, subjectId, details);
	}

	private void insert(String actor, @Nullable Long actorId, AuditAction action, String subjectType, Object subjectId,
			String details) {
		jdbc.sql("""
				INSERT INTO audit_event (actor_id, actor_name, action, subject_type, subject_id, details)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(actorId, truncate(actor, 64), action.name(), subjectType, truncate(String.valueOf(subjectId), 100),
					truncate(details, 2000))
			.update();
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<AuditEvent> search(AuditFilter filter, int offset, int limit) {
		StringBuilder sql = new StringBuilder(
				"SELECT id, occurred_at, actor_name, action, subject_type, subject_id, details FROM audit_event WHERE 1=1");
		List<Object> params = new ArrayList<>();
		if (filter.action() != null) {
			sql.append(" AND action = ?");
			params.add(filter.action().name());
		}
		if (filter.actorName() != null && !filter.actorName().isBlank()) {
			sql.append(" AND actor_name = ?");
			params.add(filter.actorName().strip().toLowerCase(java.util.Locale.ROOT));
		}
		if (filter.from() != null) {
			sql.append(" AND occurred_at >= ?");
			params.add(Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" AND occurred_at < ?");
			params.add(Timestamp.from(filter.to()));
		}
		sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?");
		params.add(limit);
		params.add(offset);
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new AuditEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					AuditAction.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

}
