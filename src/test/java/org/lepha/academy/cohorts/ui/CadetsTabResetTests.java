package org.lepha.academy.cohorts.ui;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.TestAccounts;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.cohorts.EnrolledCadet;
import org.lepha.academy.cohorts.NewCohort;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.OneTimePasswords;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trainer resets the password of a cadet of their cohort from the cadets tab and is
 * shown the one-time password in a dialog.
 */
@IntegrationTest
class CadetsTabResetTests extends SpringBrowserlessTest {

	@Autowired
	CohortService cohorts;

	@Autowired
	UserAccountService accounts;

	@Autowired
	AuthenticationManager authentication;

	@Test
	@WithUserDetails(TestAccounts.TRAINER)
	void trainerResetsACadetsPasswordFromTheCadetsTab() {
		long academy = accounts.currentUser().orElseThrow().academyId();
		CohortSummary cohort = cohorts
			.createCohort(new NewCohort(academy, "Reset cohort " + System.nanoTime(), null, null, Set.of()));
		UserAccount cadet = accounts
			.createCadets(List.of(new NewUser("reset.cadet." + System.nanoTime(), "Reset Cadet", null, Locale.ENGLISH,
					Set.of(Role.CADET), academy, OneTimePasswords.generate(), true)))
			.getFirst();
		cohorts.enrol(cohort.id(), cadet.id());
		navigate("cohorts/" + cohort.id(), CohortView.class);
		$(TabSheet.class).single().setSelectedIndex(1);

		@SuppressWarnings("unchecked")
		Grid<EnrolledCadet> grid = $(Grid.class).id("cadets-grid");
		test(grid).getCellComponent(0, "actions")
			.getChildren()
			.filter((c) -> c.getId().map(("reset-" + cadet.username())::equals).orElse(false))
			.map(Button.class::cast)
			.findFirst()
			.orElseThrow()
			.click();

		String otp = $(TextField.class).id("one-time-password").getValue();
		var token = UsernamePasswordAuthenticationToken.unauthenticated(cadet.username(), otp);
		token.setDetails(new WebAuthenticationDetails("10.87.0." + (System.nanoTime() % 250 + 1), null));
		assertThat(authentication.authenticate(token).isAuthenticated()).isTrue();
	}

}
