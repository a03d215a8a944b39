package org.lepha.academy.cohorts.internal;

import java.util.List;
import java.util.Optional;

import org.lepha.academy.cohorts.CadetMembership;
import org.lepha.academy.cohorts.CadetMemberships;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.cohorts.EnrolledCadet;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cadets' active enrolments, for system callers.
 */
@Component
class ActiveMemberships implements CadetMemberships {

	private final CohortRepository cohorts;

	ActiveMemberships(CohortRepository cohorts) {
		this.cohorts = cohorts;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CadetMembership> current(long cadetUserId) {
		return cohorts.membership(cadetUserId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Long> activeCadets(long cohortId) {
		return cohorts.activeCadets(cohortId).stream().map(EnrolledCadet::userId).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Long> academyOf(long cohortId) {
		return cohorts.find(cohortId).map(CohortSummary::academyId);
	}

}
