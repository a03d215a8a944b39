package org.lepha.academy.security;

import java.time.Instant;

/**
 * A sign-in lock in force: an account name or a client address with too many recent
 * failures, refused until the given time.
 */
public record SignInLock(Kind kind, String key, int failures, Instant lockedUntil) {

	/** What is locked. */
	public enum Kind {

		ACCOUNT, ADDRESS

	}

}
