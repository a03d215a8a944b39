package org.lepha.academy.cohorts;

import java.util.List;
import java.util.Locale;

/**
 * Where a cadet stands now: their active cohort, its academy and trainers, and the
 * modules assigned to it. Used by certificates, which are issued in the cohort's name.
 */
public record CadetMembership(long userId, String fullName, Locale locale, long cohortId, String cohortName,
		String academyName, List<String> trainerNames, List<String> assignedModuleIds) {

}
