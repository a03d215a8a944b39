package org.lepha.academy.content;

import java.util.List;
import java.util.Optional;

/**
 * A training module, English source, as loaded from {@code content/<id>/}.
 */
public record Module(String id, int version, Text title, Text summary, int estimatedMinutes, List<Objective> objectives,
		List<Source> sources, CompletionRule completion, Text certificateTitle, List<Lesson> lessons, Quiz quiz,
		List<Scenario> scenarios) {

	public Module {
		objectives = List.copyOf(objectives);
		sources = List.copyOf(sources);
		lessons = List.copyOf(lessons);
		scenarios = List.copyOf(scenarios);
	}

	public Optional<Lesson> lesson(String id) {
		return lessons.stream().filter((l) -> l.id().equals(id)).findFirst();
	}

	public Optional<Scenario> scenario(String id) {
		return scenarios.stream().filter((s) -> s.id().equals(id)).findFirst();
	}

}
