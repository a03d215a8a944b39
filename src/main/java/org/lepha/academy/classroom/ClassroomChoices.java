package org.lepha.academy.classroom;

import java.time.Instant;

/**
 * What a trainer can start or resume.
 */
public final class ClassroomChoices {

	private ClassroomChoices() {
	}

	/** A scenario of a module assigned to one of the trainer's cohorts. */
	public record StartOption(long cohortId, String cohortName, String moduleId, String moduleTitle, String scenarioId,
			String scenarioTitle) {
	}

	/** A live session of one of the trainer's cohorts. */
	public record LiveSession(long sessionId, String joinCode, String cohortName, String scenarioTitle,
			Instant startedAt) {
	}

	/**
	 * One vote the signed-in cadet cast: where, which round, for what, and whether the
	 * class went on with that choice.
	 */
	public record MyVote(long sessionId, Instant startedAt, String scenarioTitle, int roundNo, String choiceText,
			boolean taken) {
	}

}
