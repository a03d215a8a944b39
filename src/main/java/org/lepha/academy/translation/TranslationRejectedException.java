package org.lepha.academy.translation;

import java.util.List;

/**
 * A translation that cannot be saved or approved, with the UI string key that explains
 * why and the technical details (which placeholders or markup differ).
 */
public class TranslationRejectedException extends RuntimeException {

	private final String messageKey;

	private final List<String> details;

	private final Object[] arguments;

	public TranslationRejectedException(String messageKey, List<String> details) {
		this(messageKey, details, new Object[0]);
	}

	/** With the arguments of the UI string (a limit it names). */
	public TranslationRejectedException(String messageKey, List<String> details, Object... arguments) {
		super(messageKey + (details.isEmpty() ? "" : ": " + String.join("; ", details)));
		this.messageKey = messageKey;
		this.details = List.copyOf(details);
		this.arguments = arguments.clone();
	}

	/** Over-long: the translation has more than {@code max} characters. */
	public static TranslationRejectedException tooLong(int max) {
		return new TranslationRejectedException("translate.error.tooLongMax", List.of(), max);
	}

	/** Key of the UI string to show. */
	public String messageKey() {
		return messageKey;
	}

	public List<String> details() {
		return details;
	}

	/** The arguments of {@link #messageKey()}'s string. */
	public Object[] arguments() {
		return arguments.clone();
	}

}
