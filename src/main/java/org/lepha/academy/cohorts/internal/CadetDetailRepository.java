package org.lepha.academy.cohorts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.cohorts.CadetDetail;
import org.lepha.academy.cohorts.CadetSex;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only queries over one cadet's progress for the trainer's cadet detail: a fixed
 * number of statements whatever the number of attempts and runs.
 */
@Repository
public class CadetDetailRepository {

	private final JdbcClient jdbc;

	public CadetDetailRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The cadet, if they are or were enrolled in the cohort. */
	public Optional<CadetDetail> detail(long cohortId, long userId) {
		Optional<String[]> user = jdbc.sql("""
				SELECT u.username, u.full_name FROM app_user u
				WHERE u.id = ? AND EXISTS (SELECT 1 FROM enrolment e WHERE e.user_id = u.id AND e.cohort_id = ?)""")
			.params(userId, cohortId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
		if (user.isEmpty()) {
			return Optional.empty();
		}
		List<CadetDetail.ModuleSections> sections = jdbc
			.sql("SELECT module_id, COUNT(*) FROM section_view WHERE user_id = ? GROUP BY module_id ORDER BY module_id")
			.param(userId)
			.query((rs, n) -> new CadetDetail.ModuleSections(rs.getString(1), rs.getInt(2)))
			.list();
		Map<Long, List<CadetDetail.Answer>> answers = new HashMap<>();
		jdbc.sql("""
				SELECT a.attempt_id, a.question_id, a.answer, a.credit
				FROM quiz_answer a JOIN quiz_attempt q ON q.id = a.attempt_id
				WHERE q.user_id = ? ORDER BY a.attempt_id, a.answered_at, a.question_id""")
			.param(userId)
			.query((rs) -> {
				answers.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
					.add(new CadetDetail.Answer(rs.getString(2), rs.getString(3), rs.getBigDecimal(4)));
			});
		List<CadetDetail.QuizAttempt> attempts = jdbc
			.sql("""
					SELECT id, module_id, kind, attempt_no, started_at, submitted_at, score_percent, passed
					FROM quiz_attempt WHERE user_id = ? AND started_at IS NOT NULL ORDER BY module_id, kind DESC, attempt_no""")
			.param(userId)
			.query((rs, n) -> new CadetDetail.QuizAttempt(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					instant(rs, 5), instant(rs, 6), rs.getObject(7, Integer.class), rs.getObject(8, Boolean.class),
					List.copyOf(answers.getOrDefault(rs.getLong(1), List.of()))))
			.list();
		Map<Long, List<CadetDetail.Step>> steps = new HashMap<>();
		jdbc.sql("""
				SELECT s.run_id, s.step_no, s.node_id, s.choice_id
				FROM scenario_step s JOIN scenario_run r ON r.id = s.run_id
				WHERE r.user_id = ? ORDER BY s.run_id, s.step_no""").param(userId).query((rs) -> {
			steps.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
				.add(new CadetDetail.Step(rs.getInt(2), rs.getString(3), rs.getString(4)));
		});
		List<CadetDetail.ScenarioRun> runs = jdbc.sql("""
				SELECT id, module_id, scenario_id, started_at, ended_at, ending_id, rating
				FROM scenario_run WHERE user_id = ? ORDER BY module_id, scenario_id, started_at, id""")
			.param(userId)
			.query((rs, n) -> new CadetDetail.ScenarioRun(rs.getLong(1), rs.getString(2), rs.getString(3),
					instant(rs, 4), instant(rs, 5), List.copyOf(steps.getOrDefault(rs.getLong(1), List.of())),
					rs.getString(6), rs.getString(7)))
			.list();
		return Optional
			.of(new CadetDetail(userId, user.get()[0], user.get()[1], sections, attempts, runs, sex(userId)));
	}

	/** Whether the user is or was a cadet of the cohort. */
	public boolean wasEnrolled(long cohortId, long userId) {
		return jdbc.sql("SELECT COUNT(*) FROM enrolment WHERE cohort_id = ? AND user_id = ?")
			.params(cohortId, userId)
			.query(Long.class)
			.single() > 0;
	}

	/** The recorded sex, or null when not recorded. */
	public @Nullable CadetSex sex(long userId) {
		return jdbc.sql("SELECT sex FROM cadet_profile WHERE user_id = ?")
			.param(userId)
			.query((rs, n) -> rs.getString(1))
			.optional()
			.map(CadetSex::valueOf)
			.orElse(null);
	}

	/** Records the sex; null clears it (not recorded). */
	public void setSex(long userId, @Nullable CadetSex sex) {
		jdbc.sql("INSERT INTO cadet_profile (user_id, sex) VALUES (?, ?) ON DUPLICATE KEY UPDATE sex = VALUES(sex)")
			.params(userId, sex == null ? null : sex.name())
			.update();
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
