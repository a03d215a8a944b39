package org.lepha.academy.security.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a throttled user to {@code /login?throttled}, a deactivated one (with the right
 * password) to {@code /login?deactivated} and any other failure to {@code /login?error},
 * which the login view turns into a message in the user's language.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String target = switch (exception) {
			case ThrottledLoginException throttled -> "/login?throttled";
			case AccountDeactivatedException deactivated -> "/login?deactivated";
			default -> "/login?error";
		};
		response.sendRedirect(request.getContextPath() + target);
	}

}
