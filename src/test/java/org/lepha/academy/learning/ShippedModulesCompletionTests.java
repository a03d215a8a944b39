package org.lepha.academy.learning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.content.Choice;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Ending;
import org.lepha.academy.content.Lesson;
import org.lepha.academy.content.LessonSection;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.Question;
import org.lepha.academy.content.Rating;
import org.lepha.academy.content.Scenario;
import org.lepha.academy.content.ScenarioNode;
import org.lepha.academy.content.ScenarioState;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cadet completes every shipped module in each language through the learning service on
 * the real database: every lesson page served in that language (no English fallback), the
 * quiz passed with the content's own answer key, and a scenario played to its exemplary
 * ending along a path found from the scenario graph.
 */
@IntegrationTest
@SpringBootTest(properties = { "app.content.dir=content", "app.translations.dir=translations" })
class ShippedModulesCompletionTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	LearningService learning;

	@Autowired
	QuizService quizzes;

	@Autowired
	LessonReader reader;

	@Autowired
	ScenarioService scenarios;

	@Autowired
	ContentCatalog content;

	@Autowired
	CohortService cohorts;

	@Autowired
	UserAccountService accounts;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "ru", "fa-AF" })
	void aCadetCompletesEveryShippedModule(String tag) {
		Locale locale = Locale.forLanguageTag(tag);
		AcademyFixture fixtures = new AcademyFixture(context);
		Academy academy = fixtures.academy();
		UserAccount trainer = fixtures.user(Role.TRAINER, academy, "Trainer");
		UserAccount cadet = fixtures.user(Role.CADET, academy, "Cadet " + tag);
		CohortSummary cohort = fixtures.cohort(academy, trainer);
		List<Module> modules = content.modules();
		assertThat(modules).hasSize(7);
		SystemAccess.asAdministrator(() -> {
			cohorts.enrol(cohort.id(), cadet.id());
			modules.forEach((m) -> cohorts.assign(cohort.id(), m.id(), LocalDate.now().plusDays(30)));
			return null;
		});
		fixtures.signInAs(cadet);
		for (Module module : modules) {
			for (Lesson lesson : module.lessons()) {
				for (LessonSection section : lesson.sections()) {
					LessonPage page = reader.openSection(module.id(), lesson.id(), section.id(), locale);
					assertThat(page.englishFallback()).as(module.id() + "/" + section.id() + " in " + tag).isFalse();
					assertThat(page.html()).isNotBlank();
				}
			}
			QuizSession quiz = quizzes.startQuiz(module.id(), QuizKind.POST, locale);
			Map<String, Question> bank = new HashMap<>();
			module.quiz().questions().forEach((q) -> bank.put(q.id(), q));
			for (QuizSession.QuestionView view : quiz.questions()) {
				assertThat(view.englishFallback()).as(view.id() + " in " + tag).isFalse();
				quizzes.saveAnswer(quiz.attemptId(), view.id(), correctAnswer(bank.get(view.id())));
			}
			assertThat(quizzes.submitQuiz(quiz.attemptId(), locale).result().scorePercent()).isEqualTo(100);
			for (Scenario scenario : module.scenarios()) {
				List<String> path = pathToExemplary(scenario);
				assertThat(path).as(module.id() + "/" + scenario.id() + " has a path to an exemplary ending")
					.isNotNull();
				ScenarioView view = scenarios.startScenario(module.id(), scenario.id(), locale);
				for (String choice : path) {
					assertThat(view.choices()).extracting(QuizSession.Choice::id).contains(choice);
					view = scenarios.choose(view.runId(), choice, locale);
				}
				assertThat(view.ending().rating()).isEqualTo("EXEMPLARY");
			}
			assertThat(learning.overview(module.id(), locale).status()).as(module.id() + " in " + tag)
				.isEqualTo(ModuleStatus.COMPLETED);
		}
	}

	private static GivenAnswer correctAnswer(Question q) {
		return switch (q) {
			case Question.SingleChoice single -> chosen(single.options());
			case Question.MultipleChoice multiple -> chosen(multiple.options());
			case Question.TrueFalse trueFalse -> new GivenAnswer.TrueFalse(trueFalse.answer());
			case Question.Matching matching -> {
				Map<String, String> matches = new LinkedHashMap<>();
				matching.pairs().forEach((p) -> matches.put(p.id(), p.id()));
				yield new GivenAnswer.Matches(matches);
			}
			case Question.Ordering ordering ->
				new GivenAnswer.Order(ordering.items().stream().map((i) -> i.id()).toList());
		};
	}

	private static GivenAnswer chosen(List<org.lepha.academy.content.Option> options) {
		return new GivenAnswer.Choices(options.stream()
			.filter((o) -> o.correct())
			.map((o) -> o.id())
			.collect(java.util.stream.Collectors.toSet()));
	}

	/** Depth-first search over scenario states, as the player sees them. */
	static List<String> pathToExemplary(Scenario scenario) {
		Map<String, ScenarioNode> nodes = new HashMap<>();
		scenario.nodes().forEach((n) -> nodes.put(n.id(), n));
		Map<String, Ending> endings = new HashMap<>();
		scenario.endings().forEach((e) -> endings.put(e.id(), e));
		Map<String, Integer> scores = new HashMap<>();
		scenario.scores().forEach((s) -> scores.put(s, 0));
		return search(scenario.start(), new HashSet<>(), new HashSet<>(), scores, nodes, endings, new ArrayList<>(), 0);
	}

	private static List<String> search(String nodeId, Set<String> visited, Set<String> chosen,
			Map<String, Integer> scores, Map<String, ScenarioNode> nodes, Map<String, Ending> endings,
			List<String> path, int depth) {
		if (depth > 40) {
			return null;
		}
		Set<String> visitedHere = new HashSet<>(visited);
		visitedHere.add(nodeId);
		ScenarioState state = new ScenarioState(visitedHere, chosen, scores);
		for (Choice choice : nodes.get(nodeId).choices()) {
			if (choice.condition() != null && !choice.condition().test(state)) {
				continue;
			}
			List<String> next = new ArrayList<>(path);
			next.add(choice.id());
			Map<String, Integer> after = new HashMap<>(scores);
			choice.effects().forEach((k, v) -> after.merge(k, v, Integer::sum));
			Ending ending = endings.get(choice.next());
			if (ending != null) {
				if (ending.rating() == Rating.EXEMPLARY) {
					return next;
				}
				continue;
			}
			Set<String> chosenAfter = new HashSet<>(chosen);
			chosenAfter.add(choice.id());
			List<String> found = search(choice.next(), visitedHere, chosenAfter, after, nodes, endings, next,
					depth + 1);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

}
