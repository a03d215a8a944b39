package org.lepha.academy.cohorts.internal;

import java.util.Collection;

import org.lepha.academy.security.AcademyNames;
import org.lepha.academy.security.CadetSupervision;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the security feature who supervises which cadet (for password resets by trainers)
 * and the academies' names (for the password policy). Security cannot ask cohorts itself:
 * cohorts depends on security.
 */
@Component
class CohortsForAccounts implements CadetSupervision, AcademyNames {

	private final CohortRepository cohorts;

	CohortsForAccounts(CohortRepository cohorts) {
		this.cohorts = cohorts;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean isSupervisedBy(long cadetUserId, long trainerUserId) {
		return cohorts.isActiveCadetOfTrainer(cadetUserId, trainerUserId);
	}

	@Override
	@Transactional(readOnly = true)
	public Collection<String> all() {
		return cohorts.academyNames();
	}

}
