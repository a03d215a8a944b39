package org.lepha.academy.content.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lepha.academy.content.Choice;
import org.lepha.academy.content.Condition;
import org.lepha.academy.content.ContentProblem.Code;
import org.lepha.academy.content.Ending;
import org.lepha.academy.content.Rating;
import org.lepha.academy.content.Scenario;
import org.lepha.academy.content.ScenarioNode;
import org.lepha.academy.content.ScenarioState;

/**
 * Plays every path of a scenario, conditions included, and checks what a player can run
 * into: nodes no path reaches, states with no choice on offer, states from which no
 * ending can be reached any more (a loop that traps a player who took one path, a counter
 * loop with no exit), and an exemplary ending reached after a harmful choice.
 *
 * <p>
 * A state keeps only what a condition can ask about: the current node, the nodes and
 * choices that some condition names, the scores that some condition tests, and whether a
 * harmful choice (effects summing below zero) was taken. Everything else cannot change
 * what is offered, so two paths that differ only there lead to the same state. Scores
 * stay within {@link ScenarioState#SCORE_LIMIT} (as when cadets play), so the states are
 * finite; the exploration still stops at {@link #MAX_STATES} states or {@link #MAX_STEPS}
 * transitions and then falls back to the checks on the plain graph (every node reachable,
 * an ending reachable from every node), which need no states.
 */
public final class ScenarioAnalyzer {

	static final int MAX_STATES = 200_000;

	static final int MAX_STEPS = 2_000_000;

	private final Scenario scenario;

	private final String path;

	private final Lines lines;

	private final ProblemSink problems;

	private final Map<String, Integer> nodeIndex = new HashMap<>();

	private final Map<String, Integer> trackedNodes = new HashMap<>();

	private final Map<String, Integer> trackedChoices = new HashMap<>();

	private final Map<String, Integer> trackedScores = new HashMap<>();

	private final Map<String, Ending> endings = new HashMap<>();

	/** Where each element of the scenario file starts, for problem lines. */
	record Lines(Map<String, Integer> nodes, Map<String, Integer> choices, Map<String, Integer> endings) {

		int node(String id) {
			return nodes.getOrDefault(id, 1);
		}

		int choice(String id) {
			return choices.getOrDefault(id, 1);
		}

		int ending(String id) {
			return endings.getOrDefault(id, 1);
		}

	}

	/**
	 * A compact state: node index, tracked visits and choices as bits, tracked scores,
	 * and the harm flag. Equality and hashing over the arrays' contents, so that ids of
	 * any spelling hash well.
	 */
	private record State(int node, long[] bits, int[] scores, boolean harmed) {

		@Override
		public boolean equals(Object other) {
			return other instanceof State s && s.node == node && s.harmed == harmed && Arrays.equals(s.bits, bits)
					&& Arrays.equals(s.scores, scores);
		}

		@Override
		public int hashCode() {
			return ((node * 31 + Arrays.hashCode(bits)) * 31 + Arrays.hashCode(scores)) * 2 + (harmed ? 1 : 0);
		}

	}

	/** How a state was first reached, to tell the author a path that shows a problem. */
	private record Step(State from, String choice) {
	}

	private ScenarioAnalyzer(Scenario scenario, String path, Lines lines, ProblemSink problems) {
		this.scenario = scenario;
		this.path = path;
		this.lines = lines;
		this.problems = problems;
		for (ScenarioNode node : scenario.nodes()) {
			nodeIndex.put(node.id(), nodeIndex.size());
			for (Choice choice : node.choices()) {
				track(choice.condition(), 0);
			}
		}
		scenario.endings().forEach((e) -> endings.put(e.id(), e));
	}

	static void analyze(Scenario scenario, String path, Lines lines, ProblemSink problems) {
		new ScenarioAnalyzer(scenario, path, lines, problems).run();
	}

	private void track(Condition condition, int depth) {
		if (depth > YamlFields.MAX_DEPTH) {
			return;
		}
		switch (condition) {
			case Condition.Visited v -> trackedNodes.putIfAbsent(v.nodeId(), trackedNodes.size());
			case Condition.NotVisited v -> trackedNodes.putIfAbsent(v.nodeId(), trackedNodes.size());
			case Condition.Chose c -> trackedChoices.putIfAbsent(c.choiceId(), trackedChoices.size());
			case Condition.NotChose c -> trackedChoices.putIfAbsent(c.choiceId(), trackedChoices.size());
			case Condition.ScoreRange r -> trackedScores.putIfAbsent(r.score(), trackedScores.size());
			case Condition.All all -> all.conditions().forEach((c) -> track(c, depth + 1));
			case Condition.Any any -> any.conditions().forEach((c) -> track(c, depth + 1));
			case Condition.Always always -> {
			}
		}
	}

	private boolean holds(Condition condition, State state, int depth) {
		return switch (condition) {
			case Condition.Visited v -> visited(state, v.nodeId());
			case Condition.NotVisited v -> !visited(state, v.nodeId());
			case Condition.Chose c -> chose(state, c.choiceId());
			case Condition.NotChose c -> !chose(state, c.choiceId());
			case Condition.ScoreRange r -> {
				int value = state.scores()[trackedScores.get(r.score())];
				yield (r.min() == null || value >= r.min()) && (r.max() == null || value <= r.max());
			}
			case Condition.All all ->
				depth < YamlFields.MAX_DEPTH && all.conditions().stream().allMatch((c) -> holds(c, state, depth + 1));
			case Condition.Any any ->
				depth < YamlFields.MAX_DEPTH && any.conditions().stream().anyMatch((c) -> holds(c, state, depth + 1));
			case Condition.Always always -> true;
		};
	}

	private boolean visited(State state, String node) {
		Integer bit = trackedNodes.get(node);
		return bit != null && bitOf(state.bits(), bit);
	}

	private boolean chose(State state, String choice) {
		Integer bit = trackedChoices.get(choice);
		return bit != null && bitOf(state.bits(), trackedNodes.size() + bit);
	}

	private static boolean bitOf(long[] bits, int index) {
		return (bits[index >> 6] & (1L << (index & 63))) != 0;
	}

	private static void setBit(long[] bits, int index) {
		bits[index >> 6] |= 1L << (index & 63);
	}

	private State successor(State state, Choice choice) {
		long[] bits = state.bits().clone();
		Integer visit = trackedNodes.get(choice.next());
		if (visit != null) {
			setBit(bits, visit);
		}
		Integer chosen = trackedChoices.get(choice.id());
		if (chosen != null) {
			setBit(bits, trackedNodes.size() + chosen);
		}
		int[] scores = state.scores().clone();
		choice.effects().forEach((score, delta) -> {
			Integer index = trackedScores.get(score);
			if (index != null) {
				scores[index] = ScenarioState.bounded(scores[index] + delta);
			}
		});
		return new State(nodeIndex.get(choice.next()), bits, scores, state.harmed() || harmful(choice));
	}

	static boolean harmful(Choice choice) {
		return choice.effects().values().stream().mapToInt(Integer::intValue).sum() < 0;
	}

	private void run() {
		List<ScenarioNode> nodes = scenario.nodes();
		int bitCount = trackedNodes.size() + trackedChoices.size();
		long[] startBits = new long[Math.max(1, (bitCount + 63) / 64)];
		Integer startVisit = trackedNodes.get(scenario.start());
		if (startVisit != null) {
			setBit(startBits, startVisit);
		}
		State start = new State(nodeIndex.get(scenario.start()), startBits, new int[trackedScores.size()], false);
		Map<State, Step> seen = new HashMap<>();
		Map<State, List<State>> successors = new HashMap<>();
		Set<State> finishing = new HashSet<>();
		seen.put(start, null);
		ArrayDeque<State> queue = new ArrayDeque<>(List.of(start));
		BitSet reached = new BitSet(nodes.size());
		Set<String> stuckReported = new HashSet<>();
		Set<String> harmReported = new HashSet<>();
		long steps = 0;
		boolean bounded = false;
		while (!queue.isEmpty() && !bounded) {
			State state = queue.poll();
			ScenarioNode node = nodes.get(state.node());
			reached.set(state.node());
			List<State> next = new ArrayList<>();
			boolean anyOffered = false;
			for (Choice choice : node.choices()) {
				if (!holds(choice.condition(), state, 0)) {
					continue;
				}
				anyOffered = true;
				if (++steps > MAX_STEPS) {
					bounded = true;
					break;
				}
				Ending ending = endings.get(choice.next());
				if (ending != null) {
					finishing.add(state);
					if (ending.rating() == Rating.EXEMPLARY && (state.harmed() || harmful(choice))
							&& harmReported.add(ending.id())) {
						problems.error(path, lines.ending(ending.id()), Code.S002_EXEMPLARY_AFTER_HARM,
								"exemplary ending '" + ending.id() + "' can be reached after a harmful choice (effects"
										+ " summing below zero): " + describe(seen, state, choice.id()));
					}
					continue;
				}
				if (!nodeIndex.containsKey(choice.next())) {
					continue;
				}
				State successor = successor(state, choice);
				next.add(successor);
				if (!seen.containsKey(successor)) {
					if (seen.size() >= MAX_STATES) {
						bounded = true;
						break;
					}
					seen.put(successor, new Step(state, choice.id()));
					queue.add(successor);
				}
			}
			successors.put(state, next);
			if (!anyOffered && stuckReported.add(node.id())) {
				problems.error(path, lines.node(node.id()), Code.C018_NO_CHOICE_AVAILABLE, "node '" + node.id()
						+ "' can be reached with no choice on offer: " + describe(seen, state, null));
			}
		}
		if (bounded) {
			problems.warning(path, 1, Code.C020_EXPLORATION_LIMIT, "the scenario has more than " + MAX_STATES
					+ " distinct states or " + MAX_STEPS
					+ " transitions; its paths were checked only that far, and reachability on the graph alone");
			checkPlainGraph();
			return;
		}
		for (ScenarioNode node : nodes) {
			if (!reached.get(nodeIndex.get(node.id()))) {
				problems.error(path, lines.node(node.id()), Code.C016_UNREACHABLE_NODE,
						"node '" + node.id() + "' cannot be reached from start '" + scenario.start() + "'");
			}
		}
		reportTraps(seen, successors, finishing);
	}

	/** States from which no ending can be reached any more, once per node. */
	private void reportTraps(Map<State, Step> seen, Map<State, List<State>> successors, Set<State> finishing) {
		Map<State, List<State>> predecessors = new HashMap<>();
		successors.forEach((from, list) -> list
			.forEach((to) -> predecessors.computeIfAbsent(to, (k) -> new ArrayList<>()).add(from)));
		Set<State> canFinish = new HashSet<>(finishing);
		ArrayDeque<State> work = new ArrayDeque<>(finishing);
		while (!work.isEmpty()) {
			for (State previous : predecessors.getOrDefault(work.poll(), List.of())) {
				if (canFinish.add(previous)) {
					work.add(previous);
				}
			}
		}
		Set<String> reported = new HashSet<>();
		for (State state : seen.keySet()) {
			String node = scenario.nodes().get(state.node()).id();
			if (!canFinish.contains(state) && !successors.getOrDefault(state, List.of()).isEmpty()
					&& reported.add(node)) {
				problems.error(path, lines.node(node), Code.C017_NO_ENDING_REACHABLE,
						"no ending can be reached any more from node '" + node
								+ "' by a player who got there this way: " + describe(seen, state, null));
			}
		}
	}

	/**
	 * Without states: every node reachable over any choice, an ending reachable from
	 * each.
	 */
	private void checkPlainGraph() {
		Map<String, List<String>> edges = new LinkedHashMap<>();
		for (ScenarioNode node : scenario.nodes()) {
			edges.put(node.id(), node.choices().stream().map(Choice::next).toList());
		}
		Set<String> reachable = new HashSet<>();
		ArrayDeque<String> work = new ArrayDeque<>(List.of(scenario.start()));
		reachable.add(scenario.start());
		while (!work.isEmpty()) {
			for (String next : edges.getOrDefault(work.poll(), List.of())) {
				if (edges.containsKey(next) && reachable.add(next)) {
					work.add(next);
				}
			}
		}
		Set<String> canFinish = new HashSet<>(endings.keySet());
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Map.Entry<String, List<String>> edge : edges.entrySet()) {
				if (!canFinish.contains(edge.getKey()) && edge.getValue().stream().anyMatch(canFinish::contains)) {
					canFinish.add(edge.getKey());
					changed = true;
				}
			}
		}
		for (String node : edges.keySet()) {
			if (!reachable.contains(node)) {
				problems.error(path, lines.node(node), Code.C016_UNREACHABLE_NODE,
						"node '" + node + "' cannot be reached from start '" + scenario.start() + "' by any choice");
			}
			else if (!canFinish.contains(node)) {
				problems.error(path, lines.node(node), Code.C017_NO_ENDING_REACHABLE,
						"no ending can be reached from node '" + node + "' by any choice");
			}
		}
	}

	/** The choices that lead to a state, for a message ("after a → b → c"). */
	private String describe(Map<State, Step> seen, State state, String lastChoice) {
		List<String> choices = new ArrayList<>();
		if (lastChoice != null) {
			choices.add(lastChoice);
		}
		State at = state;
		int guard = 0;
		while (seen.get(at) != null && guard++ < 200) {
			Step step = seen.get(at);
			choices.add(step.choice());
			at = step.from();
		}
		java.util.Collections.reverse(choices);
		return choices.isEmpty() ? "at the start" : "after choices " + String.join(" → ", choices);
	}

}
