package org.lepha.academy.cohorts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lepha.academy.cohorts.internal.CohortAnalyticsRepository;
import org.lepha.academy.cohorts.internal.CohortAnalyticsRepository.ChoiceCount;
import org.lepha.academy.cohorts.internal.CohortAnalyticsRepository.EndingCount;
import org.lepha.academy.content.Choice;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Ending;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.Rating;
import org.lepha.academy.content.Scenario;
import org.lepha.academy.content.ScenarioNode;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a cohort's active cadets played a module's scenarios: per node, how many runs took
 * each choice; per ending, how many runs ended there. Every run counts, so a cadet who
 * replays a scenario counts once per run. Nodes and endings carry their depth (breadth
 * first from the start) for {@link ScenarioDiagram}.
 */
@Service
public class ScenarioAnalytics {

	/**
	 * A choice at a node and the runs that took it; percent of the runs that chose there.
	 */
	public record ChoiceStats(String choiceId, String text, String next, int runs, double percent) {
	}

	/** A node, its depth and the runs that made a choice there. */
	public record NodeStats(String nodeId, int depth, int runs, List<ChoiceStats> choices) {
	}

	/** An ending and the runs that reached it; percent of the finished runs. */
	public record EndingStats(String endingId, String title, Rating rating, int depth, int runs, double percent) {
	}

	/**
	 * One scenario: runs started, runs finished, its nodes and endings in content order.
	 */
	public record ScenarioStats(String scenarioId, String title, String start, int runs, int finished,
			List<NodeStats> nodes, List<EndingStats> endings) {
	}

	private final CohortService cohorts;

	private final CohortAnalyticsRepository analytics;

	private final ContentCatalog content;

	private final List<ClassroomRuns> classroomRuns;

	public ScenarioAnalytics(CohortService cohorts, CohortAnalyticsRepository analytics, ContentCatalog content,
			List<ClassroomRuns> classroomRuns) {
		this.cohorts = cohorts;
		this.analytics = analytics;
		this.content = content;
		this.classroomRuns = classroomRuns;
	}

	/**
	 * The cohort's classroom runs of the module's scenarios, kept apart from the
	 * individual runs counted by {@link #scenarios}: a class voting is one run, not
	 * thirty.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<ClassroomRuns.ClassroomRun> classroomRuns(long cohortId, String moduleId, Locale locale) {
		cohorts.requireAccess(cohortId);
		List<ClassroomRuns.ClassroomRun> runs = new ArrayList<>();
		classroomRuns.forEach((source) -> runs.addAll(source.runs(cohortId, moduleId, locale)));
		return runs;
	}

	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<ScenarioStats> scenarios(long cohortId, String moduleId, Locale locale) {
		cohorts.requireAccess(cohortId);
		Module module = content.module(moduleId).orElseThrow(() -> new AccessDeniedException("No such module"));
		Map<String, Integer> choiceRuns = new HashMap<>();
		for (ChoiceCount count : analytics.choiceCounts(cohortId, moduleId)) {
			choiceRuns.put(count.scenarioId() + "/" + count.nodeId() + "/" + count.choiceId(), count.runs());
		}
		Map<String, Integer> endingRuns = new HashMap<>();
		Map<String, Integer> scenarioRuns = new HashMap<>();
		for (EndingCount count : analytics.endingCounts(cohortId, moduleId)) {
			scenarioRuns.merge(count.scenarioId(), count.runs(), Integer::sum);
			if (count.endingId() != null) {
				endingRuns.put(count.scenarioId() + "/" + count.endingId(), count.runs());
			}
		}
		List<ScenarioStats> result = new ArrayList<>();
		for (Scenario scenario : module.scenarios()) {
			Map<String, Integer> depths = depths(scenario);
			List<NodeStats> nodes = new ArrayList<>();
			for (ScenarioNode node : scenario.nodes()) {
				List<Integer> counts = node.choices()
					.stream()
					.map((c) -> choiceRuns.getOrDefault(scenario.id() + "/" + node.id() + "/" + c.id(), 0))
					.toList();
				int total = counts.stream().mapToInt(Integer::intValue).sum();
				List<ChoiceStats> choices = new ArrayList<>();
				for (int i = 0; i < node.choices().size(); i++) {
					Choice choice = node.choices().get(i);
					choices.add(new ChoiceStats(choice.id(), content.resolve(moduleId, choice.text(), locale).text(),
							choice.next(), counts.get(i), percent(counts.get(i), total)));
				}
				nodes.add(new NodeStats(node.id(), depths.get(node.id()), total, choices));
			}
			int finished = scenario.endings()
				.stream()
				.mapToInt((e) -> endingRuns.getOrDefault(scenario.id() + "/" + e.id(), 0))
				.sum();
			List<EndingStats> endings = new ArrayList<>();
			for (Ending ending : scenario.endings()) {
				int runs = endingRuns.getOrDefault(scenario.id() + "/" + ending.id(), 0);
				endings.add(new EndingStats(ending.id(), content.resolve(moduleId, ending.title(), locale).text(),
						ending.rating(), depths.get(ending.id()), runs, percent(runs, finished)));
			}
			result.add(new ScenarioStats(scenario.id(), content.resolve(moduleId, scenario.title(), locale).text(),
					scenario.start(), scenarioRuns.getOrDefault(scenario.id(), 0), finished, nodes, endings));
		}
		return result;
	}

	private static double percent(int part, int whole) {
		return whole == 0 ? 0 : 100.0 * part / whole;
	}

	/**
	 * Breadth-first depth of every node and ending from the start; what cannot be reached
	 * goes one layer below the deepest.
	 */
	static Map<String, Integer> depths(Scenario scenario) {
		Map<String, Integer> depths = new LinkedHashMap<>();
		Deque<String> queue = new ArrayDeque<>();
		depths.put(scenario.start(), 0);
		queue.add(scenario.start());
		while (!queue.isEmpty()) {
			String id = queue.poll();
			scenario.node(id).ifPresent((node) -> {
				for (Choice choice : node.choices()) {
					if (!depths.containsKey(choice.next())) {
						depths.put(choice.next(), depths.get(id) + 1);
						queue.add(choice.next());
					}
				}
			});
		}
		int orphan = depths.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
		scenario.nodes().forEach((n) -> depths.putIfAbsent(n.id(), orphan));
		scenario.endings().forEach((e) -> depths.putIfAbsent(e.id(), orphan));
		return depths;
	}

}
