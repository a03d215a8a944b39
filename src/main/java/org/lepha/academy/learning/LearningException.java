package org.lepha.academy.learning;

/**
 * A learning action was refused for a reason the cadet can understand; the message is a
 * UI string key.
 */
public class LearningException extends RuntimeException {

	public LearningException(String messageKey) {
		super(messageKey);
	}

	public String messageKey() {
		return getMessage();
	}

}
