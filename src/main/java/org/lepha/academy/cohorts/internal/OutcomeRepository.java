package org.lepha.academy.cohorts.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per cadet and assigned module, what programme reports count: a fixed number of grouped
 * statements over a cohort's active cadets, however many cadets and modules.
 */
@Repository
public class OutcomeRepository {

	private final JdbcClient jdbc;

	public OutcomeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An active cadet with their recorded sex (null: not recorded). */
	public record CadetRow(long userId, @Nullable String sex) {
	}

	public List<CadetRow> activeCadets(long cohortId) {
		return jdbc.sql("""
				SELECT e.user_id, p.sex FROM enrolment e LEFT JOIN cadet_profile p ON p.user_id = e.user_id
				WHERE e.cohort_id = ? AND e.withdrawn_at IS NULL ORDER BY e.user_id""")
			.param(cohortId)
			.query((rs, n) -> new CadetRow(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** A module completion of an active cadet. */
	public record CompletionRow(long userId, String moduleId, Instant completedAt) {
	}

	public List<CompletionRow> completions(long cohortId) {
		return jdbc.sql("""
				SELECT m.user_id, m.module_id, m.completed_at FROM module_completion m
				JOIN enrolment e ON e.user_id = m.user_id AND e.cohort_id = ? AND e.withdrawn_at IS NULL
				JOIN cohort_assignment a ON a.cohort_id = e.cohort_id AND a.module_id = m.module_id""")
			.param(cohortId)
			.query((rs, n) -> new CompletionRow(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3))))
			.list();
	}

	/**
	 * An active cadet's submitted tests in a module: the first pre-test score, the best
	 * post-test score and whether any post-test passed (nulls where there is none).
	 */
	public record TestRow(long userId, String moduleId, @Nullable Integer firstPre, @Nullable Integer bestPost,
			boolean passed) {
	}

	public List<TestRow> tests(long cohortId) {
		return jdbc
			.sql("""
					SELECT q.user_id, q.module_id,
					       (SELECT f.score_percent FROM quiz_attempt f WHERE f.user_id = q.user_id AND f.module_id = q.module_id
					          AND f.kind = 'PRE' AND f.submitted_at IS NOT NULL ORDER BY f.attempt_no LIMIT 1),
					       MAX(IF(q.kind = 'POST', q.score_percent, NULL)),
					       MAX(IF(q.kind = 'POST' AND q.passed, 1, 0))
					FROM quiz_attempt q
					JOIN enrolment e ON e.user_id = q.user_id AND e.cohort_id = ? AND e.withdrawn_at IS NULL
					WHERE q.submitted_at IS NOT NULL
					GROUP BY q.user_id, q.module_id""")
			.param(cohortId)
			.query((rs, n) -> new TestRow(rs.getLong(1), rs.getString(2), rs.getObject(3, Integer.class),
					rs.getObject(4, Integer.class), rs.getInt(5) == 1))
			.list();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp.toInstant();
	}

}
