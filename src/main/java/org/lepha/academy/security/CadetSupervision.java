package org.lepha.academy.security;

/**
 * Whether a trainer supervises a cadet, for the account operations a trainer may do on
 * their own cadets (a password reset). Provided by the cohorts feature, which knows who
 * runs which cohort and depends on security, not the other way round.
 */
public interface CadetSupervision {

	/**
	 * True when the user is a cadet actively enrolled in a cohort the trainer runs (a
	 * withdrawn cadet is no longer the trainer's to manage).
	 */
	boolean isSupervisedBy(long cadetUserId, long trainerUserId);

}
