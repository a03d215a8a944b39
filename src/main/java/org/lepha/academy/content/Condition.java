package org.lepha.academy.content;

import java.util.List;

/**
 * When a scenario choice is offered. Conditions on earlier choices, visited nodes and
 * scores let a decision show its consequence several steps later.
 */
public sealed interface Condition {

	boolean test(ScenarioState state);

	record Visited(String nodeId) implements Condition {
		@Override
		public boolean test(ScenarioState state) {
			return state.visitedNodes().contains(nodeId);
		}
	}

	record NotVisited(String nodeId) implements Condition {
		@Override
		public boolean test(ScenarioState state) {
			return !state.visitedNodes().contains(nodeId);
		}
	}

	record Chose(String choiceId) implements Condition {
		@Override
		public boolean test(ScenarioState state) {
			return state.chosenChoices().contains(choiceId);
		}
	}

	record NotChose(String choiceId) implements Condition {
		@Override
		public boolean test(ScenarioState state) {
			return !state.chosenChoices().contains(choiceId);
		}
	}

	/** A score within bounds; a null bound is open. */
	record ScoreRange(String score, Integer min, Integer max) implements Condition {
		@Override
		public boolean test(ScenarioState state) {
			int value = state.score(score);
			return (min == null || value >= min) && (max == null || value <= max);
		}
	}

	record All(List<Condition> conditions) implements Condition {
		public All {
			conditions = List.copyOf(conditions);
		}

		@Override
		public boolean test(ScenarioState state) {
			return conditions.stream().allMatch((c) -> c.test(state));
		}
	}

	record Any(List<Condition> conditions) implements Condition {
		public Any {
			conditions = List.copyOf(conditions);
		}

		@Override
		public boolean test(ScenarioState state) {
			return conditions.stream().anyMatch((c) -> c.test(state));
		}
	}

	/** Always offered. */
	record Always() implements Condition {
		@Override
		public boolean test(ScenarioState state) {
			return true;
		}
	}

}
