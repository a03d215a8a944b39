package org.lepha.academy.content.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.lepha.academy.content.Choice;
import org.lepha.academy.content.ContentProblem.Code;
import org.lepha.academy.content.Scenario;
import org.lepha.academy.content.ScenarioNode;
import org.lepha.academy.content.ScenarioState;

/**
 * Plays every path of a scenario, conditions included: finds nodes no path reaches,
 * states with no choice on offer, and nodes from which no ending can be reached. States
 * are (node, visited nodes, choices taken, scores); the exploration stops at a bound and
 * says so.
 */
public final class ScenarioAnalyzer {

	static final int MAX_STATES = 200_000;

	private ScenarioAnalyzer() {
	}

	private record State(String node, Set<String> visited, Set<String> chosen, Map<String, Integer> scores) {
	}

	static void analyze(Scenario scenario, String path, Map<String, Integer> nodeLines, ProblemSink problems) {
		Map<String, ScenarioNode> nodes = new LinkedHashMap<>();
		scenario.nodes().forEach((n) -> nodes.put(n.id(), n));
		Set<String> endingIds = new HashSet<>();
		scenario.endings().forEach((e) -> endingIds.add(e.id()));

		Map<String, Integer> initialScores = new TreeMap<>();
		scenario.scores().forEach((s) -> initialScores.put(s, 0));
		State start = new State(scenario.start(), new TreeSet<>(Set.of(scenario.start())), new TreeSet<>(),
				initialScores);
		Set<State> seen = new HashSet<>();
		ArrayDeque<State> queue = new ArrayDeque<>();
		queue.add(start);
		seen.add(start);
		Set<String> reachedNodes = new HashSet<>();
		Set<String> stuckReported = new HashSet<>();
		// Node-level graph of what was actually taken, for "can an ending still be
		// reached".
		Map<String, Set<String>> takenEdges = new HashMap<>();
		boolean bounded = false;
		while (!queue.isEmpty()) {
			State state = queue.poll();
			reachedNodes.add(state.node());
			ScenarioNode node = nodes.get(state.node());
			ScenarioState view = new ScenarioState(state.visited(), state.chosen(), state.scores());
			List<Choice> offered = node.choices().stream().filter((c) -> c.condition().test(view)).toList();
			if (offered.isEmpty() && stuckReported.add(node.id())) {
				problems.error(path, nodeLines.get(node.id()), Code.C018_NO_CHOICE_AVAILABLE,
						"node '" + node.id() + "' can be reached with no choice on offer (visited " + state.visited()
								+ ", chose " + state.chosen() + ", scores " + state.scores() + ")");
			}
			for (Choice choice : offered) {
				String next = choice.next();
				takenEdges.computeIfAbsent(node.id(), (k) -> new HashSet<>()).add(next);
				if (!nodes.containsKey(next)) {
					continue;
				}
				Set<String> visited = new TreeSet<>(state.visited());
				visited.add(next);
				Set<String> chosen = new TreeSet<>(state.chosen());
				chosen.add(choice.id());
				Map<String, Integer> scores = new TreeMap<>(state.scores());
				choice.effects().forEach((k, v) -> scores.merge(k, v, Integer::sum));
				State successor = new State(next, visited, chosen, scores);
				if (seen.size() >= MAX_STATES) {
					bounded = true;
					break;
				}
				if (seen.add(successor)) {
					queue.add(successor);
				}
			}
			if (bounded) {
				break;
			}
		}
		if (bounded) {
			problems.warning(path, 1, Code.C020_EXPLORATION_LIMIT, "the scenario has more than " + MAX_STATES
					+ " distinct states; reachability was checked only that far");
			return;
		}
		for (ScenarioNode node : scenario.nodes()) {
			if (!reachedNodes.contains(node.id())) {
				problems.error(path, nodeLines.get(node.id()), Code.C016_UNREACHABLE_NODE,
						"node '" + node.id() + "' cannot be reached from start '" + scenario.start() + "'");
			}
		}
		// Backwards from the endings over the edges players can actually take.
		Set<String> canFinish = new HashSet<>(endingIds);
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Map.Entry<String, Set<String>> edge : takenEdges.entrySet()) {
				if (!canFinish.contains(edge.getKey()) && edge.getValue().stream().anyMatch(canFinish::contains)) {
					canFinish.add(edge.getKey());
					changed = true;
				}
			}
		}
		for (String node : reachedNodes) {
			if (!canFinish.contains(node)) {
				problems.error(path, nodeLines.get(node), Code.C017_NO_ENDING_REACHABLE,
						"no ending can be reached from node '" + node + "'");
			}
		}
	}

}
