package org.lepha.academy.exams;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A trainer's exam session for one cohort and one module's post-test.
 *
 * @param accessCode shown in the room; null when the session needs none
 * @param closedAt when the trainer closed it early; null otherwise
 * @param phase at the time it was read
 */
public record ExamSession(long id, long cohortId, String moduleId, Instant opensAt, Instant closesAt,
		@Nullable String accessCode, @Nullable Instant closedAt, ExamPhase phase) {

}
