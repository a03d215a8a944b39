package org.lepha.academy.security.internal;

import java.util.Locale;

import org.lepha.academy.security.AccountEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the {@link LoginThrottle} in front of the password check: a locked account or
 * address is refused before its password is even looked at, and every failure is counted.
 * Every outcome is published as an {@link AccountEvent} for the audit log (user name and
 * client address, never the password).
 */
public class ThrottlingAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final LoginThrottle throttle;

	private final ApplicationEventPublisher events;

	public ThrottlingAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle,
			ApplicationEventPublisher events) {
		this.delegate = delegate;
		this.throttle = throttle;
		this.events = events;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = normalize(authentication.getName());
		String address = clientAddress(authentication);
		var lock = throttle.lockedUntil(username, address);
		if (lock.isPresent()) {
			// Not audited one by one: a refusal here costs an attacker nothing (no
			// password hash is computed), so a row per attempt would let anyone fill the
			// audit log. The lock itself was audited when it started (SIGN_IN_LOCKED).
			throw new ThrottledLoginException(lock.get());
		}
		try {
			var token = new UsernamePasswordAuthenticationToken(username, authentication.getCredentials());
			token.setDetails(authentication.getDetails());
			Authentication result = delegate.authenticate(token);
			throttle.recordSuccess(username);
			Long id = result.getPrincipal() instanceof AcademyUserDetails details ? details.account().id() : null;
			if (!(authentication.getDetails() instanceof ScrapeAuthenticationDetails)) {
				publish(AccountEvent.Kind.SIGN_IN, username, id, "from " + address);
			}
			return result;
		}
		catch (DisabledException ex) {
			// Only reached with the right password (the enabled check runs after the
			// password check, see SecurityConfiguration), so telling the user that the
			// account is deactivated reveals nothing to someone guessing.
			publish(AccountEvent.Kind.SIGN_IN_REFUSED, username, null, "deactivated, from " + address);
			throw new AccountDeactivatedException();
		}
		catch (AuthenticationException ex) {
			throttle.recordFailure(username, address);
			publish(AccountEvent.Kind.SIGN_IN_FAILED, username, null, "from " + address);
			if (throttle.lockedUntil(username, address).isPresent()) {
				publish(AccountEvent.Kind.SIGN_IN_LOCKED, username, null, "from " + address);
			}
			// Unknown user names get the same answer as a wrong password: no enumeration.
			throw new BadCredentialsException("Bad credentials");
		}
	}

	private void publish(AccountEvent.Kind kind, String username, Long id, String details) {
		events.publishEvent(new AccountEvent(kind, username, id, username, details));
	}

	static String normalize(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

	private static String clientAddress(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) {
			return details.getRemoteAddress();
		}
		return "unknown";
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
