package org.lepha.academy.learning;

import org.lepha.academy.base.RefusedException;

/**
 * A learning action was refused for a reason the cadet can understand; the message is a
 * UI string key.
 */
public class LearningException extends RefusedException {

	public LearningException(String messageKey) {
		super(messageKey);
	}

}
