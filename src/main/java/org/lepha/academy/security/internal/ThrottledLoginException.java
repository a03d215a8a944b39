package org.lepha.academy.security.internal;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/**
 * Login refused because of too many failed attempts; the user is told to wait.
 */
public class ThrottledLoginException extends AuthenticationException {

	private final Instant retryAfter;

	public ThrottledLoginException(Instant retryAfter) {
		super("Too many failed login attempts");
		this.retryAfter = retryAfter;
	}

	public Instant retryAfter() {
		return retryAfter;
	}

}
