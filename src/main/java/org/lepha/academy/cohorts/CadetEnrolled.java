package org.lepha.academy.cohorts;

/**
 * Published when a cadet joins a cohort (enrolled, moved or with a join code): the
 * certificates feature issues what the cadet had already earned, in the cohort's name.
 */
public record CadetEnrolled(long cadetUserId, long cohortId) {

}
