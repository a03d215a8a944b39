package org.lepha.academy.browser;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.lepha.academy.BrowserJourneyTest;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.NewCohort;
import org.lepha.academy.exams.ExamSessions;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real Chromium, an exam day: a trainer schedules a session with an access code to
 * open a little later (the real clock), three cadets (one in Dari, right to left) wait on
 * the module page and watch the countdown; it opens, they start with the code and answer;
 * the trainer gives one extra time and reopens another's submitted attempt, the live
 * monitor (server push, no reload) showing each state; the trainer closes the session
 * early and the open attempts are graded. A second trainer, in Dari, looks at the same
 * pages. axe-core on every page.
 */
@BrowserJourneyTest
class ExamDayJourneyTests extends BrowserJourney {

	private static final String MODULE = "example-module";

	private static final String PASSWORD = "journey-password-1";

	private static final Locale DARI = Locale.forLanguageTag("fa-AF");

	/** How long the monitor may take to show a change: a push every 2.5 s, a slow CI. */
	private static final LocatorAssertions.HasTextOptions PUSHED = new LocatorAssertions.HasTextOptions()
		.setTimeout(20_000);

	@Autowired
	UserAccountService accounts;

	@Autowired
	CohortService cohorts;

	@Autowired
	UiTranslationProvider strings;

	@Autowired
	ExamSessions sessions;

	@Test
	void trainerRunsAnExamSessionWhileThreeCadetsTakeIt() {
		String suffix = String.valueOf(System.nanoTime() % 1_000_000_000L);
		String trainerName = "exam.trainer." + suffix;
		String dariTrainerName = "exam.trainer.fa." + suffix;
		List<UserAccount> cadets = new ArrayList<>();
		long cohortId = SystemAccess.asAdministrator(() -> {
			long academy = cohorts.createAcademy("Exam academy " + suffix).id();
			UserAccount trainer = accounts.createUser(new NewUser(trainerName, "Trainer " + suffix, null,
					Locale.ENGLISH, Set.of(Role.TRAINER), academy, PASSWORD, false));
			UserAccount dariTrainer = accounts.createUser(new NewUser(dariTrainerName, "استاد " + suffix, null, DARI,
					Set.of(Role.TRAINER), academy, PASSWORD, false));
			long cohort = cohorts
				.createCohort(new NewCohort(academy, "Exam cohort " + suffix, null, null,
						Set.of(trainer.id(), dariTrainer.id())))
				.id();
			cadets.add(cadet("exam.a." + suffix, "Amina Karimi", Locale.ENGLISH, academy));
			cadets.add(cadet("exam.b." + suffix, "Bakhtiar Noori", Locale.ENGLISH, academy));
			cadets.add(cadet("exam.c." + suffix, "فرشته احمدی", DARI, academy));
			for (UserAccount cadet : cadets) {
				cohorts.enrol(cohort, cadet.id());
			}
			cohorts.assign(cohort, MODULE, LocalDate.now().plusDays(7));
			return cohort;
		});
		UserAccount amina = cadets.get(0);
		UserAccount bakhtiar = cadets.get(1);
		UserAccount fereshta = cadets.get(2);
		Map<String, List<String>> violations = new LinkedHashMap<>();
		String base = baseUrl();

		// The cadets sign in first, so that the wait for the opening stays short.
		Page a = browser.newPage("en");
		Browser.signIn(a, base, amina.username(), PASSWORD);
		Page b = browser.newPage("en");
		Browser.signIn(b, base, bakhtiar.username(), PASSWORD);
		Page c = browser.newPage("fa-AF");
		Browser.signIn(c, base, fereshta.username(), PASSWORD);

		// The trainer schedules the session from the cohort page, with an access code.
		Page trainer = browser.newPage("en");
		List<String> pushTraffic = new ArrayList<>();
		trainer.onWebSocket((socket) -> pushTraffic.add(socket.url()));
		trainer.onRequest((request) -> {
			if (request.url().contains("/VAADIN/push")) {
				pushTraffic.add(request.url());
			}
		});
		Browser.signIn(trainer, base, trainerName, PASSWORD);
		trainer.navigate(base + "/cohorts/" + cohortId);
		trainer.locator("#cohort-exams-link").click();
		trainer.waitForURL("**/cohorts/" + cohortId + "/exams");
		assertThat(trainer.locator("#exam-no-sessions")).isVisible();
		Browser.checkpoint(trainer, "exam-1-sessions-en", violations);
		trainer.locator("#exam-when vaadin-radio-button")
			.filter(new Locator.FilterOptions().setHasText(t("examui.when.later", Locale.ENGLISH)))
			.click();
		assertThat(trainer.locator("#exam-opens-at")).isVisible();
		// The pickers work in whole minutes: the next full minute at least 40 s away.
		LocalDateTime opens = LocalDateTime.now(ZoneId.systemDefault())
			.plusSeconds(40)
			.truncatedTo(ChronoUnit.MINUTES)
			.plusMinutes(1);
		setPicker(trainer, "#exam-opens-at", opens);
		setPicker(trainer, "#exam-closes-at", opens.plusMinutes(45));
		trainer.locator("#exam-with-code input").check();
		trainer.locator("#exam-open").click();
		Locator session = trainer.locator(".exam-session").first();
		assertThat(session).isVisible();
		String sessionId = session.getAttribute("data-session");
		org.assertj.core.api.Assertions
			.assertThat(SystemAccess.asAdministrator(() -> sessions.session(Long.parseLong(sessionId)).opensAt()))
			.isEqualTo(opens.atZone(ZoneId.systemDefault()).toInstant());
		assertThat(trainer.locator("#exam-phase-" + sessionId)).hasText(t("examui.phase.SCHEDULED", Locale.ENGLISH));
		String code = trainer.locator("#exam-code-" + sessionId).innerText().trim();
		org.assertj.core.api.Assertions.assertThat(code).hasSize(6);
		Browser.checkpoint(trainer, "exam-2-scheduled-en", violations);

		// The module page tells when and leads to the exam page, where the cadets wait: a
		// countdown, Start not possible yet.
		for (Page cadet : List.of(a, b, c)) {
			cadet.navigate(base + "/learn/" + MODULE);
			assertThat(cadet.locator("#exam-opens-at-text")).isVisible();
			assertThat(cadet.locator("#start-quiz")).hasCount(0);
			cadet.locator("#exam-room-link").click();
			cadet.waitForURL("**/learn/" + MODULE + "/quiz/post");
			assertThat(cadet.locator("#exam-countdown")).isVisible();
			assertThat(cadet.locator("#exam-opens-at-text")).isVisible();
			assertThat(cadet.locator("#exam-access-code")).isVisible();
			assertThat(cadet.locator("#start-quiz")).isDisabled();
			// The first question is built on the server while the cadet waits, but
			// nothing of it reaches the browser before Start.
			assertThat(cadet.locator(".quiz-question, [id^='question-'], #exam-attempt input")).hasCount(0);
		}
		assertThat(c.locator("html")).hasAttribute("dir", "rtl");
		String before = c.locator("#exam-countdown").innerText();
		// The countdown runs in the browser, in Persian digits for Dari.
		assertThat(c.locator("#exam-countdown")).not().hasText(before);
		org.assertj.core.api.Assertions.assertThat(c.locator("#exam-countdown").innerText()).containsPattern("[۰-۹]");
		Browser.checkpoint(a, "exam-3-waiting-en", violations);
		Browser.checkpoint(c, "exam-3-waiting-fa", violations);

		// The monitor, before anyone started.
		trainer.locator("#exam-monitor-" + sessionId).click();
		trainer.waitForURL("**/exams/" + sessionId + "/monitor");
		assertThat(trainer.locator("#exam-count-not-started")).hasText("3");
		assertThat(status(trainer, amina)).hasAttribute("data-status", "NOT_STARTED");
		Browser.checkpoint(trainer, "exam-4-monitor-waiting-en", violations);

		// It opens: the browsers enable Start by themselves.
		for (Page cadet : List.of(a, b, c)) {
			assertThat(cadet.locator("#start-quiz"))
				.isEnabled(new LocatorAssertions.IsEnabledOptions().setTimeout(150_000));
		}
		assertThat(a.locator("#exam-countdown")).hasText(t("examui.cadet.nowOpen", Locale.ENGLISH));

		// A wrong code is refused with a clear message; the right one starts the quiz.
		a.locator("#exam-access-code input").fill("WRONG1");
		a.locator("#start-quiz").click();
		assertThat(a.locator("#exam-start-error")).hasText(t("exam.error.wrongCode", Locale.ENGLISH));
		for (Page cadet : List.of(a, b, c)) {
			cadet.locator("#exam-access-code input").fill(code.toLowerCase(Locale.ROOT));
			cadet.locator("#start-quiz").click();
			assertThat(cadet.locator("#quiz-submit")).isVisible();
			// Start replaced the room on the same page.
			org.assertj.core.api.Assertions.assertThat(cadet.url()).endsWith("/learn/" + MODULE + "/quiz/post");
		}
		Browser.checkpoint(c, "exam-5-quiz-fa", violations);

		// One question at a time in an exam. Amina answers one question, Bakhtiar one and
		// submits, Fereshta all of them.
		assertThat(a.locator(".quiz-question")).hasCount(1);
		assertThat(a.locator("#quiz-position")).hasAttribute("data-index", "0");
		assertThat(a.locator("#quiz-previous")).isDisabled();
		int drawn = Integer.parseInt(a.locator("#quiz-position").getAttribute("data-total"));
		org.assertj.core.api.Assertions.assertThat(drawn).isGreaterThan(1);
		answerOneWithOptions(a, Set.of());
		String bakhtiarsFirst = answerOneWithOptions(b, Set.of());
		b.locator("#quiz-submit").click();
		assertThat(b.locator("#quiz-score")).isVisible();
		for (int i = 0; i < drawn; i++) {
			goTo(c, i);
			CadetJourneyTests.answerQuiz(c);
		}
		assertThat(c.locator("#quiz-next")).hasCount(0);

		// The monitor follows without a reload.
		assertThat(trainer.locator("#exam-count-not-started")).hasText("0", PUSHED);
		assertThat(trainer.locator("#exam-count-answering")).hasText("2", PUSHED);
		assertThat(trainer.locator("#exam-count-submitted")).hasText("1", PUSHED);
		assertThat(status(trainer, amina)).hasAttribute("data-status", "ANSWERING");
		assertThat(answered(trainer, amina)).hasText(t("examui.answered", Locale.ENGLISH, "1", String.valueOf(drawn)),
				PUSHED);
		assertThat(status(trainer, fereshta)).hasAttribute("data-status", "ANSWERING");
		assertThat(status(trainer, bakhtiar)).hasAttribute("data-status", "SUBMITTED");
		Browser.checkpoint(trainer, "exam-6-monitor-answering-en", violations);

		// Extra time for Amina.
		trainer.locator(".exam-give-extra[data-cadet='" + amina.id() + "']").click();
		trainer.locator("#exam-extra-minutes input").fill("15");
		Browser.checkpoint(trainer, "exam-7-extra-time-dialog-en", violations);
		trainer.locator("#exam-extra-confirm").click();
		assertThat(trainer.locator("vaadin-notification-card")
			.filter(new Locator.FilterOptions()
				.setHasText(t("examui.extraGiven", Locale.ENGLISH, "15", amina.fullName())))
			.first()).isVisible();
		assertThat(trainer.locator(".exam-extra[data-cadet='" + amina.id() + "']"))
			.hasText(t("examui.minutes", Locale.ENGLISH, "15"), PUSHED);

		// Bakhtiar's submitted attempt is reopened (a technical failure); he goes on.
		trainer.locator(".exam-reopen[data-cadet='" + bakhtiar.id() + "']").click();
		trainer.locator("#exam-reopen-minutes input").fill("10");
		trainer.locator("#exam-reopen-confirm").click();
		assertThat(status(trainer, bakhtiar)).hasAttribute("data-status", "ANSWERING",
				new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
		b.navigate(base + "/learn/" + MODULE);
		b.locator("#start-quiz").click();
		assertThat(b.locator("#quiz-submit")).isVisible();
		// The answer given before is kept.
		for (int i = 0; !b.locator("#question-" + bakhtiarsFirst).isVisible(); i++) {
			goTo(b, i);
		}
		assertThat(b.locator("#question-" + bakhtiarsFirst + " .answer-saved"))
			.hasText(t("network.answerSaved", Locale.ENGLISH));
		answerOneWithOptions(b, Set.of(bakhtiarsFirst));
		assertThat(answered(trainer, bakhtiar))
			.hasText(t("examui.answered", Locale.ENGLISH, "2", String.valueOf(drawn)), PUSHED);
		assertThat(trainer.locator("#exam-count-answering")).hasText("3", PUSHED);

		// Closing early grades every open attempt. The confirmations above fade out
		// first:
		// axe would otherwise measure a toast's contrast half-way through its fade.
		assertThat(trainer.locator("vaadin-notification-card")).hasCount(0);
		trainer.locator("#exam-close-early").click();
		assertThat(trainer.locator("#exam-close-confirm")).isVisible();
		Browser.checkpoint(trainer, "exam-8-close-dialog-en", violations);
		trainer.locator("#exam-close-confirm").click();
		assertThat(trainer.locator("#exam-count-submitted")).hasText("3", PUSHED);
		assertThat(trainer.locator("#exam-count-answering")).hasText("0", PUSHED);
		assertThat(trainer.locator("#exam-monitor-phase")).hasText(t("examui.phase.CLOSED", Locale.ENGLISH));
		Browser.checkpoint(trainer, "exam-9-closed-en", violations);
		org.assertj.core.api.Assertions.assertThat(pushTraffic)
			.as("the monitor's updates came by server push")
			.anySatisfy((url) -> org.assertj.core.api.Assertions.assertThat(url).contains("/VAADIN/push"));

		// Fereshta's attempt (every answer right) was graded when the session closed.
		c.navigate(base + "/learn/" + MODULE);
		assertThat(c.locator("body")).containsText(t("module.quizPassed", DARI, "§").split("§")[0].trim());
		assertThat(c.locator("#exam-opens-at-text")).isVisible();
		assertThat(c.locator("#start-quiz")).hasCount(0);
		Browser.checkpoint(c, "exam-10-graded-fa", violations);

		// The Dari trainer sees the closed session and its monitor, right to left.
		Page dari = browser.newPage("fa-AF");
		Browser.signIn(dari, base, dariTrainerName, PASSWORD);
		dari.navigate(base + "/cohorts/" + cohortId + "/exams");
		assertThat(dari.locator("html")).hasAttribute("dir", "rtl");
		assertThat(dari.locator("#exam-phase-" + sessionId)).hasText(t("examui.phase.CLOSED", DARI));
		Browser.checkpoint(dari, "exam-11-sessions-fa", violations);
		dari.locator("#exam-monitor-" + sessionId).click();
		assertThat(dari.locator("#exam-count-submitted")).hasText("۳");
		Browser.checkpoint(dari, "exam-12-monitor-fa", violations);

		assertNoSeriousViolations(violations);
		for (Page page : List.of(a, b, c, trainer, dari)) {
			page.context().close();
		}
	}

	private UserAccount cadet(String username, String fullName, Locale locale, long academy) {
		return accounts
			.createUser(new NewUser(username, fullName, null, locale, Set.of(Role.CADET), academy, PASSWORD, false));
	}

	private String t(String key, Locale locale, Object... arguments) {
		return strings.getTranslation(key, locale, arguments);
	}

	private static Locator status(Page monitor, UserAccount cadet) {
		return monitor.locator(".exam-status[data-cadet='" + cadet.id() + "']");
	}

	private static Locator answered(Page monitor, UserAccount cadet) {
		return monitor.locator(".exam-answered[data-cadet='" + cadet.id() + "']");
	}

	/**
	 * A date-time picker's value is ISO whatever the language; its fields show it
	 * localized. The server takes the value on the picker's {@code change} event, which a
	 * person's typing fires and a script must fire itself.
	 */
	private static void setPicker(Page page, String selector, LocalDateTime value) {
		page.locator(selector)
			.evaluate("(picker, iso) => { picker.value = iso; picker.dispatchEvent(new CustomEvent('change')); }",
					value.toString());
	}

	/**
	 * Moves with Previous and Next to the drawn question at {@code index} (from 0),
	 * waiting for each page.
	 */
	private static void goTo(Page page, int index) {
		Locator position = page.locator("#quiz-position");
		for (int at = Integer.parseInt(position.getAttribute("data-index")); at != index; at += at < index ? 1 : -1) {
			page.locator(at < index ? "#quiz-next" : "#quiz-previous").click();
			assertThat(position).hasAttribute("data-index", String.valueOf(at < index ? at + 1 : at - 1));
		}
	}

	/**
	 * Goes through the drawn questions from the first to one with options to tick whose
	 * id is not in {@code except}, whatever it asks, ticks its first option (in English),
	 * waits until it is saved and returns its id.
	 */
	private String answerOneWithOptions(Page page, Set<String> except) {
		int total = Integer.parseInt(page.locator("#quiz-position").getAttribute("data-total"));
		for (int i = 0; i < total; i++) {
			goTo(page, i);
			Locator question = page.locator(".quiz-question");
			String id = question.getAttribute("id").substring("question-".length());
			Locator options = question.locator(".quiz-option");
			if (except.contains(id) || options.count() == 0) {
				continue;
			}
			options.first().click();
			assertThat(question.locator(".answer-saved")).hasText(t("network.answerSaved", Locale.ENGLISH));
			return id;
		}
		throw new AssertionError("no drawn question with options to tick besides " + except);
	}

}
