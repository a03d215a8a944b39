package org.lepha.academy.exams;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.lepha.academy.AcademyFixture;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.learning.internal.QuizPresence;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not a test): what opening an exam session (attempts prepared for every
 * cadet) and the trainer's live monitor cost for a cohort of 300 cadets, 200 of them
 * answering with three answers each, signed in as the cohort's trainer. Statements are
 * read from MariaDB's global {@code Questions} counter around each call (the benchmark is
 * the only client), so the transaction's own statements count too. Run with
 * {@code ./mvnw -q
 * test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.lepha.academy.exams.ExamMonitorBenchmark}; figures in
 * docs/performance.md.
 */
public final class ExamMonitorBenchmark {

	private static final int CADETS = 300;

	private static final int ANSWERING = 200;

	private static final int WARM_UP = 10;

	private static final int RUNS = 20;

	private ExamMonitorBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		ConfigurableApplicationContext app = BenchmarkCohort.startApplication();
		try {
			BenchmarkCohort room = BenchmarkCohort.create(app, CADETS);
			JdbcClient jdbc = room.jdbc();
			CohortSummary cohort = room.cohort();
			ExamSessions exams = app.getBean(ExamSessions.class);
			QuizPresence presence = app.getBean(QuizPresence.class);
			room.fixtures().signInAs(room.trainer());
			try {
				long before = questions(jdbc);
				long start = System.nanoTime();
				ExamSession session = exams.open(cohort.id(), AcademyFixture.MODULE, null,
						Instant.now().plus(Duration.ofHours(1)), true);
				double openMillis = (System.nanoTime() - start) / 1e6;
				long openStatements = questions(jdbc) - before - 1;
				System.out.printf("open with %d prepared attempts: %.1f ms, %d statements%n", CADETS, openMillis,
						openStatements);
				startSome(jdbc, presence, session.id());
				System.out.printf("%-8s %12s %12s%n", "call", "median ms", "statements");
				report(jdbc, "monitor", () -> exams.monitor(session.id()));
			}
			finally {
				AcademyFixture.signOut();
			}
		}
		finally {
			app.close();
		}
		// exec:java would otherwise wait for the server's non-daemon threads
		System.exit(0);
	}

	/**
	 * Starts 200 of the prepared attempts with three answers each, as the start and the
	 * answers would leave them, and a heartbeat for each (some a few minutes old).
	 */
	private static void startSome(JdbcClient jdbc, QuizPresence presence, long sessionId) {
		Instant now = Instant.now();
		List<long[]> prepared = jdbc.sql("SELECT id, user_id FROM quiz_attempt WHERE exam_session_id = ? ORDER BY id")
			.param(sessionId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		List<long[]> started = new ArrayList<>(prepared.subList(0, Math.min(ANSWERING, prepared.size())));
		for (long[] attempt : started) {
			jdbc.sql("UPDATE quiz_attempt SET started_at = ?, deadline_at = ? WHERE id = ?")
				.params(Timestamp.from(now), Timestamp.from(now.plus(Duration.ofMinutes(20))), attempt[0])
				.update();
			for (String question : List.of("naloxone-effect", "signs", "arrest-at-scene")) {
				jdbc.sql("INSERT INTO quiz_answer (attempt_id, question_id, answer, answered_at) VALUES (?, ?, ?, ?)")
					.params(attempt[0], question, "{\"kind\":\"truefalse\",\"value\":true}", Timestamp.from(now))
					.update();
			}
			presence.seen(attempt[0], attempt[1], attempt[0] % 10 == 0 ? now.minus(Duration.ofMinutes(3)) : now);
		}
	}

	private static void report(JdbcClient jdbc, String call, Supplier<?> work) {
		for (int i = 0; i < WARM_UP; i++) {
			work.get();
		}
		double[] millis = new double[RUNS];
		long statements = 0;
		for (int i = 0; i < RUNS; i++) {
			long before = questions(jdbc);
			long start = System.nanoTime();
			work.get();
			millis[i] = (System.nanoTime() - start) / 1e6;
			// minus the SHOW that read "before"
			statements = questions(jdbc) - before - 1;
		}
		Arrays.sort(millis);
		double median = (millis[RUNS / 2 - 1] + millis[RUNS / 2]) / 2;
		System.out.printf("%-8s %12.1f %12d%n", call, median, statements);
	}

	private static long questions(JdbcClient jdbc) {
		return jdbc.sql("SHOW GLOBAL STATUS LIKE 'Questions'").query((rs, n) -> rs.getLong(2)).single();
	}

}
