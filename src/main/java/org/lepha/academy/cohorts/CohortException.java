package org.lepha.academy.cohorts;

/**
 * A cohort operation was refused for a reason the user can fix; the message is a UI
 * string key.
 */
public class CohortException extends RuntimeException {

	public CohortException(String messageKey) {
		super(messageKey);
	}

	public String messageKey() {
		return getMessage();
	}

}
