package org.lepha.academy.content.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.lepha.academy.content.Choice;
import org.lepha.academy.content.Condition;
import org.lepha.academy.content.ContentProblem.Code;
import org.lepha.academy.content.Ending;
import org.lepha.academy.content.Lesson;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.Objective;
import org.lepha.academy.content.Option;
import org.lepha.academy.content.Question;
import org.lepha.academy.content.QuestionFocus;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.content.Rating;
import org.lepha.academy.content.Scenario;
import org.lepha.academy.content.ScenarioNode;

/**
 * The authoring standards of {@code docs/content-format.md} ("Writing good items",
 * "Writing a good dilemma") that a program can check, reported as warnings so that an
 * author sees them at once and CI refuses the shipped course while any remain. They are
 * about the course's quality, not its correctness: a module with such warnings is still
 * served.
 */
public final class QualityChecks {

	/** At most this share of single-choice items may have the longest option correct. */
	static final double MAX_LONGEST_CORRECT = 0.35;

	/** At least this share of a bank applies what was taught to a situation on duty. */
	static final double MIN_SITUATIONAL = 0.40;

	/** At most this share of a bank recalls dates, numbers or names. */
	static final double MAX_RECALL = 0.15;

	private static final Pattern ALL_OR_NONE = Pattern.compile(
			"\\b(all|none|both|neither)\\s+of\\s+(the\\s+)?(above|these|those|them|the\\s+(options|answers))\\b|\\ball\\s+the\\s+above\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern VERDICT = Pattern.compile(
			"^\\W*(good|great|correct|right|wrong|incorrect|well done|excellent|bad|poor|perfect|exactly|no|yes|nice|bravo)\\b"
					+ "|\\b(the\\s+)?(right|wrong|correct|incorrect|best|good|bad)\\s+(choice|decision|call|answer|move)\\b"
					+ "|\\bwell done\\b|\\bmistake\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern NUMERIC = Pattern
		.compile("^[\\p{Punct}\\s]*[\\d.,%–\\-\\s]+[\\p{L}]{0,12}[\\p{Punct}\\s]*$");

	private QualityChecks() {
	}

	/**
	 * The figures a curriculum board asks about a bank, for the validator's JSON report.
	 *
	 * @param uncoveredObjectives objectives with fewer than two questions or missing from
	 * a pool
	 */
	public record BankMetrics(int questions, double situationalShare, double recallShare, double longestCorrectShare,
			int objectives, List<String> uncoveredObjectives) {
	}

	static void check(Module module, Locations at, ProblemSink problems) {
		checkObjectives(module, at, problems);
		if (module.quiz() != null) {
			checkBank(module, at, problems);
		}
		for (Scenario scenario : module.scenarios()) {
			checkScenario(scenario, at, problems);
		}
	}

	public static BankMetrics metrics(Module module) {
		List<Question> questions = module.quiz() == null ? List.of() : module.quiz().questions();
		int n = questions.size();
		long situational = questions.stream().filter((q) -> q.focus() == QuestionFocus.SITUATIONAL).count();
		long recall = questions.stream().filter((q) -> q.focus() == QuestionFocus.RECALL).count();
		List<Question.SingleChoice> singles = questions.stream()
			.filter(Question.SingleChoice.class::isInstance)
			.map(Question.SingleChoice.class::cast)
			.toList();
		long longest = singles.stream().filter((q) -> correctIsLongest(q.options())).count();
		return new BankMetrics(n, share(situational, n), share(recall, n), share(longest, singles.size()),
				module.objectives().size(), uncovered(module));
	}

	private static double share(long part, int whole) {
		return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
	}

	private static List<String> uncovered(Module module) {
		List<String> result = new ArrayList<>();
		if (module.quiz() == null) {
			return result;
		}
		boolean preTest = module.quiz().preTestDrawCount() != null;
		for (Objective objective : module.objectives()) {
			List<Question> testing = module.quiz()
				.questions()
				.stream()
				.filter((q) -> objective.id().equals(q.objectiveId()))
				.toList();
			boolean inPost = testing.stream().anyMatch((q) -> q.pool() == QuizKind.POST);
			boolean inPre = testing.stream().anyMatch((q) -> q.pool() == QuizKind.PRE);
			if (testing.size() < 2 || !inPost || (preTest && !inPre)) {
				result.add(objective.id());
			}
		}
		return result;
	}

	private static void checkObjectives(Module module, Locations at, ProblemSink problems) {
		Set<String> taught = new HashSet<>();
		module.objectives().forEach((o) -> taught.add(o.lessonId()));
		for (Lesson lesson : module.lessons()) {
			if (!taught.contains(lesson.id())) {
				Locations.Location where = at.of("lesson." + lesson.id());
				problems.warning(where.path(), where.line(), Code.Q009_LESSON_WITHOUT_OBJECTIVE,
						"lesson '" + lesson.id() + "' teaches no objective (give an objective in module.yaml 'lesson: "
								+ lesson.id() + "')");
			}
		}
	}

	private static void checkBank(Module module, Locations at, ProblemSink problems) {
		List<Question> questions = module.quiz().questions();
		if (questions.isEmpty()) {
			return;
		}
		boolean preTest = module.quiz().preTestDrawCount() != null;
		for (Objective objective : module.objectives()) {
			List<Question> testing = questions.stream().filter((q) -> objective.id().equals(q.objectiveId())).toList();
			Locations.Location where = at.of("objective." + objective.id());
			if (testing.size() < 2) {
				problems.warning(where.path(), where.line(), Code.Q002_OBJECTIVE_UNDERTESTED, "objective '"
						+ objective.id() + "' is tested by " + testing.size() + " question(s); it needs at least two");
			}
			for (QuizKind pool : QuizKind.values()) {
				if ((pool == QuizKind.POST || preTest) && testing.stream().noneMatch((q) -> q.pool() == pool)) {
					problems.warning(where.path(), where.line(), Code.Q003_POOL_MISSES_OBJECTIVE,
							"no question of the " + pool.name().toLowerCase(Locale.ROOT)
									+ "-test pool tests objective '" + objective.id() + "'");
				}
			}
		}
		String quizPath = at.of("question." + questions.get(0).id()).path();
		BankMetrics metrics = metrics(module);
		List<String> longest = new ArrayList<>();
		for (Question question : questions) {
			Locations.Location where = at.of("question." + question.id());
			for (String text : Segments.of(question).values()) {
				MarkdownChecks.checkNoFileNames(text, where.path(), where.line(), problems);
			}
			List<Option> options = switch (question) {
				case Question.SingleChoice q -> q.options();
				case Question.MultipleChoice q -> q.options();
				case Question.TrueFalse q -> List.of();
				case Question.Matching q -> List.of();
				case Question.Ordering q -> List.of();
			};
			if (question instanceof Question.SingleChoice && correctIsLongest(options)) {
				longest.add(question.id());
			}
			for (Option option : options) {
				if (ALL_OR_NONE.matcher(option.text().english()).find()) {
					Locations.Location o = at.of("question." + question.id() + ".option." + option.id());
					problems.warning(o.path(), o.line(), Code.Q005_ALL_OR_NONE_OF_THE_ABOVE, "option '" + option.id()
							+ "' of '" + question.id() + "' is an 'all/none of the above' option; write a real answer");
				}
			}
			long incorrect = options.stream().filter((o) -> !o.correct()).count();
			if (question instanceof Question.MultipleChoice && incorrect < 2) {
				problems.warning(where.path(), where.line(), Code.Q010_ALL_BUT_ONE_CORRECT, "multiple-choice question '"
						+ question.id() + "' has " + incorrect
						+ " incorrect option(s); give at least two plausible mistakes, so that the item is not 'all correct but one'");
			}
			if (question.focus() != QuestionFocus.RECALL && question instanceof Question.SingleChoice
					&& asksForANumber(options)) {
				problems.warning(where.path(), where.line(), Code.Q007_TOO_MUCH_RECALL, "question '" + question.id()
						+ "' asks for a number or date: mark it 'focus: recall' (or ask what to do with it)");
			}
		}
		if (metrics.longestCorrectShare() > MAX_LONGEST_CORRECT) {
			problems.warning(quizPath, 1, Code.Q004_LONGEST_OPTION_CORRECT,
					percent(metrics.longestCorrectShare()) + " of single-choice items have the longest option correct"
							+ " (at most " + percent(MAX_LONGEST_CORRECT) + "): " + longest);
		}
		if (metrics.situationalShare() < MIN_SITUATIONAL) {
			problems.warning(quizPath, 1, Code.Q006_TOO_FEW_SITUATIONAL,
					percent(metrics.situationalShare())
							+ " of the bank is situational ('focus: situational'); at least " + percent(MIN_SITUATIONAL)
							+ " should put the cadet in a situation on duty");
		}
		if (metrics.recallShare() > MAX_RECALL) {
			problems.warning(quizPath, 1, Code.Q007_TOO_MUCH_RECALL, percent(metrics.recallShare())
					+ " of the bank recalls dates, numbers or names; at most " + percent(MAX_RECALL));
		}
	}

	private static String percent(double share) {
		return Math.round(share * 100) + " %";
	}

	static boolean correctIsLongest(List<Option> options) {
		int correct = 0;
		int others = 0;
		for (Option option : options) {
			int length = option.text().english().strip().length();
			if (option.correct()) {
				correct = length;
			}
			else {
				others = Math.max(others, length);
			}
		}
		return correct >= others;
	}

	private static boolean asksForANumber(List<Option> options) {
		return !options.isEmpty()
				&& options.stream().allMatch((o) -> NUMERIC.matcher(o.text().english().strip()).matches());
	}

	/**
	 * Question texts that repeat within or across modules (compared without case and
	 * punctuation).
	 */
	static void checkDuplicateQuestions(Map<String, Module> modules, Map<String, Locations> at,
			Map<String, ProblemSink> problems) {
		Map<String, String> first = new HashMap<>();
		for (Map.Entry<String, Module> entry : modules.entrySet()) {
			Module module = entry.getValue();
			if (module.quiz() == null) {
				continue;
			}
			for (Question question : module.quiz().questions()) {
				if (question.text() == null) {
					continue;
				}
				String key = question.text()
					.english()
					.toLowerCase(Locale.ROOT)
					.replaceAll("[^\\p{L}\\p{N}]+", " ")
					.strip();
				String here = module.id() + "/" + question.id();
				String earlier = first.putIfAbsent(key, here);
				if (earlier != null) {
					Locations.Location where = at.get(entry.getKey()).of("question." + question.id());
					problems.get(entry.getKey())
						.warning(where.path(), where.line(), Code.Q008_DUPLICATE_QUESTION_TEXT, "question '"
								+ question.id() + "' repeats the text of " + earlier + "; every question asks its own");
				}
			}
		}
	}

	private static void checkScenario(Scenario scenario, Locations at, ProblemSink problems) {
		String prefix = "scenario." + scenario.id();
		Locations.Location top = at.of(prefix);
		int dilemmas = 0;
		for (ScenarioNode node : scenario.nodes()) {
			for (Choice choice : node.choices()) {
				if (choice.feedback() != null && VERDICT.matcher(choice.feedback().english()).find()) {
					Locations.Location where = at.of(prefix + ".choice." + choice.id() + ".feedback");
					problems
						.warning(where.path(), where.line(), Code.S001_VERDICT_IN_FEEDBACK, "the feedback of choice '"
								+ choice.id()
								+ "' gives a verdict ('good', 'wrong'…); describe what happens and leave the judgement to the debrief");
				}
			}
			if (node.dilemma()) {
				dilemmas++;
				List<String> oneSided = node.choices().stream().filter((c) -> !mixedSign(c)).map(Choice::id).toList();
				if (node.choices().size() < 2 || !oneSided.isEmpty()) {
					Locations.Location where = at.of(prefix + ".node." + node.id());
					problems.warning(where.path(), where.line(), Code.S003_DILEMMA, "dilemma node '" + node.id()
							+ "' needs at least two choices, each with effects of both signs; not so: " + oneSided);
				}
			}
		}
		if (dilemmas < 2) {
			problems.warning(top.path(), top.line(), Code.S003_DILEMMA, "scenario '" + scenario.id() + "' has "
					+ dilemmas
					+ " dilemma node(s) ('dilemma: true'); it needs at least two where no option is obviously right");
		}
		if (!delayedConsequenceOnExemplaryPath(scenario)) {
			problems.warning(top.path(), top.line(), Code.S004_NO_DELAYED_CONSEQUENCE, "on the way to an exemplary"
					+ " ending of '" + scenario.id()
					+ "' no choice shows its consequence two or more steps later (a condition on an earlier node, choice or score)");
		}
	}

	private static boolean mixedSign(Choice choice) {
		return choice.effects().values().stream().anyMatch((v) -> v > 0)
				&& choice.effects().values().stream().anyMatch((v) -> v < 0);
	}

	/**
	 * Whether a conditional choice on a path to an exemplary ending depends on something
	 * that happened at least two steps before it (on the plain graph: the node that
	 * decides is at least two choices away from the node where the condition is tested).
	 */
	static boolean delayedConsequenceOnExemplaryPath(Scenario scenario) {
		Map<String, List<String>> edges = new LinkedHashMap<>();
		Map<String, String> nodeOfChoice = new HashMap<>();
		Map<String, Set<String>> nodesChangingScore = new HashMap<>();
		for (ScenarioNode node : scenario.nodes()) {
			List<String> next = new ArrayList<>();
			for (Choice choice : node.choices()) {
				next.add(choice.next());
				nodeOfChoice.put(choice.id(), node.id());
				choice.effects()
					.keySet()
					.forEach((s) -> nodesChangingScore.computeIfAbsent(s, (k) -> new HashSet<>()).add(node.id()));
			}
			edges.put(node.id(), next);
		}
		Set<String> exemplary = new HashSet<>();
		for (Ending ending : scenario.endings()) {
			if (ending.rating() == Rating.EXEMPLARY) {
				exemplary.add(ending.id());
			}
		}
		Map<String, Integer> fromStart = distances(edges, scenario.start());
		for (ScenarioNode node : scenario.nodes()) {
			if (!fromStart.containsKey(node.id())
					|| distances(edges, node.id()).keySet().stream().noneMatch(exemplary::contains)) {
				continue;
			}
			for (Choice choice : node.choices()) {
				Set<String> origins = new HashSet<>();
				origins(choice.condition(), nodeOfChoice, nodesChangingScore, origins, 0);
				for (String origin : origins) {
					Integer distance = fromStart.containsKey(origin) ? distances(edges, origin).get(node.id()) : null;
					if (distance != null && distance >= 2) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static void origins(Condition condition, Map<String, String> nodeOfChoice,
			Map<String, Set<String>> nodesChangingScore, Set<String> into, int depth) {
		if (depth > YamlFields.MAX_DEPTH) {
			return;
		}
		switch (condition) {
			case Condition.Visited v -> into.add(v.nodeId());
			case Condition.NotVisited v -> into.add(v.nodeId());
			case Condition.Chose c -> addIfKnown(into, nodeOfChoice.get(c.choiceId()));
			case Condition.NotChose c -> addIfKnown(into, nodeOfChoice.get(c.choiceId()));
			case Condition.ScoreRange r -> into.addAll(nodesChangingScore.getOrDefault(r.score(), Set.of()));
			case Condition.All all ->
				all.conditions().forEach((c) -> origins(c, nodeOfChoice, nodesChangingScore, into, depth + 1));
			case Condition.Any any ->
				any.conditions().forEach((c) -> origins(c, nodeOfChoice, nodesChangingScore, into, depth + 1));
			case Condition.Always always -> {
			}
		}
	}

	private static void addIfKnown(Set<String> into, String node) {
		if (node != null) {
			into.add(node);
		}
	}

	/** Shortest number of choices from one node to every node or ending it can reach. */
	private static Map<String, Integer> distances(Map<String, List<String>> edges, String from) {
		Map<String, Integer> distance = new HashMap<>();
		distance.put(from, 0);
		ArrayDeque<String> work = new ArrayDeque<>(List.of(from));
		while (!work.isEmpty()) {
			String at = work.poll();
			for (String next : edges.getOrDefault(at, List.of())) {
				if (!distance.containsKey(next)) {
					distance.put(next, distance.get(at) + 1);
					work.add(next);
				}
			}
		}
		return distance;
	}

}
