package org.lepha.academy.learning;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lepha.academy.content.Choice;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Ending;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.Scenario;
import org.lepha.academy.content.ScenarioNode;
import org.lepha.academy.content.ScenarioState;
import org.lepha.academy.content.Text;
import org.lepha.academy.learning.internal.ScenarioRunRepository;
import org.lepha.academy.learning.internal.ScenarioRunRepository.StoredRun;
import org.lepha.academy.security.UserAccountService;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.lepha.academy.learning.internal.Completion;
import org.lepha.academy.learning.internal.LearningContent;

/**
 * A cadet's runs through branching scenarios: each choice is checked against what the
 * run's state offers and stored as a step; an ending may complete the module.
 */
@Service
public class ScenarioService {

	private final ContentCatalog content;

	private final LearningContent lookup;

	private final ScenarioRunRepository runs;

	private final Completion completion;

	private final Clock clock;

	public ScenarioService(ContentCatalog content, LearningContent lookup, ScenarioRunRepository runs,
			Completion completion, Clock clock) {
		this.content = content;
		this.lookup = lookup;
		this.runs = runs;
		this.completion = completion;
		this.clock = clock;
	}

	/** Resumes the open run of a scenario or starts a new one (replays are allowed). */
	@PreAuthorize("hasRole('CADET')")
	@Transactional
	public ScenarioView startScenario(String moduleId, String scenarioId, Locale locale) {
		long user = UserAccountService.requireCurrentUserId();
		Module module = lookup.module(moduleId);
		Scenario scenario = module.scenario(scenarioId)
			.orElseThrow(() -> new LearningException("learning.error.notFound"));
		Optional<StoredRun> open = runs.runs(user, moduleId, scenarioId).stream().filter((r) -> !r.ended()).findFirst();
		long runId = open.map(StoredRun::id).orElseGet(() -> {
			Map<String, Integer> scores = new LinkedHashMap<>();
			scenario.scores().forEach((s) -> scores.put(s, 0));
			return runs.start(user, moduleId, scenarioId, scenario.start(), scores, clock.instant());
		});
		return scenarioView(runs.find(runId).orElseThrow(), module, scenario, null, locale);
	}

	@PreAuthorize("hasRole('CADET')")
	@Transactional(readOnly = true)
	public ScenarioView scenario(long runId, Locale locale) {
		StoredRun run = ownRun(runId);
		Module module = lookup.module(run.moduleId());
		return scenarioView(run, module, module.scenario(run.scenarioId()).orElseThrow(), null, locale);
	}

	/**
	 * Takes a choice that is on offer at the run's current node, and records the step.
	 */
	@PreAuthorize("hasRole('CADET')")
	@Transactional
	public ScenarioView choose(long runId, String choiceId, Locale locale) {
		StoredRun run = ownRun(runId);
		Module module = lookup.module(run.moduleId());
		Scenario scenario = module.scenario(run.scenarioId()).orElseThrow();
		if (run.ended()) {
			throw new LearningException("scenario.error.ended");
		}
		ScenarioNode node = scenario.node(run.currentNode()).orElseThrow();
		ScenarioState state = state(run, scenario);
		Choice choice = node.choices()
			.stream()
			.filter((c) -> c.id().equals(choiceId) && c.condition().test(state))
			.findFirst()
			.orElseThrow(() -> new LearningException("scenario.error.choiceNotOffered"));
		Map<String, Integer> scores = new LinkedHashMap<>(run.scores());
		choice.effects().forEach((k, v) -> scores.merge(k, v, (a, b) -> ScenarioState.bounded(a + b)));
		Optional<Ending> ending = scenario.ending(choice.next());
		int stepNo = runs.steps(runId).size() + 1;
		boolean moved = runs.step(runId, stepNo, node.id(), choice.id(), choice.next(), scores, clock.instant(),
				ending.map(Ending::id).orElse(null), ending.map((e) -> e.rating().name()).orElse(null));
		if (!moved) {
			// Someone (another tab) moved on first: show where the run really is.
			return scenarioView(runs.find(runId).orElseThrow(), module, scenario, null, locale);
		}
		if (ending.isPresent()) {
			completion.check(run.userId(), module);
		}
		String feedback = choice.feedback() == null ? null : lookup.text(module, choice.feedback(), locale).text();
		return scenarioView(runs.find(runId).orElseThrow(), module, scenario, feedback, locale);
	}

	private ScenarioState state(StoredRun run, Scenario scenario) {
		Set<String> visited = new HashSet<>();
		visited.add(scenario.start());
		Set<String> chosen = new HashSet<>();
		for (ScenarioRunRepository.StoredStep step : runs.steps(run.id())) {
			visited.add(step.nodeId());
			chosen.add(step.choiceId());
		}
		visited.add(run.currentNode());
		return new ScenarioState(visited, chosen, run.scores());
	}

	private ScenarioView scenarioView(StoredRun run, Module module, Scenario scenario, String feedback, Locale locale) {
		String title = lookup.text(module, scenario.title(), locale).text();
		if (run.ended()) {
			Ending ending = scenario.ending(run.endingId()).orElseThrow();
			List<String> path = new ArrayList<>();
			runs.steps(run.id()).forEach((s) -> path.add(s.choiceId()));
			List<QuizSession.Choice> lessons = ending.lessonIds()
				.stream()
				.map((id) -> module.lesson(id)
					.map((l) -> new QuizSession.Choice(l.id(), lookup.text(module, l.title(), locale).text()))
					.orElse(null))
				.filter(java.util.Objects::nonNull)
				.toList();
			ScenarioView.EndingView view = new ScenarioView.EndingView(ending.id(), ending.rating().name(),
					lookup.text(module, ending.title(), locale).text(),
					lookup.text(module, ending.text(), locale).text(),
					content.markdownHtml(module.id(), content.resolve(module.id(), ending.debrief(), locale)),
					choiceTexts(scenario, module, path, locale), lessons);
			return new ScenarioView(run.id(), module.id(), scenario.id(), title, null, null, null, List.of(), feedback,
					view);
		}
		ScenarioNode node = scenario.node(run.currentNode()).orElseThrow();
		ScenarioState state = state(run, scenario);
		List<QuizSession.Choice> choices = node.choices()
			.stream()
			.filter((c) -> c.condition().test(state))
			.map((c) -> new QuizSession.Choice(c.id(), lookup.text(module, c.text(), locale).text()))
			.toList();
		String image = node.image() == null ? null
				: "/content-media/" + module.id() + "/" + node.image().substring("media/".length());
		return new ScenarioView(run.id(), module.id(), scenario.id(), title, node.id(),
				content.markdownHtml(module.id(), content.resolve(module.id(), node.text(), locale)), image, choices,
				feedback, null);
	}

	private List<String> choiceTexts(Scenario scenario, Module module, List<String> choiceIds, Locale locale) {
		Map<String, Text> texts = new HashMap<>();
		scenario.nodes().forEach((n) -> n.choices().forEach((c) -> texts.put(c.id(), c.text())));
		return choiceIds.stream()
			.map((id) -> texts.containsKey(id) ? lookup.text(module, texts.get(id), locale).text() : id)
			.toList();
	}

	private StoredRun ownRun(long runId) {
		StoredRun run = runs.find(runId).orElseThrow(() -> new AccessDeniedException("No such run"));
		if (run.userId() != UserAccountService.requireCurrentUserId()) {
			throw new AccessDeniedException("No such run");
		}
		return run;
	}

}
