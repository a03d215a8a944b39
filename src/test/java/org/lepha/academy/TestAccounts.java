package org.lepha.academy;

import java.util.Locale;
import java.util.Set;

import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * One account per role with a known password, created once in the test database, for
 * {@code @WithUserDetails("test.cadet")} and real HTTP logins.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestAccounts {

	public static final String PASSWORD = "test-password-123";

	public static final String CADET = "test.cadet";

	public static final String TRAINER = "test.trainer";

	public static final String TRANSLATOR = "test.translator";

	public static final String ADMIN = "test.admin";

	public static final String ACADEMY = "Test Academy";

	@Bean
	ApplicationRunner testAccountsRunner(UserAccountService accounts, CohortService cohorts) {
		return (args) -> SystemAccess.asAdministrator(() -> {
			long academy = cohorts.academiesForNewCohorts(null)
				.stream()
				.filter((a) -> a.name().equals(ACADEMY))
				.findFirst()
				.orElseGet(() -> cohorts.createAcademy(ACADEMY))
				.id();
			var existing = accounts.listUsers().stream().map(UserAccount::username).toList();
			create(accounts, existing, CADET, "Test Cadet", Role.CADET, academy);
			create(accounts, existing, TRAINER, "Test Trainer", Role.TRAINER, academy);
			create(accounts, existing, ADMIN, "Test Admin", Role.ADMIN, null);
			if (!existing.contains(TRANSLATOR)) {
				UserAccount translator = accounts.createUser(new NewUser(TRANSLATOR, "Test Translator", null,
						Locale.ENGLISH, Set.of(Role.TRANSLATOR), null, PASSWORD, false));
				accounts.assignTranslatorLocale(translator.id(), Locale.forLanguageTag("fa-AF"));
			}
			return null;
		});
	}

	private static void create(UserAccountService accounts, java.util.List<String> existing, String username,
			String name, Role role, Long academy) {
		if (!existing.contains(username)) {
			accounts
				.createUser(new NewUser(username, name, null, Locale.ENGLISH, Set.of(role), academy, PASSWORD, false));
		}
	}

}
