package org.lepha.academy.security.internal;

import java.util.Locale;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the {@link LoginThrottle} in front of the password check: a locked account or
 * address is refused before its password is even looked at, and every failure is counted.
 */
public class ThrottlingAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final LoginThrottle throttle;

	public ThrottlingAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
		this.delegate = delegate;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = normalize(authentication.getName());
		String address = clientAddress(authentication);
		var lock = throttle.lockedUntil(username, address);
		if (lock.isPresent()) {
			throw new ThrottledLoginException(lock.get());
		}
		try {
			var token = new UsernamePasswordAuthenticationToken(username, authentication.getCredentials());
			token.setDetails(authentication.getDetails());
			Authentication result = delegate.authenticate(token);
			throttle.recordSuccess(username);
			return result;
		}
		catch (AuthenticationException ex) {
			throttle.recordFailure(username, address);
			// Disabled or locked accounts get the same answer as a wrong password: no
			// enumeration.
			throw new BadCredentialsException("Bad credentials");
		}
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
