package org.lepha.academy.cohorts;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.lepha.academy.AcademyFixture;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Writes quiz attempts, answers and scenario runs straight into the database, so
 * analytics tests (and programme report tests) run on a fixed, known data set.
 */
public final class AnalyticsData {

	public static final String MODULE = "example-module";

	private final JdbcClient jdbc;

	public AnalyticsData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A trainer's cohort of four active cadets and one who will be withdrawn. */
	record Classroom(Academy academy, UserAccount trainer, UserAccount a, UserAccount b, UserAccount c, UserAccount d,
			UserAccount gone, CohortSummary cohort) {
	}

	/** Builds the classroom and leaves its trainer signed in. */
	static Classroom classroom(AcademyFixture fixtures, CohortService cohorts) {
		Academy academy = fixtures.academy();
		UserAccount trainer = fixtures.user(Role.TRAINER, academy, "Trainer");
		Classroom room = new Classroom(academy, trainer, fixtures.user(Role.CADET, academy, "A"),
				fixtures.user(Role.CADET, academy, "B"), fixtures.user(Role.CADET, academy, "C"),
				fixtures.user(Role.CADET, academy, "D"), fixtures.user(Role.CADET, academy, "E Withdrawn"),
				fixtures.cohort(academy, trainer));
		fixtures.signInAs(trainer);
		for (UserAccount cadet : List.of(room.a(), room.b(), room.c(), room.d(), room.gone())) {
			cohorts.enrol(room.cohort().id(), cadet.id());
		}
		return room;
	}

	public long attempt(long userId, String kind, int attemptNo, Integer score, Boolean passed, Instant submittedAt) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO quiz_attempt (user_id, module_id, kind, attempt_no, module_version, drawn, started_at,
				                          submitted_at, score_percent, passed)
				VALUES (?, ?, ?, ?, 1, '[]', ?, ?, ?, ?)""")
			.params(userId, MODULE, kind, attemptNo,
					Timestamp.from(submittedAt == null ? Instant.now() : submittedAt.minusSeconds(600)),
					submittedAt == null ? null : Timestamp.from(submittedAt), score, passed)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public void answer(long attemptId, String questionId, String answerJson, double credit) {
		jdbc.sql(
				"INSERT INTO quiz_answer (attempt_id, question_id, answer, answered_at, credit) VALUES (?, ?, ?, ?, ?)")
			.params(attemptId, questionId, answerJson, Timestamp.from(Instant.now()), BigDecimal.valueOf(credit))
			.update();
	}

	/** Records which questions the attempt drew, as the quiz stores its draw. */
	public void drawn(long attemptId, String... questionIds) {
		String json = Arrays.stream(questionIds)
			.map((q) -> "{\"q\":\"" + q + "\",\"order\":[]}")
			.collect(Collectors.joining(",", "[", "]"));
		jdbc.sql("UPDATE quiz_attempt SET drawn = ? WHERE id = ?").params(json, attemptId).update();
	}

	public void completed(long userId, Instant at) {
		jdbc.sql("INSERT INTO module_completion (user_id, module_id, completed_at) VALUES (?, ?, ?)")
			.params(userId, MODULE, Timestamp.from(at))
			.update();
	}

	/** A run through the choices, ended in {@code endingId} (null: still running). */
	public long run(long userId, String scenarioId, String endingId, String... nodeAndChoice) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				INSERT INTO scenario_run (user_id, module_id, scenario_id, started_at, ended_at, current_node, scores,
				                          ending_id, rating)
				VALUES (?, ?, ?, ?, ?, ?, '{}', ?, NULL)""")
			.params(userId, MODULE, scenarioId, now, endingId == null ? null : now,
					endingId == null ? nodeAndChoice[nodeAndChoice.length - 2] : endingId, endingId)
			.update(keys, "id");
		long runId = keys.getKey().longValue();
		for (int i = 0; i < nodeAndChoice.length; i += 2) {
			jdbc.sql("""
					INSERT INTO scenario_step (run_id, step_no, node_id, choice_id, scores_after, taken_at)
					VALUES (?, ?, ?, ?, '{}', ?)""")
				.params(runId, i / 2 + 1, nodeAndChoice[i], nodeAndChoice[i + 1], now)
				.update();
		}
		return runId;
	}

}
