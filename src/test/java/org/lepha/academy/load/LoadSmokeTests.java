package org.lepha.academy.load;

import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.TestTags;
import org.lepha.academy.exams.ExamSession;
import org.lepha.academy.exams.ExamSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load generator against the real server in CI, on exam day: the cohort's trainer
 * opens an exam session that opens a little later (through the service, as the exam tab
 * does), 50 cadets sign in over a ramp, read lesson pages, wait on the module page (its
 * countdown showing) and press Start when the session opens, answer with short think
 * times, submit and play the scenario, all over Vaadin's own protocol. No request may
 * fail; every cadet's submitted attempt with all its answers and the finished scenario
 * must be in the database, and the attempts must be the ones the session prepared when it
 * was opened. Figures for the full-size run (2,000 cadets) are in docs/performance.md.
 */
@IntegrationTest
@Tag(TestTags.LOAD)
class LoadSmokeTests {

	private static final int CADETS = 50;

	private static final String MODULE = "example-module";

	private static final String PASSWORD = "load-smoke-password-1";

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ExamSessions exams;

	@Autowired
	UserDetailsService userDetails;

	@Test
	void fiftyCadetsStartTheTrainersExamSessionTogetherWithoutAnError() throws Exception {
		// The test database survives runs: a new prefix each time.
		String prefix = "smoke" + System.currentTimeMillis();
		LoadAccounts.LoadCohort cohort;
		try (Connection connection = dataSource.getConnection()) {
			cohort = LoadAccounts.create(connection, prefix, CADETS, MODULE, PASSWORD);
		}
		// After the 15 s ramp and the cadets' reading (4 pages of at most 1.5 s) on a
		// machine that is not overloaded.
		Instant opensAt = Instant.now().plusSeconds(45).truncatedTo(ChronoUnit.SECONDS);
		ExamSession session = asTrainer(cohort.trainer(),
				() -> exams.open(cohort.cohortId(), MODULE, opensAt, opensAt.plus(Duration.ofHours(1)), false));
		List<Long> prepared = jdbc.sql("SELECT id FROM quiz_attempt WHERE exam_session_id = ? AND started_at IS NULL")
			.param(session.id())
			.query(Long.class)
			.list();
		assertThat(prepared).as("attempts prepared when the session was opened").hasSize(CADETS);
		CadetSimulation.Settings settings = new CadetSimulation.Settings(URI.create("http://localhost:" + port + "/"),
				MODULE, prefix, PASSWORD, CADETS, Duration.ofSeconds(15), 3, Duration.ofMillis(500),
				Duration.ofMillis(1500), Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofMillis(500),
				Duration.ofMillis(1500), Duration.ofSeconds(60))
			.withExam(CadetSimulation.ExamDay.opened(session.opensAt()));

		CadetSimulation.Result result = new CadetSimulation(settings).run();
		System.out.println(result.stats().report());

		assertThat(result.stats().errorSummary()).as("errors by kind").isEmpty();
		assertThat(result.mark(CadetSimulation.OPENING)).as("the session opened during the run").isPresent();
		// How many waited on the exam page (with its countdown) depends on the
		// machine's
		// speed: a cadet still reading at the opening starts on arrival. What must hold
		// whatever the timing: nobody started before the opening.
		System.out
			.println("cadets waiting when the session opened: " + result.mark(CadetSimulation.OPENING).get().count());
		assertThat(jdbc.sql("SELECT MIN(started_at) FROM quiz_attempt WHERE exam_session_id = ?")
			.param(session.id())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).as("first start").isAfterOrEqualTo(session.opensAt());
		assertThat(result.quizSubmitted()).isEqualTo(CADETS);
		assertThat(result.scenarioFinished()).isEqualTo(CADETS);
		assertThat(result.stats().summaries().keySet()).contains("login", "init", "navigate", "lesson", "exam-room",
				"start-quiz", "answer", "submit", "scenario");

		String pattern = prefix + ".%";
		List<Integer> answersPerAttempt = jdbc
			.sql("SELECT (SELECT COUNT(*) FROM quiz_answer q WHERE q.attempt_id = a.id) FROM quiz_attempt a"
					+ " JOIN app_user u ON u.id = a.user_id WHERE u.username LIKE ? AND a.module_id = ?"
					+ " AND a.kind = ? AND a.submitted_at IS NOT NULL AND a.score_percent IS NOT NULL")
			.params(pattern, MODULE, QuizKind.POST.name())
			.query(Integer.class)
			.list();
		assertThat(answersPerAttempt).as("one submitted attempt per cadet, every drawn question answered")
			.hasSize(CADETS)
			.allSatisfy((answers) -> assertThat(answers).isEqualTo(4));
		assertThat(jdbc
			.sql("SELECT a.id FROM quiz_attempt a JOIN app_user u ON u.id = a.user_id WHERE u.username LIKE ?"
					+ " AND a.module_id = ? AND a.kind = ? AND a.submitted_at IS NOT NULL")
			.params(pattern, MODULE, QuizKind.POST.name())
			.query(Long.class)
			.list()).as("the submitted attempts are the session's prepared ones")
			.containsExactlyInAnyOrderElementsOf(prepared);
		assertThat(jdbc
			.sql("SELECT COUNT(DISTINCT r.user_id) FROM scenario_run r JOIN app_user u ON u.id = r.user_id"
					+ " WHERE u.username LIKE ? AND r.module_id = ? AND r.ended_at IS NOT NULL")
			.params(pattern, MODULE)
			.query(Integer.class)
			.single()).as("cadets who reached a scenario ending").isEqualTo(CADETS);
	}

	/**
	 * The generator's own exam-day path, as the full-size run uses it: its trainer signs
	 * in, schedules the session in the cohort's exam tab (the form's fields driven over
	 * Vaadin's protocol) and keeps the monitor open; a few cadets start when it opens.
	 */
	@Test
	void theGeneratorsTrainerOpensTheSessionInTheExamTabAndWatchesTheMonitor() throws Exception {
		String prefix = "smokex" + System.currentTimeMillis();
		// The session opens on the first whole minute 20 s or more after the start (the
		// form takes minutes): time for the trainer to sign in and fill the form first.
		int cadets = 3;
		LoadAccounts.LoadCohort cohort;
		try (Connection connection = dataSource.getConnection()) {
			cohort = LoadAccounts.create(connection, prefix, cadets, MODULE, PASSWORD);
		}
		CadetSimulation.Settings settings = new CadetSimulation.Settings(URI.create("http://localhost:" + port + "/"),
				MODULE, prefix, PASSWORD, cadets, Duration.ofSeconds(2), 1, Duration.ofMillis(200),
				Duration.ofMillis(500), Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofMillis(200),
				Duration.ofMillis(500), Duration.ofSeconds(60))
			.withExam(CadetSimulation.ExamDay.byTrainer(cohort.cohortId(), cohort.trainer(), Duration.ofSeconds(20),
					true));

		CadetSimulation.Result result = new CadetSimulation(settings).run();
		System.out.println(result.stats().report());

		assertThat(result.stats().errorSummary()).as("errors by kind").isEmpty();
		assertThat(result.quizSubmitted()).isEqualTo(cadets);
		assertThat(result.stats().summaries().keySet()).contains("trainer-page", "trainer-form", "trainer-open",
				"monitor-page", "exam-room", "start-quiz");
		List<Long> sessions = jdbc.sql("SELECT id FROM exam_session WHERE cohort_id = ?")
			.param(cohort.cohortId())
			.query(Long.class)
			.list();
		assertThat(sessions).as("one session, opened by the generator's trainer").hasSize(1);
		// Scheduled "later" at the minute the generator typed into the form, not opened
		// "now": the form's fields reached the server.
		Instant opensAt = jdbc.sql("SELECT opens_at FROM exam_session WHERE id = ?")
			.param(sessions.get(0))
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		assertThat(opensAt.getEpochSecond() % 60).as("opening on a whole minute").isZero();
		assertThat(Duration.between(opensAt, result.barrierReleased())).as("the generator's opening instant")
			.isBetween(Duration.ZERO, Duration.ofSeconds(5));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quiz_attempt WHERE exam_session_id = ? AND submitted_at IS NOT NULL")
			.param(sessions.get(0))
			.query(Integer.class)
			.single()).as("submitted attempts of the session").isEqualTo(cadets);
	}

	private <T> T asTrainer(String username, java.util.function.Supplier<T> work) {
		var details = userDetails.loadUserByUsername(username);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
