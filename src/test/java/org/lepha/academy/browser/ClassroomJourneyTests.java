package org.lepha.academy.browser;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.lepha.academy.BrowserJourneyTest;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.NewCohort;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real Chromium, a class runs a scenario live: the trainer projects it in English
 * (1280×720), two cadets vote from their phones in Dari (right to left) and one in
 * Russian, each page updated by server push alone; the trainer reveals the votes, a
 * re-vote after discussion turns the majority, and the class goes on to an ending shown
 * with its debrief on the projector. The cohort's Scenarios tab then lists the classroom
 * run. axe-core on every page.
 */
@BrowserJourneyTest
class ClassroomJourneyTests extends BrowserJourney {

	private static final String PASSWORD = "journey-password-1";

	private static final Locale EN = Locale.ENGLISH;

	private static final Locale DARI = Locale.forLanguageTag("fa-AF");

	private static final Locale RU = Locale.forLanguageTag("ru");

	@Autowired
	UserAccountService accounts;

	@Autowired
	CohortService cohorts;

	@Autowired
	UiTranslationProvider strings;

	@Test
	void aClassVotesRevotesAndReachesAnEndingOnTheProjector() {
		String suffix = String.valueOf(System.nanoTime() % 1_000_000_000L);
		String trainer = "classroom.trainer." + suffix;
		String farida = "classroom.fa1." + suffix;
		String wahid = "classroom.fa2." + suffix;
		String olga = "classroom.ru." + suffix;
		long cohort = SystemAccess.asAdministrator(() -> {
			long academy = cohorts.createAcademy("Classroom academy " + suffix).id();
			long trainerId = accounts
				.createUser(new NewUser(trainer, "Trainer " + suffix, null, EN, Set.of(Role.TRAINER), academy, PASSWORD,
						false))
				.id();
			long id = cohorts
				.createCohort(new NewCohort(academy, "Classroom cohort " + suffix, null, null, Set.of(trainerId)))
				.id();
			for (String[] cadet : List.of(new String[] { farida, "فریده", "fa-AF" },
					new String[] { wahid, "وحید", "fa-AF" }, new String[] { olga, "Ольга", "ru" })) {
				long cadetId = accounts
					.createUser(new NewUser(cadet[0], cadet[1] + " " + suffix, null, Locale.forLanguageTag(cadet[2]),
							Set.of(Role.CADET), academy, PASSWORD, false))
					.id();
				cohorts.enrol(id, cadetId);
			}
			cohorts.assign(id, "example-module", LocalDate.now().plusDays(7));
			return id;
		});
		Map<String, List<String>> violations = new LinkedHashMap<>();
		String base = baseUrl();

		// The trainer starts the scenario on the projector.
		Page projector = browser.newPage("en");
		projector.setViewportSize(1280, 720);
		Browser.signIn(projector, base, trainer, PASSWORD);
		projector.navigate(base + "/classroom");
		assertThat(projector.locator("#classroom-scenario")).isVisible();
		titled(projector);
		Browser.checkpoint(projector, "classroom-1-start", violations);
		projector.locator("#classroom-start").click();
		projector.waitForURL("**/classroom/projector?session=*");
		assertThat(projector.locator("html")).hasAttribute("dir", "ltr");
		assertThat(projector.locator("#join-qr")).isVisible();
		String code = projector.locator("#join-code").textContent().strip();
		assertThat(projector.locator("#projector-choice-check-kit")).containsText("Take the naloxone kit");
		assertThat(projector.locator("#projector-discussion"))
			.containsText("What do you need in your hands before you reach him?");
		titled(projector);
		Browser.checkpoint(projector, "classroom-2-projector", violations);

		// Two cadets in Dari and one in Russian join: by typing the code, or by the QR
		// link.
		Page fa1 = phone(base, farida);
		fa1.navigate(base + "/classroom/join");
		assertThat(fa1.locator("html")).hasAttribute("dir", "rtl");
		titled(fa1);
		Browser.checkpoint(fa1, "classroom-3-join-fa", violations);
		fa1.locator("#join-code-field input").fill(code.toLowerCase(Locale.ROOT));
		fa1.locator("#join-button").click();
		fa1.waitForURL("**/classroom/room?session=*");
		Page fa2 = phone(base, wahid);
		fa2.navigate(base + "/classroom/join?code=" + code);
		fa2.waitForURL("**/classroom/room?session=*");
		assertThat(fa2.locator("html")).hasAttribute("dir", "rtl");
		Page ru = phone(base, olga);
		ru.navigate(base + "/classroom/join");
		assertThat(ru.locator("html")).hasAttribute("dir", "ltr");
		ru.locator("#join-code-field input").fill(code);
		ru.locator("#join-button").click();
		ru.waitForURL("**/classroom/room?session=*");
		// The situation in the cadet's language (the Dari test translation).
		assertThat(fa1.locator("#room-situation")).containsText("مرد جوانی");
		assertThat(projector.locator("#vote-count")).hasText(count(0, 3));

		// Round 1: two for the kit, one straight to him; the projector counts by push.
		vote(fa1, "check-kit", DARI);
		titled(fa1);
		Browser.checkpoint(fa1, "classroom-4-vote-fa", violations);
		vote(fa2, "check-kit", DARI);
		vote(ru, "go-straight", RU);
		assertThat(projector.locator("#vote-count")).hasText(count(3, 3));
		assertThat(projector.locator("#histogram")).hasCount(0);
		projector.locator("#reveal").click();
		assertThat(projector.locator("#histogram-count-check-kit")).hasText("2");
		assertThat(projector.locator("#histogram-count-go-straight")).hasText("1");
		assertThat(fa1.locator("#room-status")).hasText(strings.getTranslation("classroom.room.closed", DARI));
		titled(projector);
		Browser.checkpoint(projector, "classroom-5-revealed", violations);

		// After discussion, a re-vote turns the majority.
		projector.locator("#revote").click();
		assertThat(projector.locator("#vote-count"))
			.containsText(strings.getTranslation("classroom.revoteRound", EN, 2));
		assertThat(ru.locator("#room-revote")).isVisible();
		vote(fa1, "check-kit", DARI);
		vote(fa2, "go-straight", DARI);
		vote(ru, "go-straight", RU);
		assertThat(projector.locator("#vote-count")).containsText(count(3, 3));
		projector.locator("#reveal").click();
		assertThat(projector.locator("#histogram-count-check-kit")).hasText("1");
		assertThat(projector.locator("#histogram-count-go-straight")).hasText("2");
		projector.locator("#continue-majority").click();

		// Without the kit, waiting for the ambulance is on offer, naloxone is not.
		assertThat(projector.locator("#projector-choice-wait-ambulance")).isVisible();
		assertThat(projector.locator("#projector-choice-give-naloxone")).hasCount(0);
		for (Page phone : List.of(fa1, fa2, ru)) {
			assertThat(phone.locator("#vote-wait-ambulance")).isVisible();
		}
		vote(fa1, "wait-ambulance", DARI);
		vote(fa2, "wait-ambulance", DARI);
		vote(ru, "search", RU);
		assertThat(projector.locator("#vote-count")).hasText(count(3, 3));
		projector.locator("#continue-majority").click();

		// The ending and its debrief on the projector; the phones learn the session
		// ended.
		assertThat(projector.locator("#ending-title")).hasText("Help arrived in time");
		assertThat(projector.locator("#debrief")).containsText("Carry the kit next time.");
		assertThat(projector.locator("#session-path li")).hasCount(2);
		titled(projector);
		Browser.checkpoint(projector, "classroom-6-ending", violations);
		assertThat(ru.locator("#room-ended")).isVisible();
		assertThat(fa2.locator("#room-ending")).isVisible();

		// The cohort's Scenarios tab shows the classroom run apart from individual runs.
		projector.navigate(base + "/cohorts/" + cohort);
		projector.locator("vaadin-tab")
			.filter(new Locator.FilterOptions().setHasText(strings.getTranslation("cohort.tab.scenarios", EN)))
			.click();
		assertThat(projector.locator("#classroom-runs .classroom-run")).hasCount(1);
		assertThat(projector.locator("#classroom-runs .classroom-run")).containsText("Help arrived in time");
		assertThat(projector.locator("#classroom-runs .classroom-rounds li")).hasCount(3);
		titled(projector);
		Browser.checkpoint(projector, "classroom-7-analytics", violations);

		assertNoSeriousViolations(violations);
	}

	/**
	 * Waits for the view's title (set just after the page renders), so axe checks the
	 * finished page.
	 */
	private static void titled(Page page) {
		assertThat(page).hasTitle(Pattern.compile(".+"));
	}

	private Page phone(String base, String username) {
		Page page = browser.newPage("en");
		page.setViewportSize(390, 844);
		Browser.signIn(page, base, username, PASSWORD);
		return page;
	}

	private void vote(Page phone, String choice, Locale locale) {
		phone.locator("#vote-" + choice).click();
		assertThat(phone.locator("#room-status")).hasText(strings.getTranslation("classroom.room.received", locale));
		assertThat(phone.locator("#vote-" + choice)).hasAttribute("aria-pressed", "true");
	}

	private String count(int votes, int joined) {
		return strings.getTranslation("classroom.voteCount", EN, String.valueOf(votes), String.valueOf(joined));
	}

}
