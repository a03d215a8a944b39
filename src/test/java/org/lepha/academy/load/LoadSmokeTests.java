package org.lepha.academy.load;

import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.TestTags;
import org.lepha.academy.learning.LearningService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load generator against the real server in CI: 50 cadets sign in over a ramp, read
 * lesson pages, start the quiz at the same moment, answer with short think times, submit
 * and play the scenario, all over Vaadin's own protocol. No request may fail, and every
 * cadet's submitted attempt with all its answers and the finished scenario must be in the
 * database. Figures for the full-size run (2,000 cadets) are in docs/performance.md.
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

	@Test
	void fiftyCadetsTakeTheQuizTogetherWithoutAnError() throws Exception {
		// The test database survives runs: a new prefix each time.
		String prefix = "smoke" + System.currentTimeMillis();
		try (Connection connection = dataSource.getConnection()) {
			LoadAccounts.create(connection, prefix, CADETS, MODULE, PASSWORD);
		}
		CadetSimulation.Settings settings = new CadetSimulation.Settings(URI.create("http://localhost:" + port + "/"),
				MODULE, prefix, PASSWORD, CADETS, Duration.ofSeconds(15), 3, Duration.ofMillis(500),
				Duration.ofMillis(1500), Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofMillis(500),
				Duration.ofMillis(1500), Duration.ofSeconds(60));

		CadetSimulation.Result result = new CadetSimulation(settings).run();
		System.out.println(result.stats().report());

		assertThat(result.stats().errorSummary()).as("errors by kind").isEmpty();
		assertThat(result.quizSubmitted()).isEqualTo(CADETS);
		assertThat(result.scenarioFinished()).isEqualTo(CADETS);
		assertThat(result.stats().summaries().keySet()).contains("login", "init", "navigate", "lesson", "start-quiz",
				"answer", "submit", "scenario");

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
			.sql("SELECT COUNT(DISTINCT r.user_id) FROM scenario_run r JOIN app_user u ON u.id = r.user_id"
					+ " WHERE u.username LIKE ? AND r.module_id = ? AND r.ended_at IS NOT NULL")
			.params(pattern, MODULE)
			.query(Integer.class)
			.single()).as("cadets who reached a scenario ending").isEqualTo(CADETS);
	}

}
