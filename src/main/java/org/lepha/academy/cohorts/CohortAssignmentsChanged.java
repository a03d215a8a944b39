package org.lepha.academy.cohorts;

/**
 * Published when a module is assigned to a cohort or taken off it: a cadet may have
 * completed the cohort's programme by that change alone.
 */
public record CohortAssignmentsChanged(long cohortId) {

}
