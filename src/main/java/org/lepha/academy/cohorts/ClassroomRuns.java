package org.lepha.academy.cohorts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.content.Rating;

/**
 * A cohort's classroom runs of a module's scenarios (a trainer ran the scenario with the
 * whole class voting), provided by the classroom feature, which depends on cohorts and
 * not the other way round. Checks no caller: {@link ScenarioAnalytics} does before
 * asking.
 */
public interface ClassroomRuns {

	/** The cohort's classroom runs of the module's scenarios, oldest first. */
	List<ClassroomRun> runs(long cohortId, String moduleId, Locale locale);

	/**
	 * One classroom session: its rounds in order and the ending it reached (null when the
	 * trainer ended it early or it is still going).
	 */
	record ClassroomRun(long sessionId, String scenarioId, String scenarioTitle, Instant startedAt, boolean live,
			@Nullable String endingTitle, @Nullable Rating rating, List<Round> rounds) {

		public ClassroomRun {
			rounds = List.copyOf(rounds);
		}

	}

	/**
	 * A round of voting at a node ({@code roundNo} 2 and more are re-votes): the votes
	 * per offered choice, and the choice the class went on with, by majority or by the
	 * trainer's pick (null after a re-vote or while open).
	 */
	record Round(String nodeId, int roundNo, List<Votes> votes, @Nullable String takenChoice, boolean trainersPick) {

		public Round {
			votes = List.copyOf(votes);
		}

	}

	/** Votes for one choice. */
	record Votes(String choiceText, int votes) {
	}

}
