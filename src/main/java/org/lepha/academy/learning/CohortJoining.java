package org.lepha.academy.learning;

/**
 * Lets a cadet without a cohort join one with a code; provided by the cohorts feature.
 */
public interface CohortJoining {

	void join(String code);

	/** The UI string key that explains a refusal. */
	String messageKey(RuntimeException refusal);

}
