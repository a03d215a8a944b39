package org.lepha.academy.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lepha.academy.content.internal.ContentLoader;
import org.lepha.academy.content.internal.ContentSnapshot;
import org.lepha.academy.content.internal.QualityChecks;
import org.lepha.academy.content.internal.XliffFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped course (content/ and translations/) meets the bar set for it: seven
 * modules, lessons of teaching length with field examples and sources, question banks of
 * at least fifteen questions in several types, scenarios with enough nodes, endings of
 * every rating and a consequence that shows two or more steps later, and complete,
 * current Russian and Dari translations marked as drafts for review.
 */
class ShippedCourseTests {

	static final List<String> MODULES = List.of("police-role-public-health", "hiv-key-populations-safety",
			"harm-reduction-policing", "alternatives-to-arrest", "drug-use-prevention", "officer-safety-exposure",
			"key-populations-gender-custody");

	static final List<Locale> TRANSLATED = List.of(Locale.forLanguageTag("ru"), Locale.forLanguageTag("fa-AF"));

	static ContentSnapshot course;

	@BeforeAll
	static void load() {
		List<Locale> locales = new ArrayList<>(List.of(Locale.ENGLISH));
		locales.addAll(TRANSLATED);
		course = ContentLoader.load(Path.of("content"), Path.of("translations"), locales);
	}

	@Test
	void theSevenModulesAreServedWithoutErrorsOrAuthoringWarnings() {
		assertThat(course.served()).containsAll(MODULES);
		assertThat(course.allProblems()).filteredOn(ContentProblem::isError).isEmpty();
		// The item-writing (Q), scenario (S), glossary (G) and stale-translation (T)
		// checks: the shipped course is the example every later author copies.
		assertThat(course.allProblems()).map(ContentProblem::toString).isEmpty();
	}

	/**
	 * The targets of the authoring standard, per bank: at least 40 % situational items,
	 * at most 15 % recall, the correct option the longest in at most 35 % of
	 * single-choice items, every objective tested by both pools.
	 */
	@Test
	void everyBankMeetsTheAuthoringTargets() {
		for (String id : MODULES) {
			QualityChecks.BankMetrics bank = QualityChecks.metrics(course.modules().get(id));
			assertThat(bank.situationalShare()).as(id + " situational").isGreaterThanOrEqualTo(0.40);
			assertThat(bank.recallShare()).as(id + " recall").isLessThanOrEqualTo(0.15);
			assertThat(bank.longestCorrectShare()).as(id + " longest correct").isLessThanOrEqualTo(0.35);
			assertThat(bank.uncoveredObjectives()).as(id + " objectives without questions in both pools").isEmpty();
		}
	}

	@Test
	void everyLessonTeachesAtLengthWithAFieldExampleAndSources() {
		for (String id : MODULES) {
			Module module = course.modules().get(id);
			assertThat(module.lessons()).as(id).hasSizeBetween(3, 6);
			for (Lesson lesson : module.lessons()) {
				String text = String.join("\n", lesson.sections().stream().map((s) -> s.markdown().english()).toList());
				int words = text.split("\\s+").length;
				assertThat(words).as(id + "/" + lesson.id() + " words").isBetween(400, 1200);
				assertThat(text).as(id + "/" + lesson.id() + " field example").contains("[!FIELD]");
				assertThat(lesson.sourceIds()).as(id + "/" + lesson.id() + " sources").isNotEmpty();
			}
			assertThat(module.sources()).allSatisfy((s) -> {
				if (s instanceof Source.Passage passage) {
					assertThat(course.course().document(passage.file())).as(passage.file()).isPresent();
				}
			});
		}
	}

	@Test
	void everyQuestionBankHasFifteenQuestionsOfThreeTypesWithExplanationsAndSources() {
		for (String id : MODULES) {
			Quiz quiz = course.modules().get(id).quiz();
			assertThat(quiz.questions()).as(id).hasSizeGreaterThanOrEqualTo(15);
			Set<QuestionType> types = EnumSet.noneOf(QuestionType.class);
			quiz.questions().forEach((q) -> types.add(q.type()));
			assertThat(types).as(id + " question types").hasSizeGreaterThanOrEqualTo(3);
			assertThat(quiz.questions()).allSatisfy((q) -> {
				assertThat(q.explanation().english()).isNotBlank();
				assertThat(q.sourceId()).isNotBlank();
			});
			assertThat(quiz.drawCount()).isBetween(5, quiz.questions().size());
			assertThat(quiz.passMark()).isBetween(50, 90);
		}
	}

	@Test
	void everyScenarioHasTenNodesEndingsOfEveryRatingAndADelayedConsequence() {
		for (String id : MODULES) {
			List<Scenario> scenarios = course.modules().get(id).scenarios();
			assertThat(scenarios).as(id).isNotEmpty();
			for (Scenario scenario : scenarios) {
				String name = id + "/" + scenario.id();
				assertThat(scenario.nodes()).as(name + " nodes").hasSizeGreaterThanOrEqualTo(10);
				assertThat(scenario.endings()).as(name + " endings").hasSizeGreaterThanOrEqualTo(3);
				assertThat(scenario.endings().stream().map(Ending::rating).distinct()).as(name + " ratings")
					.containsExactlyInAnyOrder(Rating.values());
				assertThat(scenario.endings()).allSatisfy((e) -> assertThat(e.lessonIds()).isNotEmpty());
				assertThat(delayedConsequences(scenario)).as(name + " consequences two or more steps later")
					.isNotEmpty();
			}
		}
	}

	/**
	 * Conditions on a choice at node N that depend on something decided at least two
	 * steps before N (by shortest distance from the start).
	 */
	static List<String> delayedConsequences(Scenario scenario) {
		Map<String, ScenarioNode> nodes = new HashMap<>();
		scenario.nodes().forEach((n) -> nodes.put(n.id(), n));
		Map<String, Integer> distance = new HashMap<>();
		Deque<String> queue = new ArrayDeque<>(List.of(scenario.start()));
		distance.put(scenario.start(), 0);
		Map<String, String> nodeOfChoice = new HashMap<>();
		Map<String, Set<String>> nodesAffectingScore = new HashMap<>();
		while (!queue.isEmpty()) {
			ScenarioNode node = nodes.get(queue.poll());
			for (Choice choice : node.choices()) {
				nodeOfChoice.put(choice.id(), node.id());
				choice.effects()
					.keySet()
					.forEach((score) -> nodesAffectingScore.computeIfAbsent(score, (k) -> new HashSet<>())
						.add(node.id()));
				if (nodes.containsKey(choice.next()) && !distance.containsKey(choice.next())) {
					distance.put(choice.next(), distance.get(node.id()) + 1);
					queue.add(choice.next());
				}
			}
		}
		List<String> found = new ArrayList<>();
		for (ScenarioNode node : scenario.nodes()) {
			for (Choice choice : node.choices()) {
				Set<String> origins = new HashSet<>();
				collectOrigins(choice.condition(), nodeOfChoice, nodesAffectingScore, origins);
				for (String origin : origins) {
					if (distance.containsKey(origin) && distance.containsKey(node.id())
							&& distance.get(node.id()) - distance.get(origin) >= 2) {
						found.add(choice.id() + " <- " + origin);
					}
				}
			}
		}
		return found;
	}

	private static void collectOrigins(Condition condition, Map<String, String> nodeOfChoice,
			Map<String, Set<String>> nodesAffectingScore, Set<String> origins) {
		switch (condition) {
			case null -> {
			}
			case Condition.Chose c -> origins.add(nodeOfChoice.get(c.choiceId()));
			case Condition.NotChose c -> origins.add(nodeOfChoice.get(c.choiceId()));
			case Condition.Visited v -> origins.add(v.nodeId());
			case Condition.NotVisited v -> origins.add(v.nodeId());
			case Condition.ScoreRange s -> origins.addAll(nodesAffectingScore.getOrDefault(s.score(), Set.of()));
			case Condition.All all ->
				all.conditions().forEach((c) -> collectOrigins(c, nodeOfChoice, nodesAffectingScore, origins));
			case Condition.Any any ->
				any.conditions().forEach((c) -> collectOrigins(c, nodeOfChoice, nodesAffectingScore, origins));
			case Condition.Always a -> {
			}
		}
	}

	@Test
	void russianAndDariAreCompleteCurrentAndMarkedAsDraftsForReview() throws Exception {
		for (String id : MODULES) {
			for (Locale locale : TRANSLATED) {
				Coverage coverage = course.coverage(id, locale);
				assertThat(coverage.missing()).as(id + " " + locale + " missing").isZero();
				assertThat(coverage.stale()).as(id + " " + locale + " stale").isZero();
				assertThat(coverage.percentCurrent()).isEqualTo(100);
				Path file = Path.of("translations/content", locale.toLanguageTag(), id + ".xlf");
				assertThat(XliffFiles.read(file).notes()).contains(XliffFiles.DRAFT_NOTE);
				assertThat(Files.readString(file)).doesNotContain("state=\"final\"");
			}
		}
	}

}
