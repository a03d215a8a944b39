package org.lepha.academy.security;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.security.internal.LoginThrottle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Wrong current passwords on the password-change form count like failed sign-ins: a
 * session left open on a shared computer must not allow unthrottled guessing.
 */
@IntegrationTest
class PasswordChangeThrottleTests {

	private static final String PASSWORD = "throttle-password-1";

	@Autowired
	UserAccountService accounts;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	LoginThrottle throttle;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void fiveWrongCurrentPasswordsLockTheAccountLikeFailedSignIns() {
		String username = SecurityWorld.unique("pwchange.");
		SystemAccess.asAdministrator(() -> accounts.createUser(new NewUser(username, "Password Changer", null,
				Locale.ENGLISH, Set.of(Role.CADET), null, PASSWORD, false)));
		String address = randomAddress();
		signIn(username, address);

		for (int i = 0; i < 5; i++) {
			String guess = "wrong-guess-" + i;
			assertThatThrownBy(() -> accounts.changeMyPassword(guess, "a-new-password-" + 42)).isInstanceOfSatisfying(
					PasswordRejectedException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("password.error.current"));
		}
		// Now even the right current password is refused, with its own message...
		assertThatThrownBy(() -> accounts.changeMyPassword(PASSWORD, "a-new-password-43")).isInstanceOfSatisfying(
				PasswordRejectedException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("password.error.throttled"));
		// ... and the sign-in throttle counts the same failures: the account is locked
		// from any address, and the address for any account.
		assertThat(throttle.lockedUntil(username, randomAddress())).isPresent();
		assertThat(throttle.lockedUntil("someone.else", address)).isPresent();
	}

	@Test
	void aRightCurrentPasswordChangesItAndClearsNothingElse() {
		String username = SecurityWorld.unique("pwchange.ok.");
		SystemAccess.asAdministrator(() -> accounts.createUser(new NewUser(username, "Password Changer", null,
				Locale.ENGLISH, Set.of(Role.CADET), null, PASSWORD, false)));
		signIn(username, randomAddress());
		assertThatThrownBy(() -> accounts.changeMyPassword("wrong-once", "a-new-password-44"))
			.isInstanceOf(PasswordRejectedException.class);
		accounts.changeMyPassword(PASSWORD, "a-new-password-45");
	}

	private void signIn(String username, String address) {
		UserDetails details = userDetails.loadUserByUsername(username);
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(details, null,
				details.getAuthorities());
		token.setDetails(new WebAuthenticationDetails(address, null));
		SecurityContextHolder.getContext().setAuthentication(token);
	}

	private static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10.66." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

}
