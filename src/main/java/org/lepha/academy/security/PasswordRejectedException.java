package org.lepha.academy.security;

/**
 * A password change was refused; the message is a UI string key the view translates.
 */
public class PasswordRejectedException extends RuntimeException {

	public PasswordRejectedException(String messageKey) {
		super(messageKey);
	}

	public String messageKey() {
		return getMessage();
	}

}
