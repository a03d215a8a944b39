package org.lepha.academy.cohorts;

import org.lepha.academy.base.RefusedException;

/**
 * A cohort operation was refused for a reason the user can fix; the message is a UI
 * string key.
 */
public class CohortException extends RefusedException {

	public CohortException(String messageKey) {
		super(messageKey);
	}

}
