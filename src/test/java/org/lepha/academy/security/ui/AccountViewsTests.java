package org.lepha.academy.security.ui;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.TestAccounts;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SecurityWorld;
import org.lepha.academy.security.SignInLock;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;
import org.lepha.academy.security.internal.LoginThrottle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account screens without a browser: the administrator's reset (the one-time password
 * shown once, in a dialog), deactivation after confirming and the list of deactivated
 * accounts, the sign-in locks with unlocking, "sign out everywhere else", and the sign-in
 * page's message for a deactivated account.
 */
@IntegrationTest
class AccountViewsTests extends SpringBrowserlessTest {

	private static final String PASSWORD = "account-views-maple-9";

	@Autowired
	UserAccountService accounts;

	@Autowired
	AuthenticationManager authentication;

	@Autowired
	LoginThrottle throttle;

	@Test
	@WithUserDetails(TestAccounts.ADMIN)
	void administratorResetsAPasswordAndSeesTheOneTimePasswordOnce() {
		UserAccount cadet = newCadet();
		navigate("admin/users", UsersView.class);

		button(actionsOf(cadet), "reset-" + cadet.username()).click();

		String otp = $(TextField.class).id("one-time-password").getValue();
		assertThat(otp).hasSize(12);
		assertThat(signIn(cadet.username(), otp)).isTrue();
		test($(Button.class).id("one-time-password-close")).click();
		assertThat($(TextField.class).all()).noneMatch((f) -> otp.equals(f.getValue()));
	}

	@Test
	@WithUserDetails(TestAccounts.ADMIN)
	void administratorDeactivatesAfterConfirmingAndFindsTheAccountAmongTheDeactivated() {
		UserAccount cadet = newCadet();
		navigate("admin/users", UsersView.class);

		button(actionsOf(cadet), "deactivate-" + cadet.username()).click();
		test($(ConfirmDialog.class).single()).confirm();

		assertThat(rowOf(cadet)).as("gone from the list").isEmpty();
		test($(Checkbox.class).id("show-deactivated")).click();
		int row = rowOf(cadet).orElseThrow();
		assertThat(test(users()).getCellText(row, test(users()).getColumnPosition("status"))).isEqualTo("Deactivated");

		button(actionsOf(cadet), "reactivate-" + cadet.username()).click();
		assertThat(signIn(cadet.username(), PASSWORD)).isTrue();
	}

	@Test
	@WithUserDetails(TestAccounts.ADMIN)
	void administratorUnlocksALockedAddressFromTheLocksDialog() {
		String address = "10.88." + ThreadLocalRandom.current().nextInt(256) + "."
				+ ThreadLocalRandom.current().nextInt(1, 255);
		for (int i = 0; i < 5; i++) {
			throttle.recordFailure(SecurityWorld.unique("guess."), address);
		}
		navigate("admin/users", UsersView.class);
		test($(Button.class).id("sign-in-locks")).click();

		@SuppressWarnings("unchecked")
		Grid<SignInLock> locks = $(Grid.class).id("locks-grid");
		int row = -1;
		for (int i = 0; i < test(locks).size(); i++) {
			if (test(locks).getRow(i).key().equals(address)) {
				row = i;
			}
		}
		assertThat(row).as("the locked address is listed").isNotNegative();
		((Button) test(locks).getCellComponent(row, "unlock")).click();

		assertThat(throttle.lockedUntil("anyone", address)).isEmpty();
		for (int i = 0; i < test(locks).size(); i++) {
			assertThat(test(locks).getRow(i).key()).as("the list is refreshed").isNotEqualTo(address);
		}
	}

	@Test
	@WithUserDetails(TestAccounts.TRANSLATOR)
	void signOutEverywhereElseTellsHowManySessionsEnded() {
		navigate("password", ChangePasswordView.class);

		test($(Button.class).id("sign-out-everywhere")).click();

		assertThat(test($(Notification.class).last()).getText()).isEqualTo("No other session was signed in.");
	}

	@Test
	@WithUserDetails(TestAccounts.TRANSLATOR)
	void aPasswordThePolicyRefusesIsExplainedAtTheNewPasswordField() {
		navigate("password", ChangePasswordView.class);
		test($(PasswordField.class).id("password-current")).setValue(TestAccounts.PASSWORD);
		test($(PasswordField.class).id("password-new")).setValue("aaaaaaaaaa");
		test($(PasswordField.class).id("password-repeat")).setValue("aaaaaaaaaa");

		test($(Button.class).id("password-save")).click();

		PasswordField fresh = $(PasswordField.class).id("password-new");
		assertThat(fresh.isInvalid()).isTrue();
		assertThat(fresh.getErrorMessage())
			.isEqualTo("The new password must not be one character or a short pattern repeated.");
		assertThat(fresh.getHelperText()).startsWith("At least 10 characters. Not your user name");
	}

	@Test
	void theSignInPageExplainsADeactivatedAccount() {
		// The failure handler's redirect target, with its query (navigate(...) takes
		// none).
		UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("deactivated", "")));

		LoginForm form = $(LoginForm.class).single();
		assertThat(form.isError()).isTrue();
		assertThat(form.getElement().getPropertyRaw("i18n").toString())
			.contains("This account is deactivated. Ask your academy's administrator if you need it again.");
	}

	private UserAccount newCadet() {
		return accounts.createUser(new NewUser(SecurityWorld.unique("view.acct."), "View Cadet", null, Locale.ENGLISH,
				Set.of(Role.CADET), null, PASSWORD, false));
	}

	@SuppressWarnings("unchecked")
	private Grid<UserAccount> users() {
		return $(Grid.class).id("users-grid");
	}

	private Optional<Integer> rowOf(UserAccount user) {
		Grid<UserAccount> grid = users();
		for (int i = 0; i < test(grid).size(); i++) {
			if (test(grid).getRow(i).id() == user.id()) {
				return Optional.of(i);
			}
		}
		return Optional.empty();
	}

	private Component actionsOf(UserAccount user) {
		return test(users()).getCellComponent(rowOf(user).orElseThrow(), "actions");
	}

	private static Button button(Component cell, String id) {
		return cell.getChildren()
			.filter((c) -> c.getId().map(id::equals).orElse(false))
			.map(Button.class::cast)
			.findFirst()
			.orElseThrow();
	}

	private boolean signIn(String username, String password) {
		var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
		token.setDetails(new WebAuthenticationDetails(
				"10.89." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255),
				null));
		return authentication.authenticate(token).isAuthenticated();
	}

}
