package org.lepha.academy.security;

import java.time.LocalDate;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.TestAccounts;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.NewCohort;
import org.lepha.academy.cohorts.ui.TrainerHomeView;
import org.lepha.academy.learning.ui.CadetHomeView;
import org.lepha.academy.security.ui.LoginView;
import org.lepha.academy.security.ui.UsersView;
import org.lepha.academy.translation.ui.TranslatorHomeView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each role reaches its own home view and is refused the others', in the views and, more
 * importantly, in the services behind them.
 */
@IntegrationTest
class RoleAccessTests extends SpringBrowserlessTest {

	@Autowired
	CohortService cohorts;

	@Autowired
	UserAccountService accounts;

	@Test
	@WithUserDetails(TestAccounts.CADET)
	void cadetStartsOnMyModulesAndCannotOpenTrainerTranslatorOrAdminViews() {
		navigate("", CadetHomeView.class);
		assertThat(getCurrentView()).isInstanceOf(CadetHomeView.class);
		assertRefused(TrainerHomeView.class);
		assertRefused(TranslatorHomeView.class);
		assertRefused(UsersView.class);
	}

	@Test
	@WithUserDetails(TestAccounts.TRAINER)
	void trainerStartsOnCohortsAndCannotOpenCadetTranslatorOrAdminViews() {
		navigate("", TrainerHomeView.class);
		assertRefused(CadetHomeView.class);
		assertRefused(TranslatorHomeView.class);
		assertRefused(UsersView.class);
	}

	@Test
	@WithUserDetails(TestAccounts.TRANSLATOR)
	void translatorStartsOnTranslationsAndCannotOpenTheOthers() {
		navigate("", TranslatorHomeView.class);
		assertRefused(CadetHomeView.class);
		assertRefused(TrainerHomeView.class);
		assertRefused(UsersView.class);
	}

	@Test
	@WithUserDetails(TestAccounts.ADMIN)
	void adminStartsOnUsersAndSeesEveryAccount() {
		UsersView view = navigate("", UsersView.class);
		assertThat(view).isNotNull();
		assertRefused(CadetHomeView.class);
	}

	@Test
	@WithAnonymousUser
	void anonymousVisitorsAreSentToTheLoginView() {
		navigate("cohorts", LoginView.class);
		assertThat(getCurrentView()).isInstanceOf(LoginView.class);
	}

	@Test
	@WithUserDetails(TestAccounts.CADET)
	void cadetCallingTrainerAndAdminServicesDirectlyIsRefused() {
		assertThatThrownBy(() -> cohorts.myCohorts()).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> cohorts.createCohort(new NewCohort(1, "x", LocalDate.now(), null, Set.of())))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> accounts.listUsers()).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> accounts.myTranslatorLocales()).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	@WithUserDetails(TestAccounts.TRAINER)
	void trainerCallingAdminServicesIsRefused() {
		assertThatThrownBy(() -> accounts.listUsers()).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> cohorts.createAcademy("Not allowed")).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	@WithUserDetails(TestAccounts.TRANSLATOR)
	void translatorCallingTrainerServicesIsRefused() {
		assertThatThrownBy(() -> cohorts.myCohorts()).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	@WithAnonymousUser
	void anonymousCallersAreRefusedByServices() {
		assertThatThrownBy(() -> accounts.changeMyLanguage(java.util.Locale.ENGLISH))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> cohorts.myCohorts()).isInstanceOf(AccessDeniedException.class);
	}

	private void assertRefused(Class<? extends com.vaadin.flow.component.Component> view) {
		assertThatThrownBy(() -> navigate(view)).as("%s must be refused", view.getSimpleName())
			.hasMessageContaining("Navigation resulted in unexpected class");
		assertThat(getCurrentView()).isNotInstanceOf(view);
	}

}
