package org.lepha.academy.failure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lepha.academy.BrowserJourneyTest;
import org.lepha.academy.TestTags;
import org.lepha.academy.base.db.EmbeddedMariaDb;
import org.lepha.academy.browser.Browser;
import org.lepha.academy.browser.BrowserJourney;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MariaDB stops for 30 seconds while a Russian-speaking cadet is in the middle of a quiz
 * in a real Chromium. Every click in that time tells the cadet, in Russian, that the
 * database cannot be reached and that the action was not saved; the page shows what is
 * really stored, so a failed choice does not look given; the health check says DOWN. When
 * MariaDB is back (same application, no restart) the cadet's next answers save, the quiz
 * is submitted, and the database holds the answers acknowledged before the outage plus
 * those re-done after it, none of the failed ones.
 */
@BrowserJourneyTest
@Tag(TestTags.FAILURE)
class DatabaseOutageJourneyTests extends BrowserJourney {

	private static final String PASSWORD = "outage-password-1";

	private static final Duration OUTAGE = Duration.ofSeconds(30);

	/** What ru.properties says for error.database: the text the cadet must see. */
	private static final String DATABASE_DOWN = "База данных сейчас недоступна. Последнее действие не сохранено. Повторите попытку через минуту.";

	/** Counts the notifications the page opens, with their text. */
	private static final String WATCH_NOTIFICATIONS = """
			() => {
			  window.__notices = [];
			  new MutationObserver((changes) => changes.forEach((change) => change.addedNodes.forEach((node) => {
			    if (node.localName === 'vaadin-notification-card') { window.__notices.push(node); }
			  }))).observe(document.body, { childList: true, subtree: true });
			}""";

	@Autowired
	EmbeddedMariaDb database;

	@Autowired
	UserAccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCadetWorksThroughA30SecondDatabaseOutage() throws Exception {
		String username = "outage.cadet." + System.nanoTime();
		UserAccount cadet = SystemAccess.asAdministrator(() -> accounts.createUser(new NewUser(username, "Outage Cadet",
				null, Locale.forLanguageTag("ru"), Set.of(Role.CADET), null, PASSWORD, false)));
		Page page = browser.newPage("ru");
		String base = baseUrl();
		QuizPage.signIn(page, base, username, PASSWORD);
		QuizPage.open(page, base);
		page.evaluate(WATCH_NOTIFICATIONS);
		List<String> questions = QuizPage.choiceQuestionIds(page);
		assertThat(questions).hasSizeGreaterThanOrEqualTo(2);
		String kept = questions.get(0);
		String redone = questions.get(1);
		List<String> keptLabels = QuizPage.labels(page, kept);
		List<String> redoneLabels = QuizPage.labels(page, redone);

		// Before the outage: one answer, acknowledged.
		QuizPage.clickAndAwaitServer(page, QuizPage.option(page, kept, keptLabels.get(0)));
		assertThat(QuizPage.selected(page, kept)).containsExactly(keptLabels.get(0));
		long attemptId = attemptOf(cadet);
		Map<String, String> before = storedAnswers(attemptId);
		assertThat(before).containsOnlyKeys(kept);
		assertThat(notices(page)).isEmpty();

		database.stop();
		Instant stopped = Instant.now();
		int actions = 0;
		try {
			assertThat(health()).as("health while the database is down")
				.startsWith("503 ")
				.contains("\"status\":\"DOWN\"");
			while (Duration.between(stopped, Instant.now()).compareTo(OUTAGE) < 0) {
				actions++;
				switch (actions % 3) {
					// Changing an answer given before the outage.
					case 1 -> QuizPage.clickAndAwaitServer(page, QuizPage.option(page, kept, keptLabels.get(1)));
					// Answering a new question.
					case 2 -> QuizPage.clickAndAwaitServer(page, QuizPage.option(page, redone, redoneLabels.get(0)));
					// Submitting.
					default -> QuizPage.clickAndAwaitServer(page, page.locator("#quiz-submit"));
				}
				int action = actions;
				page.waitForCondition(() -> notices(page).size() >= action,
						new Page.WaitForConditionOptions().setTimeout(10_000));
				assertThat(notices(page)).as("one message per action").hasSize(actions).allMatch(DATABASE_DOWN::equals);
				assertThat(page.getByText(DATABASE_DOWN).first().isVisible()).isTrue();
				// One message box at a time, not a stack of them over the quiz.
				page.waitForCondition(() -> page.locator("vaadin-notification-card").count() == 1,
						new Page.WaitForConditionOptions().setTimeout(5_000));
				// The page shows what is stored: the failed change is not shown as given.
				assertThat(QuizPage.selected(page, kept)).as("after action " + actions)
					.containsExactly(keptLabels.get(0));
				assertThat(QuizPage.selected(page, redone)).as("after action " + actions).isEmpty();
				assertThat(page.locator("#quiz-submit").isVisible()).isTrue();
			}
			Browser.screenshot(page, "outage-1-database-down");
		}
		finally {
			database.startProcess();
		}
		assertThat(actions).as("actions tried during the outage").isGreaterThanOrEqualTo(3);
		awaitHealthUp(Duration.ofSeconds(30));
		// Nothing half-written: the stored answers are those from before the outage, and
		// the attempt is still open.
		assertThat(storedAnswers(attemptId)).isEqualTo(before);
		assertThat(submitted(attemptId)).isFalse();

		// Without a restart: the cadet re-does one answer, it saves without a message.
		QuizPage.clickAndAwaitServer(page, QuizPage.option(page, redone, redoneLabels.get(0)));
		assertThat(QuizPage.selected(page, redone)).containsExactly(redoneLabels.get(0));
		assertThat(notices(page)).as("no new message").hasSize(actions);
		Map<String, String> after = storedAnswers(attemptId);
		assertThat(after).containsOnlyKeys(kept, redone);
		assertThat(after.get(kept)).as("the answer acknowledged before the outage").isEqualTo(before.get(kept));

		// A reload shows exactly what is stored.
		page.reload();
		page.waitForSelector("#quiz-submit");
		page.evaluate(WATCH_NOTIFICATIONS);
		assertThat(QuizPage.selected(page, kept)).containsExactly(keptLabels.get(0));
		assertThat(QuizPage.selected(page, redone)).containsExactly(redoneLabels.get(0));

		page.locator("#quiz-submit").click();
		page.waitForSelector("#quiz-score");
		assertThat(notices(page)).as("no error after the database came back").isEmpty();
		assertThat(submitted(attemptId)).isTrue();
		assertThat(storedAnswers(attemptId)).containsOnlyKeys(kept, redone);
		Browser.screenshot(page, "outage-2-submitted");
		page.context().close();
	}

	private long attemptOf(UserAccount cadet) {
		return jdbc.sql("SELECT id FROM quiz_attempt WHERE user_id = ?").param(cadet.id()).query(Long.class).single();
	}

	private boolean submitted(long attemptId) {
		return jdbc.sql("SELECT submitted_at IS NOT NULL FROM quiz_attempt WHERE id = ?")
			.param(attemptId)
			.query(Boolean.class)
			.single();
	}

	private Map<String, String> storedAnswers(long attemptId) {
		Map<String, String> answers = new TreeMap<>();
		jdbc.sql("SELECT question_id, answer FROM quiz_answer WHERE attempt_id = ?").param(attemptId).query((rs) -> {
			answers.put(rs.getString(1), rs.getString(2));
		});
		return answers;
	}

	@SuppressWarnings("unchecked")
	private static List<String> notices(Page page) {
		Object texts = page.evaluate("() => window.__notices.map((n) => n.textContent.trim())");
		return new ArrayList<>((List<String>) texts);
	}

	/** Status code and body of the public health check. */
	private String health() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
				.timeout(Duration.ofSeconds(20))
				.build(), HttpResponse.BodyHandlers.ofString());
		return response.statusCode() + " " + response.body();
	}

	private void awaitHealthUp(Duration patience) throws Exception {
		Instant deadline = Instant.now().plus(patience);
		String status = health();
		while (!status.startsWith("200") && Instant.now().isBefore(deadline)) {
			AppProcess.sleep(500);
			status = health();
		}
		assertThat(status).as("health after the database came back").startsWith("200 ").contains("\"status\":\"UP\"");
	}

}
