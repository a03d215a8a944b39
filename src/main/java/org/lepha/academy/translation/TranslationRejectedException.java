package org.lepha.academy.translation;

import java.util.List;

/**
 * A translation that cannot be saved or approved, with the UI string key that explains
 * why and the technical details (which placeholders or markup differ).
 */
public class TranslationRejectedException extends RuntimeException {

	private final String messageKey;

	private final List<String> details;

	public TranslationRejectedException(String messageKey, List<String> details) {
		super(messageKey + (details.isEmpty() ? "" : ": " + String.join("; ", details)));
		this.messageKey = messageKey;
		this.details = List.copyOf(details);
	}

	/** Key of the UI string to show. */
	public String messageKey() {
		return messageKey;
	}

	public List<String> details() {
		return details;
	}

}
