package org.lepha.academy.content;

import java.util.Map;
import java.util.Set;

/**
 * Where a player stands in a scenario: what they have seen and chosen and their scores.
 */
public record ScenarioState(Set<String> visitedNodes, Set<String> chosenChoices, Map<String, Integer> scores) {

	/**
	 * Scores stay between minus and plus this limit, so that a loop that keeps adding to
	 * a score cannot make the scenario's states endless (the validator plays every
	 * state).
	 */
	public static final int SCORE_LIMIT = 100;

	/** A score after an effect: the sum, kept within {@link #SCORE_LIMIT}. */
	public static int bounded(int value) {
		return Math.max(-SCORE_LIMIT, Math.min(SCORE_LIMIT, value));
	}

	public ScenarioState {
		visitedNodes = Set.copyOf(visitedNodes);
		chosenChoices = Set.copyOf(chosenChoices);
		scores = Map.copyOf(scores);
	}

	public int score(String name) {
		return scores.getOrDefault(name, 0);
	}

}
