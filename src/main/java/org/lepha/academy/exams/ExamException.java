package org.lepha.academy.exams;

import org.lepha.academy.base.RefusedException;

/**
 * An exam session action was refused for a reason the trainer can understand; the message
 * is a UI string key.
 */
public class ExamException extends RefusedException {

	public ExamException(String messageKey) {
		super(messageKey);
	}

}
