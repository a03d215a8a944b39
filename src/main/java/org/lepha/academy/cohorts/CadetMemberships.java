package org.lepha.academy.cohorts;

import java.util.List;
import java.util.Optional;

import org.lepha.academy.base.SystemPort;

/**
 * Where cadets stand now (cohort, academy, trainers, assignments), for system callers
 * (certificates are issued in the cohort's name when a completion is recorded, with
 * nobody signed in). Checks no caller: views use {@link CohortService}.
 */
@SystemPort
public interface CadetMemberships {

	/** The cadet's active membership; empty while the cadet is in no cohort. */
	Optional<CadetMembership> current(long cadetUserId);

	/** The user ids of a cohort's active cadets. */
	List<Long> activeCadets(long cohortId);

	/** The academy a cohort belongs to; empty for an unknown cohort. */
	Optional<Long> academyOf(long cohortId);

}
