package org.lepha.academy.exams;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lepha.academy.AcademyFixture;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.learning.QuizService;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Benchmark (not a test): the service side of an exam-day start, without the web layer,
 * the page or the load generator's noise. 6,000 cadets of a cohort whose trainer opened
 * an exam session (attempts prepared) each call {@link QuizService#startQuiz} once, one
 * after the other on one thread; the first 3,000 warm the JIT and are not counted.
 * Reports per counted start: wall time (the database's round trips included), this
 * thread's CPU, and MariaDB's statements from its global counters (the benchmark is the
 * only client, so the transactions' own statements count too). Run with
 * {@code ./mvnw -q test-compile
 * exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.lepha.academy.exams.QuizStartBenchmark}; figures in
 * docs/performance.md ("The flip without a transaction").
 */
public final class QuizStartBenchmark {

	private static final int CADETS = 6_000;

	private static final int WARM_UP = 3_000;

	private static final List<String> COUNTERS = List.of("Questions", "Com_select", "Com_update", "Com_commit",
			"Com_set_option");

	private QuizStartBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		ConfigurableApplicationContext app = BenchmarkCohort.startApplication();
		try {
			BenchmarkCohort room = BenchmarkCohort.create(app, CADETS);
			JdbcClient jdbc = room.jdbc();
			QuizService quizzes = app.getBean(QuizService.class);
			UserDetailsService users = app.getBean(UserDetailsService.class);
			room.fixtures().signInAs(room.trainer());
			try {
				app.getBean(ExamSessions.class)
					.open(room.cohort().id(), AcademyFixture.MODULE, null, Instant.now().plus(Duration.ofHours(1)),
							false);
			}
			finally {
				AcademyFixture.signOut();
			}
			// Signed in ahead: loading a user's details is the sign-in's cost, not the
			// start's.
			List<SecurityContext> signedIn = new ArrayList<>();
			for (String username : room.cadets()) {
				UserDetails details = users.loadUserByUsername(username);
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(
						UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
				signedIn.add(context);
			}
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			long[] before = null;
			long wallStart = 0;
			long cpuStart = 0;
			for (int i = 0; i < signedIn.size(); i++) {
				if (i == WARM_UP) {
					before = counters(jdbc);
					wallStart = System.nanoTime();
					cpuStart = threads.getCurrentThreadCpuTime();
				}
				SecurityContextHolder.setContext(signedIn.get(i));
				try {
					quizzes.startQuiz(AcademyFixture.MODULE, QuizKind.POST, Locale.ENGLISH, null);
				}
				finally {
					SecurityContextHolder.clearContext();
				}
			}
			double counted = signedIn.size() - WARM_UP;
			double wallMicros = (System.nanoTime() - wallStart) / 1e3 / counted;
			double cpuMicros = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / counted;
			long[] after = counters(jdbc);
			System.out.printf(
					"%.0f starts of prepared attempts: %.0f µs wall, %.0f µs of this thread's CPU per start%n", counted,
					wallMicros, cpuMicros);
			for (int c = 0; c < COUNTERS.size(); c++) {
				// Questions also counts the SHOW that read "before", once
				long delta = after[c] - before[c] - (c == 0 ? 1 : 0);
				System.out.printf("%-15s %6.2f per start%n", COUNTERS.get(c), delta / counted);
			}
		}
		finally {
			app.close();
		}
		// exec:java would otherwise wait for the server's non-daemon threads
		System.exit(0);
	}

	private static long[] counters(JdbcClient jdbc) {
		List<Object[]> rows = jdbc.sql("SHOW GLOBAL STATUS")
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2) })
			.list();
		long[] values = new long[COUNTERS.size()];
		for (Object[] row : rows) {
			int index = COUNTERS.indexOf((String) row[0]);
			if (index >= 0) {
				values[index] = Long.parseLong((String) row[1]);
			}
		}
		return values;
	}

}
