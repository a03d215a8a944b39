package org.lepha.academy.security;

/**
 * An account operation was refused for a reason the user can act on; the message is a UI
 * string key the view translates.
 */
public class AccountException extends RuntimeException {

	public AccountException(String messageKey) {
		super(messageKey);
	}

	public String messageKey() {
		return getMessage();
	}

}
