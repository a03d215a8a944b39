package org.lepha.academy.base;

/**
 * An action or a page was refused for a reason the user can understand (nothing to open,
 * already done, not offered); the message is a UI string key. The features' own refusals
 * (learning, cohorts, certificates) share this type, so one error view explains any of
 * them when it happens while opening a page.
 */
public class RefusedException extends RuntimeException {

	public RefusedException(String messageKey) {
		super(messageKey);
	}

	/** Key of the UI string to show. */
	public String messageKey() {
		return getMessage();
	}

}
