package org.lepha.academy.learning;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where a cadet stands in a scenario run: the situation and the choices on offer, or the
 * ending.
 *
 * @param feedback what the last choice led to, or null at the start
 * @param ending null until the run ends
 */
public record ScenarioView(long runId, String moduleId, String scenarioId, String title, @Nullable String nodeId,
		@Nullable String situationHtml, @Nullable String imageUrl, List<QuizSession.Choice> choices,
		@Nullable String feedback, @Nullable EndingView ending) {

	/**
	 * The end of a run: its rating, debrief, the path taken and the lessons to revisit.
	 */
	public record EndingView(String endingId, String rating, String title, String text, String debriefHtml,
			List<String> path, List<QuizSession.Choice> lessons) {
	}

}
