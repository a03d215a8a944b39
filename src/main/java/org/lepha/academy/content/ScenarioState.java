package org.lepha.academy.content;

import java.util.Map;
import java.util.Set;

/**
 * Where a player stands in a scenario: what they have seen and chosen and their scores.
 */
public record ScenarioState(Set<String> visitedNodes, Set<String> chosenChoices, Map<String, Integer> scores) {

	public ScenarioState {
		visitedNodes = Set.copyOf(visitedNodes);
		chosenChoices = Set.copyOf(chosenChoices);
		scores = Map.copyOf(scores);
	}

	public int score(String name) {
		return scores.getOrDefault(name, 0);
	}

}
