package org.lepha.academy.cohorts;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Builds academies, trainers, cadets and cohorts with unique names for each test, and
 * signs in as any of them.
 */
public final class CohortFixtures {

	private static final AtomicLong COUNTER = new AtomicLong(System.currentTimeMillis());

	private final UserAccountService accounts;

	private final CohortService cohorts;

	private final UserDetailsService userDetails;

	public CohortFixtures(UserAccountService accounts, CohortService cohorts, UserDetailsService userDetails) {
		this.accounts = accounts;
		this.cohorts = cohorts;
		this.userDetails = userDetails;
	}

	public static String unique(String prefix) {
		return prefix + COUNTER.incrementAndGet();
	}

	public Academy academy() {
		return SystemAccess.asAdministrator(() -> cohorts.createAcademy(unique("Academy ")));
	}

	public UserAccount user(Role role, Academy academy, String fullName) {
		return SystemAccess
			.asAdministrator(() -> accounts.createUser(new NewUser(unique(role.name().toLowerCase() + "."), fullName,
					null, Locale.ENGLISH, Set.of(role), academy.id(), "fixture-password-1", false)));
	}

	public CohortSummary cohort(Academy academy, UserAccount trainer) {
		return SystemAccess.asAdministrator(() -> cohorts.createCohort(new NewCohort(academy.id(), unique("Cohort "),
				LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 20), Set.of(trainer.id()))));
	}

	public void signInAs(UserAccount user) {
		var details = userDetails.loadUserByUsername(user.username());
		SecurityContextHolder.getContext()
			.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
	}

	public static void signOut() {
		SecurityContextHolder.clearContext();
	}

}
