package org.lepha.academy.exams.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Exam sessions and accommodations. The monitor reads the cohort's roster and the
 * session's attempts from the cohorts and learning tables in one query, as the trainer
 * analytics do, so that 300 cadets cost one round trip.
 */
@Repository
public class ExamSessionRepository {

	/** A stored session, without its phase (that depends on the clock). */
	public record StoredSession(long id, long cohortId, String moduleId, Instant opensAt, Instant closesAt,
			@Nullable String accessCode, @Nullable Instant closedEarlyAt) {
	}

	/** One cadet of the cohort with their latest attempt in the session, if any. */
	public record MonitorRow(long cadetId, String fullName, int extraMinutes, @Nullable Long attemptId,
			@Nullable Instant startedAt, @Nullable Instant deadline, @Nullable Instant submittedAt, int questions,
			int answered) {
	}

	/** A session as the cadet's start sees it. */
	public record CadetWindow(StoredSession session, int extraMinutes) {
	}

	private static final String COLUMNS = """
			SELECT s.id, s.cohort_id, s.module_id, s.opens_at, s.closes_at, s.access_code, s.closed_early_at
			FROM exam_session s""";

	private final JdbcClient jdbc;

	public ExamSessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long cohortId, String moduleId, Instant opensAt, Instant closesAt, @Nullable String accessCode,
			@Nullable Long createdBy) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO exam_session (cohort_id, module_id, opens_at, closes_at, access_code, created_by)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(cohortId, moduleId, Timestamp.from(opensAt), Timestamp.from(closesAt), accessCode, createdBy)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<StoredSession> find(long sessionId) {
		return jdbc.sql(COLUMNS + " WHERE s.id = ?").param(sessionId).query(ExamSessionRepository::map).optional();
	}

	/** Newest first. */
	public List<StoredSession> forCohort(long cohortId) {
		return jdbc.sql(COLUMNS + " WHERE s.cohort_id = ? ORDER BY s.opens_at DESC, s.id DESC")
			.param(cohortId)
			.query(ExamSessionRepository::map)
			.list();
	}

	/** Whether the cohort has a session for the module that has not ended. */
	public boolean hasUnended(long cohortId, String moduleId, Instant now) {
		return jdbc.sql("SELECT COUNT(*) FROM exam_session WHERE cohort_id = ? AND module_id = ? AND closes_at > ?")
			.params(cohortId, moduleId, Timestamp.from(now))
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Ends the session now (a scheduled one never opens).
	 * @return false when it had already ended
	 */
	public boolean closeNow(long sessionId, Instant now) {
		Timestamp at = Timestamp.from(now);
		return jdbc.sql("""
				UPDATE exam_session SET closes_at = ?, closed_early_at = ?, opens_at = LEAST(opens_at, ?)
				WHERE id = ? AND closes_at > ?""").params(at, at, at, sessionId, at).update() == 1;
	}

	public void addExtraMinutes(long sessionId, long cadetId, int minutes) {
		jdbc.sql("""
				INSERT INTO exam_accommodation (session_id, user_id, extra_minutes) VALUES (?, ?, ?)
				ON DUPLICATE KEY UPDATE extra_minutes = extra_minutes + VALUES(extra_minutes)""")
			.params(sessionId, cadetId, minutes)
			.update();
	}

	public boolean isActiveCadet(long cohortId, long cadetId) {
		return jdbc.sql("SELECT COUNT(*) FROM enrolment WHERE cohort_id = ? AND user_id = ? AND withdrawn_at IS NULL")
			.params(cohortId, cadetId)
			.query(Integer.class)
			.single() > 0;
	}

	public List<Long> activeCadets(long cohortId) {
		return jdbc.sql("SELECT user_id FROM enrolment WHERE cohort_id = ? AND withdrawn_at IS NULL ORDER BY user_id")
			.param(cohortId)
			.query(Long.class)
			.list();
	}

	/**
	 * The cadet's cohort's session for the module: the one open now, else the next one,
	 * else the latest that ended; with the cadet's extra minutes. One query, on every
	 * exam-day start.
	 */
	public Optional<CadetWindow> windowFor(long cadetId, String moduleId, Instant now) {
		Timestamp at = Timestamp.from(now);
		return jdbc.sql("""
				SELECT s.id, s.cohort_id, s.module_id, s.opens_at, s.closes_at, s.access_code, s.closed_early_at,
				       COALESCE(x.extra_minutes, 0)
				FROM exam_session s
				JOIN enrolment e ON e.cohort_id = s.cohort_id AND e.user_id = ? AND e.withdrawn_at IS NULL
				LEFT JOIN exam_accommodation x ON x.session_id = s.id AND x.user_id = e.user_id
				WHERE s.module_id = ?
				ORDER BY s.closes_at > ? DESC, CASE WHEN s.closes_at > ? THEN s.opens_at END ASC, s.closes_at DESC,
				         s.id DESC
				LIMIT 1""")
			.params(cadetId, moduleId, at, at)
			.query((rs, n) -> new CadetWindow(map(rs, n), extraMinutes(rs)))
			.optional();
	}

	public Optional<String> accessCode(long sessionId) {
		return jdbc.sql("SELECT access_code FROM exam_session WHERE id = ?")
			.param(sessionId)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap((code) -> code);
	}

	/**
	 * Every active cadet of the cohort with their latest attempt in the session (prepared
	 * or started), its number of questions and answers, and their extra minutes: one
	 * query whatever the cohort's size.
	 */
	public List<MonitorRow> monitor(long sessionId, long cohortId) {
		return jdbc.sql("""
				SELECT u.id, u.full_name, COALESCE(x.extra_minutes, 0), q.id, q.started_at, q.deadline_at,
				       q.submitted_at, COALESCE(JSON_LENGTH(q.drawn), 0),
				       (SELECT COUNT(*) FROM quiz_answer a WHERE a.attempt_id = q.id)
				FROM enrolment e
				JOIN app_user u ON u.id = e.user_id
				LEFT JOIN exam_accommodation x ON x.session_id = :s AND x.user_id = e.user_id
				LEFT JOIN quiz_attempt q ON q.id = (SELECT MAX(l.id) FROM quiz_attempt l
				                                    WHERE l.exam_session_id = :s AND l.user_id = e.user_id)
				WHERE e.cohort_id = :c AND e.withdrawn_at IS NULL
				ORDER BY u.full_name, u.id""")
			.param("s", sessionId)
			.param("c", cohortId)
			.query((rs, n) -> new MonitorRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getObject(4, Long.class),
					instant(rs, 5), instant(rs, 6), instant(rs, 7), rs.getInt(8), rs.getInt(9)))
			.list();
	}

	private static StoredSession map(ResultSet rs, int n) throws SQLException {
		return new StoredSession(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
				rs.getTimestamp(5).toInstant(), rs.getString(6), instant(rs, 7));
	}

	private static int extraMinutes(ResultSet rs) throws SQLException {
		return rs.getInt(8);
	}

	private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
