package org.lepha.academy.base.text;

/**
 * Text a service will not store, with the UI string that tells the user why and its
 * arguments. One type, so the error handler and the views explain every such refusal
 * (characters, length) without knowing each check.
 */
public abstract class RefusedTextException extends IllegalArgumentException {

	protected RefusedTextException(String message) {
		super(message);
	}

	/** Key of the UI string to show. */
	public abstract String messageKey();

	/** The arguments of {@link #messageKey()}'s string. */
	public Object[] arguments() {
		return new Object[0];
	}

}
