package org.lepha.academy.browser;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.NewCohort;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser journey shares: one Chromium per test class, the server's address,
 * and the axe-core verdict over the pages visited. Subclasses are annotated
 * {@code @BrowserJourneyTest}.
 */
public abstract class BrowserJourney {

	protected static Browser browser;

	@LocalServerPort
	protected int port;

	@BeforeAll
	static void startBrowser() {
		browser = new Browser();
	}

	@AfterAll
	static void stopBrowser() {
		browser.close();
	}

	/**
	 * A new cadet in a new cohort of a new academy (with its trainer) that has the test
	 * module {@code example-module} assigned, due in a week.
	 */
	protected static void enrolledCadet(UserAccountService accounts, CohortService cohorts, String username,
			String fullName, Locale locale, String password) {
		SystemAccess.asAdministrator(() -> {
			UserAccount cadet = accounts
				.createUser(new NewUser(username, fullName, null, locale, Set.of(Role.CADET), null, password, false));
			UserAccount trainer = accounts.createUser(new NewUser("journey.trainer." + System.nanoTime(), "Trainer",
					null, Locale.ENGLISH, Set.of(Role.TRAINER), null, password, false));
			long academy = cohorts.createAcademy("Journey academy " + System.nanoTime()).id();
			long cohort = cohorts
				.createCohort(new NewCohort(academy, "Journey cohort", null, null, Set.of(trainer.id())))
				.id();
			cohorts.enrol(cohort, cadet.id());
			cohorts.assign(cohort, "example-module", LocalDate.now().plusDays(7));
			return null;
		});
	}

	protected String baseUrl() {
		return "http://localhost:" + port;
	}

	/** Fails listing every page that had serious or critical axe-core violations. */
	protected static void assertNoSeriousViolations(Map<String, List<String>> violations) {
		assertThat(violations).as("serious or critical axe-core violations per page")
			.allSatisfy((name, found) -> assertThat(found).as(name).isEmpty());
	}

}
