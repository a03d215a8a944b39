package org.lepha.academy.classroom;

import org.lepha.academy.base.RefusedException;

/**
 * A classroom action was refused for a reason the user can understand (a wrong code, a
 * tie the trainer must break, a session that has ended); the message is a UI string key.
 */
public class ClassroomException extends RefusedException {

	public ClassroomException(String messageKey) {
		super(messageKey);
	}

}
