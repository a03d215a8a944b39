package org.lepha.academy.exams;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import javax.sql.DataSource;

import org.lepha.academy.Application;
import org.lepha.academy.load.LoadAccounts;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Benchmark (not a test): server time of one refresh of the trainer's live monitor,
 * {@link ExamSessions#monitor}, for a session of 300 cadets (100 not started, 150
 * answering, 50 submitted), signed in as the cohort's trainer. The monitor view reads it
 * once per refresh (every few seconds, shared by all open monitors of the session), so
 * its cost per second is this time divided by the refresh interval. Run with
 * {@code java -cp target/test-classes:target/classes:<test classpath>
 * org.lepha.academy.exams.ExamMonitorBenchmark} (optional argument: cadets, default 300;
 * the command in docs/performance.md); figures there.
 */
public final class ExamMonitorBenchmark {

	// The fixture module: the test classpath serves the test content.
	private static final String MODULE = "example-module";

	private static final int WARM_UP = 20;

	private static final int RUNS = 100;

	private ExamMonitorBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int size = args.length > 0 ? Integer.parseInt(args[0]) : 300;
		ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
			// As arguments: default properties would lose to application.yaml's DATA_DIR.
			.run("--server.port=0", "--app.db.data-dir=target/monitor-bench-data", "--app.demo-data=false",
					"--vaadin.devmode.devTools.enabled=false");
		try {
			DataSource dataSource = app.getBean(DataSource.class);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			ExamSessions exams = app.getBean(ExamSessions.class);
			LoadAccounts.LoadCohort cohort;
			try (Connection connection = dataSource.getConnection()) {
				cohort = LoadAccounts.create(connection, "monitor" + System.currentTimeMillis(), size, MODULE,
						"monitor-bench-password-1");
			}
			var details = app.getBean(UserDetailsService.class).loadUserByUsername(cohort.trainer());
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
			SecurityContextHolder.setContext(context);
			ExamSession session = exams.open(cohort.cohortId(), MODULE, null, Instant.now().plus(Duration.ofHours(2)),
					false);
			// Half of the cadets started (as the Start button does: the prepared attempt
			// flipped to started), a sixth of them also submitted with every answer.
			Instant now = Instant.now();
			int started = jdbc.sql("""
					UPDATE quiz_attempt SET started_at = ?, deadline_at = ?
					WHERE exam_session_id = ? AND started_at IS NULL ORDER BY id LIMIT ?""")
				.params(java.sql.Timestamp.from(now), java.sql.Timestamp.from(now.plus(Duration.ofHours(1))),
						session.id(), size * 2 / 3)
				.update();
			int submitted = jdbc.sql("""
					UPDATE quiz_attempt SET submitted_at = ?, score_percent = 70, passed = TRUE
					WHERE exam_session_id = ? AND started_at IS NOT NULL ORDER BY id LIMIT ?""")
				.params(java.sql.Timestamp.from(now), session.id(), size / 6)
				.update();
			ExamMonitor first = exams.monitor(session.id());
			System.out.printf("session of %d cadets: %d started, %d submitted; monitor counts %d/%d/%d/%d%n", size,
					started, submitted, first.notStarted(), first.answering(), first.submitted(), first.away());
			for (int i = 0; i < WARM_UP; i++) {
				exams.monitor(session.id());
			}
			double[] millis = new double[RUNS];
			for (int i = 0; i < RUNS; i++) {
				long start = System.nanoTime();
				exams.monitor(session.id());
				millis[i] = (System.nanoTime() - start) / 1e6;
			}
			Arrays.sort(millis);
			System.out.printf("ExamSessions.monitor, %d cadets: median %.2f ms, p95 %.2f ms, max %.2f ms%n", size,
					millis[RUNS / 2], millis[RUNS * 95 / 100], millis[RUNS - 1]);
		}
		finally {
			SecurityContextHolder.clearContext();
			app.close();
		}
		// exec:java would otherwise wait for the dev-mode server's non-daemon threads
		System.exit(0);
	}

}
