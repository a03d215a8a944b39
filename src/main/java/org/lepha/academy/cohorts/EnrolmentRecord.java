package org.lepha.academy.cohorts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One stay of a cadet in a cohort; history is kept when a cadet moves or withdraws.
 *
 * @param endReason null while active, else {@code WITHDRAWN} or {@code MOVED}
 */
public record EnrolmentRecord(long cohortId, String cohortName, Instant enrolledAt, @Nullable Instant endedAt,
		@Nullable String endReason) {

}
