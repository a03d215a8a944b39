package org.lepha.academy.classroom.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.classroom.internal.ClassroomRepository.StoredRound;
import org.lepha.academy.content.Choice;
import org.lepha.academy.content.Scenario;
import org.lepha.academy.content.ScenarioState;

/**
 * A class's place in a scenario, replayed from its rounds: what it has seen and chosen
 * and its scores, so choice conditions work as in a cadet's own run. Nothing of it is
 * stored, so it can never disagree with the rounds.
 */
public final class ClassroomPaths {

	private ClassroomPaths() {
	}

	/**
	 * The state after these rounds (those with a choice taken count), standing at
	 * {@code currentNode}.
	 */
	public static ScenarioState state(Scenario scenario, List<StoredRound> rounds, @Nullable String currentNode) {
		Set<String> visited = new HashSet<>();
		visited.add(scenario.start());
		Set<String> chosen = new HashSet<>();
		Map<String, Integer> scores = new LinkedHashMap<>();
		scenario.scores().forEach((s) -> scores.put(s, 0));
		for (StoredRound round : rounds) {
			visited.add(round.nodeId());
			taken(scenario, round).ifPresent((c) -> {
				chosen.add(c.id());
				c.effects().forEach((k, v) -> scores.merge(k, v, (a, b) -> ScenarioState.bounded(a + b)));
			});
		}
		if (currentNode != null) {
			visited.add(currentNode);
		}
		return new ScenarioState(visited, chosen, scores);
	}

	/** The choice the class went on with in a round, if any. */
	public static Optional<Choice> taken(Scenario scenario, StoredRound round) {
		if (round.choiceId() == null) {
			return Optional.empty();
		}
		return scenario.node(round.nodeId())
			.flatMap((n) -> n.choices().stream().filter((c) -> c.id().equals(round.choiceId())).findFirst());
	}

}
