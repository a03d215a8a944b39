package org.lepha.academy.content;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

public record Scenario(String id, Text title, @Nullable Text summary, List<String> scores, String start,
		List<ScenarioNode> nodes, List<Ending> endings) {

	public Scenario {
		scores = List.copyOf(scores);
		nodes = List.copyOf(nodes);
		endings = List.copyOf(endings);
	}

	public Optional<ScenarioNode> node(String id) {
		return nodes.stream().filter((n) -> n.id().equals(id)).findFirst();
	}

	public Optional<Ending> ending(String id) {
		return endings.stream().filter((e) -> e.id().equals(id)).findFirst();
	}

}
