package org.lepha.academy.security;

/**
 * A password set by a reset, to be handed to its user once; it must be changed at the
 * next sign-in and is never stored in clear.
 */
public record OneTimePassword(String username, String fullName, String password) {

	@Override
	public String toString() {
		return "OneTimePassword[" + username + "]";
	}

}
