package org.lepha.academy.cohorts.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.content.QuizKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only queries over the quiz attempts and scenario runs of a cohort's active cadets,
 * for trainers' exports and analyses. Every query joins the cadet's active enrolment, so
 * withdrawn or moved cadets never count.
 */
@Repository
public class CohortAnalyticsRepository {

	private static final String ACTIVE = " JOIN enrolment e ON e.user_id = q.user_id AND e.cohort_id = :c AND e.withdrawn_at IS NULL ";

	private final JdbcClient jdbc;

	public CohortAnalyticsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A submitted post-test attempt of an active cadet. */
	public record AttemptRow(long userId, String fullName, String username, String moduleId, int attemptNo,
			Integer scorePercent, Boolean passed, Instant submittedAt) {
	}

	public List<AttemptRow> submittedPostAttempts(long cohortId) {
		return jdbc.sql("""
				SELECT q.user_id, u.full_name, u.username, q.module_id, q.attempt_no, q.score_percent, q.passed,
				       q.submitted_at
				FROM quiz_attempt q""" + ACTIVE + """
				JOIN app_user u ON u.id = q.user_id
				WHERE q.kind = 'POST' AND q.submitted_at IS NOT NULL
				ORDER BY u.full_name, u.id, q.module_id, q.attempt_no""")
			.param("c", cohortId)
			.query((rs, n) -> new AttemptRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), (Integer) rs.getObject(6, Integer.class), (Boolean) rs.getObject(7, Boolean.class),
					rs.getTimestamp(8).toInstant()))
			.list();
	}

	/** One answer of a cadet's first submitted post-test attempt in a module. */
	public record AnswerRow(long userId, int attemptScore, String questionId, String answer, BigDecimal credit) {
	}

	/**
	 * The answers of each active cadet's first submitted post-test attempt in the module
	 * (a cadet with an attempt but no answers gives one row with a null question).
	 */
	public List<AnswerRow> firstPostAttemptAnswers(long cohortId, String moduleId) {
		return jdbc.sql("""
				SELECT q.user_id, q.score_percent, a.question_id, a.answer, a.credit
				FROM quiz_attempt q""" + ACTIVE + """
				LEFT JOIN quiz_answer a ON a.attempt_id = q.id
				WHERE q.module_id = :m AND q.kind = 'POST' AND q.submitted_at IS NOT NULL
				  AND q.attempt_no = (SELECT MIN(f.attempt_no) FROM quiz_attempt f WHERE f.user_id = q.user_id
				      AND f.module_id = q.module_id AND f.kind = 'POST' AND f.submitted_at IS NOT NULL)
				ORDER BY q.user_id, a.question_id""")
			.param("c", cohortId)
			.param("m", moduleId)
			.query((rs, n) -> new AnswerRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getBigDecimal(5)))
			.list();
	}

	/**
	 * A question drawn in a cadet's latest submitted post-test attempt: whether the cadet
	 * answered it and the credit it earned (null when unanswered).
	 */
	public record DrawnRow(long userId, String questionId, boolean answered, @Nullable BigDecimal credit) {
	}

	/**
	 * Every question drawn in each active cadet's latest submitted post-test attempt in
	 * the module, answered or not: the attempt stores its draw as JSON ({@code [{"q": id,
	 * ...}]}), and a question left unanswered has no answer row. The draw's ids are read
	 * as ASCII (content ids are), so that they compare with the answers' ids whatever
	 * collation the database gives the answers.
	 */
	public List<DrawnRow> latestPostAttemptDraws(long cohortId, String moduleId) {
		return jdbc
			.sql("""
					SELECT q.user_id, d.question_id, a.question_id IS NOT NULL, a.credit
					FROM quiz_attempt q""" + ACTIVE
					+ """
							CROSS JOIN JSON_TABLE(q.drawn, '$[*]' COLUMNS (question_id VARCHAR(64) CHARACTER SET ascii PATH '$.q')) d
							LEFT JOIN quiz_answer a ON a.attempt_id = q.id AND a.question_id = d.question_id
							WHERE q.module_id = :m AND q.kind = 'POST' AND q.submitted_at IS NOT NULL
							  AND q.attempt_no = (SELECT MAX(l.attempt_no) FROM quiz_attempt l WHERE l.user_id = q.user_id
							      AND l.module_id = q.module_id AND l.kind = 'POST' AND l.submitted_at IS NOT NULL)
							ORDER BY q.user_id, d.question_id""")
			.param("c", cohortId)
			.param("m", moduleId)
			.query((rs, n) -> new DrawnRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getBigDecimal(4)))
			.list();
	}

	/** A submitted attempt's score, pre- or post-test. */
	public record ScoreRow(long userId, QuizKind kind, int attemptNo, int scorePercent) {
	}

	public List<ScoreRow> submittedScores(long cohortId, String moduleId) {
		return jdbc.sql("""
				SELECT q.user_id, q.kind, q.attempt_no, q.score_percent
				FROM quiz_attempt q""" + ACTIVE + """
				WHERE q.module_id = :m AND q.submitted_at IS NOT NULL AND q.score_percent IS NOT NULL
				ORDER BY q.user_id, q.kind, q.attempt_no""")
			.param("c", cohortId)
			.param("m", moduleId)
			.query((rs, n) -> new ScoreRow(rs.getLong(1), QuizKind.valueOf(rs.getString(2)), rs.getInt(3),
					rs.getInt(4)))
			.list();
	}

	/** How many runs took a choice at a node. */
	public record ChoiceCount(String scenarioId, String nodeId, String choiceId, int runs) {
	}

	public List<ChoiceCount> choiceCounts(long cohortId, String moduleId) {
		return jdbc.sql("""
				SELECT q.scenario_id, s.node_id, s.choice_id, COUNT(DISTINCT q.id)
				FROM scenario_run q""" + ACTIVE + """
				JOIN scenario_step s ON s.run_id = q.id
				WHERE q.module_id = :m
				GROUP BY q.scenario_id, s.node_id, s.choice_id""")
			.param("c", cohortId)
			.param("m", moduleId)
			.query((rs, n) -> new ChoiceCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

	/** How many runs of a scenario ended in an ending (null: not finished). */
	public record EndingCount(String scenarioId, String endingId, int runs) {
	}

	public List<EndingCount> endingCounts(long cohortId, String moduleId) {
		return jdbc.sql("""
				SELECT q.scenario_id, q.ending_id, COUNT(*)
				FROM scenario_run q""" + ACTIVE + """
				WHERE q.module_id = :m
				GROUP BY q.scenario_id, q.ending_id""")
			.param("c", cohortId)
			.param("m", moduleId)
			.query((rs, n) -> new EndingCount(rs.getString(1), rs.getString(2), rs.getInt(3)))
			.list();
	}

}
