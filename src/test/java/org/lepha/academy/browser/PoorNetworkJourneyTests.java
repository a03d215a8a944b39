package org.lepha.academy.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.lepha.academy.BrowserJourneyTest;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Dari cadet on a poor line (issue 18): after signing in, Chromium is throttled to 400
 * kbit/s both ways with 400 ms latency (DevTools protocol), and the cadet reads a lesson
 * page, takes and submits the quiz and plays the scenario to an ending. In the middle of
 * the quiz the browser goes offline for 30 seconds: the page says so in Dari, right to
 * left; an answer clicked then is marked "not saved yet", and after the line is back
 * Vaadin's client sends it again, it is stored, and the banner says the connection is
 * back and then goes away. Every answer the page showed as saved is in the database, and
 * the lesson, quiz, offline and ending pages have no serious accessibility violations.
 */
@BrowserJourneyTest
class PoorNetworkJourneyTests extends BrowserJourney {

	private static final String PASSWORD = "poor-network-password-1";

	/**
	 * fa-AF.properties: network.offline, network.online, network.answerSaved,
	 * ...NotSaved.
	 */
	private static final String OFFLINE = "شما آفلاین هستید: اتصال با سرور قطع شده است. پاسخ‌هایی که هنوز فرستاده نشده‌اند، وقتی اتصال دوباره برقرار شود فرستاده می‌شوند. این صفحه را بسته نکنید.";

	private static final String ONLINE = "اتصال دوباره برقرار شد.";

	private static final String SAVED = "ذخیره شد";

	private static final String NOT_SAVED = "هنوز ذخیره نشده";

	private static final Duration OFFLINE_PERIOD = Duration.ofSeconds(30);

	/** Server round trips on the slow line of a loaded test machine. */
	private static final double SLOW = 30_000;

	@Autowired
	UserAccountService accounts;

	@Autowired
	CohortService cohorts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDariCadetLearnsOnASlowLineAndLosesNothingWhileOffline() {
		String username = "slow.journey." + System.nanoTime();
		enrolledCadet(accounts, cohorts, username, "نجیب‌الله کاکړ", Locale.forLanguageTag("fa-AF"), PASSWORD);
		Map<String, List<String>> violations = new LinkedHashMap<>();
		Page page = browser.newPage("fa-AF");
		// The first visit's cost is the bandwidth benchmark's business; signing in at
		// full speed keeps this journey short.
		Browser.signIn(page, baseUrl(), username, PASSWORD);
		page.waitForURL("**/learn");
		CDPSession devTools = page.context().newCDPSession(page);
		devTools.send("Network.enable");
		slowLine(devTools);

		// A lesson page on the slow line.
		page.locator("#open-example-module").click();
		page.waitForURL("**/learn/example-module");
		page.locator("#continue-reading").click();
		page.waitForSelector("#lesson-text");
		assertThat(page.locator("#lesson-text")).containsText("نالوکسون",
				new LocatorAssertions.ContainsTextOptions().setTimeout(SLOW));
		Browser.checkpoint(page, "slow-1-lesson", violations);
		page.locator("#lesson-next").click();
		page.waitForURL("**/minutes-matter");

		// The quiz on the slow line.
		page.navigate(baseUrl() + "/learn/example-module/quiz/post");
		page.waitForSelector("#quiz-submit");
		CadetJourneyTests.answerQuiz(page);
		awaitNoPendingMarker(page);
		long attempt = jdbc
			.sql("SELECT a.id FROM quiz_attempt a JOIN app_user u ON u.id = a.user_id "
					+ "WHERE u.username = ? AND a.submitted_at IS NULL")
			.param(username)
			.query(Long.class)
			.single();
		assertSavedMeansStored(page, attempt);
		Browser.checkpoint(page, "slow-2-quiz", violations);

		// 30 seconds offline, an answer changed in the middle of it.
		String changed = firstRadioQuestion(page);
		Map<String, String> before = storedAnswers(attempt);
		Locator chosen = page.locator("#question-" + changed + " .quiz-option:has(input:checked)").first();
		String chosenLabel = chosen.textContent().strip();
		Locator other = page.locator("#question-" + changed + " .quiz-option:not(:has(input:checked))").first();
		Instant offlineSince = Instant.now();
		page.context().setOffline(true);
		// The throttling session's own conditions would otherwise still let requests out.
		offline(devTools);
		Locator banner = page.locator("#network-status");
		assertThat(banner).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
		assertThat(banner).hasText(OFFLINE);
		assertThat(banner).hasAttribute("dir", "rtl");
		assertThat(banner).hasAttribute("role", "status");
		other.click();
		assertThat(page.locator("#saved-" + changed)).hasText(NOT_SAVED);
		Browser.checkpoint(page, "slow-3-offline", violations);
		page.waitForTimeout(
				Math.max(0, OFFLINE_PERIOD.minus(Duration.between(offlineSince, Instant.now())).toMillis()));
		// Still said after 30 seconds offline.
		assertThat(banner).hasText(OFFLINE);
		assertThat(banner).isVisible();
		assertThat(storedAnswers(attempt)).as("nothing reached the server while offline").isEqualTo(before);

		page.context().setOffline(false);
		slowLine(devTools);
		// Vaadin's client sends the queued click again once the server answers; the
		// banner then says so and goes away by itself.
		assertThat(banner).hasText(ONLINE, new LocatorAssertions.HasTextOptions().setTimeout(60_000));
		assertThat(page.locator("#saved-" + changed)).hasText(SAVED, slowText());
		assertThat(storedAnswers(attempt).get(changed)).as("the answer clicked offline, stored after reconnecting")
			.isNotNull()
			.isNotEqualTo(before.get(changed));
		assertSavedMeansStored(page, attempt);
		assertThat(banner).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(15_000));

		// Back to the right answer, saved normally now, and the quiz submitted.
		page.locator("#question-" + changed + " .quiz-option")
			.filter(new Locator.FilterOptions().setHasText(chosenLabel))
			.first()
			.click();
		page.waitForCondition(() -> before.get(changed).equals(storedAnswers(attempt).get(changed)),
				new Page.WaitForConditionOptions().setTimeout(SLOW));
		awaitNoPendingMarker(page);
		assertSavedMeansStored(page, attempt);
		page.locator("#quiz-submit").click();
		assertThat(page.locator("#quiz-verdict")).hasText("کامیاب", slowText());
		assertThat(jdbc.sql("SELECT submitted_at IS NOT NULL FROM quiz_attempt WHERE id = ?")
			.param(attempt)
			.query(Boolean.class)
			.single()).as("quiz submitted").isTrue();

		// The scenario to an ending on the slow line.
		page.locator("#back-to-module").click();
		page.waitForURL("**/learn/example-module");
		page.locator("#start-scenario-overdose-call").click();
		page.locator("#choice-check-kit").click();
		assertThat(page.locator("#choice-feedback")).hasText("بستهٔ نالوکسون در دست شماست.", slowText());
		page.locator("#choice-give-naloxone").click();
		assertThat(page.locator("#ending-rating")).hasText("نمونه", slowText());
		Browser.checkpoint(page, "slow-4-ending", violations);
		assertNoSeriousViolations(violations);
		page.context().close();
	}

	private static LocatorAssertions.HasTextOptions slowText() {
		return new LocatorAssertions.HasTextOptions().setTimeout(SLOW);
	}

	/** 400 kbit/s down and up, 400 ms latency. */
	private static void slowLine(CDPSession devTools) {
		JsonObject conditions = new JsonObject();
		conditions.addProperty("offline", false);
		conditions.addProperty("latency", 400);
		conditions.addProperty("downloadThroughput", 400_000 / 8);
		conditions.addProperty("uploadThroughput", 400_000 / 8);
		devTools.send("Network.emulateNetworkConditions", conditions);
	}

	/** No network at all, on the throttling session too. */
	private static void offline(CDPSession devTools) {
		JsonObject conditions = new JsonObject();
		conditions.addProperty("offline", true);
		conditions.addProperty("latency", 0);
		conditions.addProperty("downloadThroughput", -1);
		conditions.addProperty("uploadThroughput", -1);
		devTools.send("Network.emulateNetworkConditions", conditions);
	}

	/** Every question shown as saved has its answer in the database. */
	private void assertSavedMeansStored(Page page, long attempt) {
		Map<String, String> stored = storedAnswers(attempt);
		List<String> shownSaved = new ArrayList<>();
		for (Locator marker : page.locator(".answer-saved").all()) {
			if (SAVED.equals(marker.textContent().strip())) {
				shownSaved.add(marker.getAttribute("id").substring("saved-".length()));
			}
		}
		assertThat(shownSaved).as("questions shown as saved").isNotEmpty();
		assertThat(stored).as("answers stored").containsKeys(shownSaved.toArray(String[]::new));
	}

	private static void awaitNoPendingMarker(Page page) {
		page.waitForCondition(() -> page.locator(".answer-saved.pending").count() == 0,
				new Page.WaitForConditionOptions().setTimeout(SLOW));
	}

	private static String firstRadioQuestion(Page page) {
		Locator block = page.locator(".quiz-question:has(input[type=radio])").first();
		return block.getAttribute("id").substring("question-".length());
	}

	private Map<String, String> storedAnswers(long attemptId) {
		Map<String, String> answers = new TreeMap<>();
		jdbc.sql("SELECT question_id, answer FROM quiz_answer WHERE attempt_id = ?").param(attemptId).query((rs) -> {
			answers.put(rs.getString(1), rs.getString(2));
		});
		return answers;
	}

}
