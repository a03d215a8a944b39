package org.lepha.academy.security.internal;

import org.springframework.security.core.AuthenticationException;

/**
 * The right password for a deactivated account: the user is told to ask an administrator.
 */
public class AccountDeactivatedException extends AuthenticationException {

	public AccountDeactivatedException() {
		super("Account deactivated");
	}

}
