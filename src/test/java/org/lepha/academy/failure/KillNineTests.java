package org.lepha.academy.failure;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitUntilState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lepha.academy.TestTags;
import org.lepha.academy.base.db.EmbeddedMariaDb;
import org.lepha.academy.browser.Browser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server process is killed with SIGKILL in the middle of a cadet's quiz (no shutdown
 * hook, no graceful stop: a power cut or the OOM killer) and started again on the same
 * database: in a real Chromium the cadet finds the same attempt, the same questions in
 * the same order, and every answer the server had acknowledged shown selected; the
 * database holds exactly those answers. And killed between a completion and its
 * certificate: the next start delivers the completion again, and the cadet holds the
 * certificate exactly once.
 */
@Tag(TestTags.FAILURE)
class KillNineTests {

	private static final String SCHEMA = "kill_nine";

	private static final String CADET = "kill.nine.cadet";

	private static final String CERTIFIED_CADET = "kill.nine.certified";

	private static final String PASSWORD = "kill-nine-password-1";

	/** Events the registry holds for a listener that has not finished. */
	private static final String PENDING_PUBLICATIONS = "SELECT COUNT(*) FROM EVENT_PUBLICATION"
			+ " WHERE completion_date IS NULL AND event_type LIKE '%ModuleCompleted'";

	private static EmbeddedMariaDb database;

	private static Browser browser;

	@BeforeAll
	static void startDatabaseAndBrowser() throws SQLException {
		// A server of its own: the test kills the application, never this database, and
		// the shared server of the in-JVM tests stays out of it.
		database = EmbeddedMariaDb.startSeparate(Path.of("target/failure-db").toAbsolutePath(), 0);
		try (Connection c = DriverManager.getConnection(serverUrl(), "root", ""); Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
			s.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		browser = new Browser();
	}

	@AfterAll
	static void stopDatabaseAndBrowser() {
		try {
			if (browser != null) {
				browser.close();
			}
		}
		finally {
			if (database != null) {
				database.stop();
			}
		}
	}

	@Test
	void anAttemptAndItsAcknowledgedAnswersSurviveKillNine() throws Exception {
		AppProcess first = null;
		AppProcess second = null;
		try {
			first = AppProcess.start("kill-nine-before", schemaUrl());
			long cadetId = seedCadet(CADET);

			Page page = browser.newPage("en");
			QuizPage.signIn(page, first.baseUrl(), CADET, PASSWORD);
			QuizPage.open(page, first.baseUrl());
			List<String> drawn = QuizPage.questionIds(page);
			List<String> choiceQuestions = QuizPage.choiceQuestionIds(page);
			assertThat(drawn).hasSize(4);
			// Four of the five questions are drawn, three of which are choice questions:
			// at least two of those are always there.
			assertThat(choiceQuestions).hasSizeGreaterThanOrEqualTo(2);
			Map<String, List<String>> acknowledged = new LinkedHashMap<>();
			for (String question : choiceQuestions) {
				List<String> labels = QuizPage.labels(page, question);
				// A check-box question gets its first two options, each click its own
				// save; a radio question its last option.
				List<String> picks = QuizPage.isMultiple(page, question) ? labels.subList(0, 2)
						: List.of(labels.get(labels.size() - 1));
				for (String label : picks) {
					var response = QuizPage.clickAndAwaitServer(page, QuizPage.option(page, question, label));
					assertThat(response.status()).isEqualTo(200);
				}
				acknowledged.put(question, picks.stream().sorted().toList());
				assertThat(QuizPage.selected(page, question)).isEqualTo(acknowledged.get(question));
			}
			Browser.screenshot(page, "kill-nine-1-before");
			page.context().close();

			// The last answer's round trip has just ended: no grace period before the
			// kill.
			long pid = first.pid();
			int exit = first.kill();
			assertThat(exit).as("exit code of a process ended by SIGKILL").isEqualTo(128 + 9);
			assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

			assertThat(storedAnswers(cadetId)).isEqualTo(expectedStored(acknowledged));

			second = AppProcess.start("kill-nine-after", schemaUrl());
			Page again = browser.newPage("en");
			QuizPage.signIn(again, second.baseUrl(), CADET, PASSWORD);
			QuizPage.open(again, second.baseUrl());
			assertThat(again.locator("h1").first().textContent()).as("still the first attempt")
				.isEqualTo("Quiz, attempt 1");
			assertThat(QuizPage.questionIds(again)).as("same questions, same order").isEqualTo(drawn);
			for (String question : choiceQuestions) {
				assertThat(QuizPage.selected(again, question)).as(question).isEqualTo(acknowledged.get(question));
			}
			Browser.screenshot(again, "kill-nine-2-after");
			again.context().close();
			assertThat(count("SELECT COUNT(*) FROM quiz_attempt WHERE user_id = " + cadetId)).isEqualTo(1);
			assertThat(storedAnswers(cadetId)).isEqualTo(expectedStored(acknowledged));
		}
		finally {
			if (first != null) {
				first.close();
			}
			if (second != null) {
				second.close();
			}
		}
	}

	@Test
	void aCompletionWhoseCertificateWasCutShortByKillNineIsCertifiedOnceAfterTheRestart() throws Exception {
		AppProcess first = null;
		AppProcess second = null;
		try {
			first = AppProcess.start("kill-nine-certificate-before", schemaUrl());
			long cadetId = seedCadet(CERTIFIED_CADET);
			seedCohortWithTheModule(cadetId);
			seedAllButTheLastPage(cadetId);

			Page page = browser.newPage("en");
			QuizPage.signIn(page, first.baseUrl(), CERTIFIED_CADET, PASSWORD);
			try (Connection lock = DriverManager.getConnection(schemaUrl(), "root", "");
					Statement s = lock.createStatement()) {
				// The certificate listener waits on this lock after the completion has
				// committed: the server is killed between the completion and the
				// certificate.
				s.execute("LOCK TABLES certificate WRITE");
				page.navigate(first.baseUrl() + "/learn/" + QuizPage.MODULE + "/lesson/first-steps/call-for-help",
						new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
				awaitCount("SELECT COUNT(*) FROM module_completion WHERE user_id = " + cadetId, 1);
				awaitCount(PENDING_PUBLICATIONS, 1);
				first.kill();
				try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM certificate WHERE user_id = " + cadetId)) {
					rs.next();
					assertThat(rs.getLong(1)).as("no certificate before the restart").isZero();
				}
				s.execute("UNLOCK TABLES");
			}
			page.context().close();
			assertThat(count(PENDING_PUBLICATIONS)).as("the completion still waits for its listener").isEqualTo(1);

			second = AppProcess.start("kill-nine-certificate-after", schemaUrl());
			awaitCount(PENDING_PUBLICATIONS, 0);
			String certificates = "SELECT COUNT(*) FROM certificate WHERE user_id = " + cadetId + " AND kind = '%s'";
			assertThat(count(certificates.formatted("MODULE"))).isEqualTo(1);
			assertThat(count(certificates.formatted("PROGRAMME"))).isEqualTo(1);
			assertThat(count("SELECT COUNT(*) FROM module_completion WHERE user_id = " + cadetId)).isEqualTo(1);
		}
		finally {
			if (first != null) {
				first.close();
			}
			if (second != null) {
				second.close();
			}
		}
	}

	/**
	 * An academy, a trainer and a cohort with the module assigned, the cadet enrolled.
	 */
	private static void seedCohortWithTheModule(long cadetId) throws SQLException {
		try (Connection c = DriverManager.getConnection(schemaUrl(), "root", ""); Statement s = c.createStatement()) {
			long academy = insert(s, "INSERT INTO academy (name) VALUES ('Kill Nine Academy')");
			long trainer = insert(s, "INSERT INTO app_user (username, full_name, password_hash) VALUES"
					+ " ('kill.nine.trainer', 'Kill Nine Trainer', 'x')");
			long cohort = insert(s,
					"INSERT INTO cohort (academy_id, name) VALUES (" + academy + ", 'Kill Nine Cohort')");
			s.executeUpdate("INSERT INTO cohort_trainer (cohort_id, user_id) VALUES (" + cohort + ", " + trainer + ")");
			s.executeUpdate("INSERT INTO enrolment (cohort_id, user_id) VALUES (" + cohort + ", " + cadetId + ")");
			s.executeUpdate("INSERT INTO cohort_assignment (cohort_id, module_id) VALUES (" + cohort + ", '"
					+ QuizPage.MODULE + "')");
		}
	}

	/**
	 * Everything the module's completion rule asks for but the last lesson page: the
	 * other pages viewed, the quiz passed, the scenario ended well.
	 */
	private static void seedAllButTheLastPage(long cadetId) throws SQLException {
		String module = QuizPage.MODULE;
		try (Connection c = DriverManager.getConnection(schemaUrl(), "root", ""); Statement s = c.createStatement()) {
			for (String[] page : List.of(new String[] { "signs-of-overdose", "what-it-looks-like" },
					new String[] { "signs-of-overdose", "minutes-matter" })) {
				s.executeUpdate(
						"INSERT INTO section_view (user_id, module_id, lesson_id, section_id) VALUES (%d, '%s', '%s', '%s')"
							.formatted(cadetId, module, page[0], page[1]));
			}
			s.executeUpdate("""
					INSERT INTO quiz_attempt (user_id, module_id, kind, attempt_no, module_version, drawn, started_at,
					    submitted_at, score_percent, passed)
					VALUES (%d, '%s', 'POST', 1, 1, '[]', NOW(3), NOW(3), 100, TRUE)""".formatted(cadetId, module));
			s.executeUpdate("""
					INSERT INTO scenario_run (user_id, module_id, scenario_id, started_at, ended_at, current_node,
					    scores, ending_id, rating)
					VALUES (%d, '%s', 'overdose-call', NOW(3), NOW(3), 'recovered', '', 'recovered', 'EXEMPLARY')"""
				.formatted(cadetId, module));
		}
	}

	private static long insert(Statement s, String sql) throws SQLException {
		s.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
		try (ResultSet keys = s.getGeneratedKeys()) {
			keys.next();
			return keys.getLong(1);
		}
	}

	private static void awaitCount(String sql, long expected) throws SQLException {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
		while (count(sql) != expected) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("still " + count(sql) + ", not " + expected + ": " + sql);
			}
			AppProcess.sleep(200);
		}
	}

	/** The cadet, written the way the application writes accounts. */
	private static long seedCadet(String username) throws SQLException {
		String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
		try (Connection c = DriverManager.getConnection(schemaUrl(), "root", "")) {
			try (PreparedStatement insert = c.prepareStatement(
					"INSERT INTO app_user (username, full_name, password_hash, preferred_locale) VALUES (?, ?, ?, 'en')",
					Statement.RETURN_GENERATED_KEYS)) {
				insert.setString(1, username);
				insert.setString(2, "Kill Nine Cadet");
				insert.setString(3, hash);
				insert.executeUpdate();
				try (ResultSet keys = insert.getGeneratedKeys()) {
					keys.next();
					long id = keys.getLong(1);
					try (Statement s = c.createStatement()) {
						s.executeUpdate("INSERT INTO user_role (user_id, role) VALUES (" + id + ", 'CADET')");
					}
					return id;
				}
			}
		}
	}

	/**
	 * The answers stored for the cadet's attempt: question id to the chosen option ids.
	 */
	private static Map<String, List<String>> storedAnswers(long cadetId) throws SQLException {
		JsonMapper json = JsonMapper.builder().build();
		Map<String, List<String>> answers = new TreeMap<>();
		try (Connection c = DriverManager.getConnection(schemaUrl(), "root", "");
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("""
						SELECT a.question_id, a.answer FROM quiz_answer a JOIN quiz_attempt t ON t.id = a.attempt_id
						WHERE t.user_id = %d""".formatted(cadetId))) {
			while (rs.next()) {
				JsonNode answer = json.readTree(rs.getString(2));
				List<String> ids = new ArrayList<>();
				if (answer.has("ids")) {
					answer.get("ids").forEach((id) -> ids.add(id.asString()));
				}
				else {
					ids.add(String.valueOf(answer.get("value").asBoolean()));
				}
				answers.put(rs.getString(1), ids.stream().sorted().toList());
			}
		}
		return answers;
	}

	private static Map<String, List<String>> expectedStored(Map<String, List<String>> labelsByQuestion) {
		Map<String, List<String>> expected = new TreeMap<>();
		labelsByQuestion.forEach((question, labels) -> expected.put(question,
				labels.stream().map(QuizPage.OPTION_IDS::get).sorted().toList()));
		return expected;
	}

	private static long count(String sql) throws SQLException {
		try (Connection c = DriverManager.getConnection(schemaUrl(), "root", "");
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static String serverUrl() {
		return "jdbc:mariadb://127.0.0.1:" + database.port() + "/";
	}

	private static String schemaUrl() {
		return serverUrl() + SCHEMA;
	}

}
