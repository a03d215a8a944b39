package org.lepha.academy.cohorts.internal;

import org.lepha.academy.cohorts.CohortException;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.learning.CohortJoining;

import org.springframework.stereotype.Component;

@Component
class CohortJoiningForCadets implements CohortJoining {

	private final CohortService cohorts;

	CohortJoiningForCadets(CohortService cohorts) {
		this.cohorts = cohorts;
	}

	@Override
	public void join(String code) {
		cohorts.joinWithCode(code);
	}

	@Override
	public String messageKey(RuntimeException refusal) {
		return refusal instanceof CohortException ex ? ex.messageKey() : "error.unexpected";
	}

}
