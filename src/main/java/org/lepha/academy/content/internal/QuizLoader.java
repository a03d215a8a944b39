package org.lepha.academy.content.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.lepha.academy.content.ContentProblem.Code;
import org.lepha.academy.content.MatchPair;
import org.lepha.academy.content.Option;
import org.lepha.academy.content.OrderItem;
import org.lepha.academy.content.Question;
import org.lepha.academy.content.QuestionFocus;
import org.lepha.academy.content.QuestionType;
import org.lepha.academy.content.Quiz;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.content.Text;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a module's quiz.yaml: settings, the two pools and each question by its type.
 */
final class QuizLoader {

	private static final Set<String> QUIZ_KEYS = Set.of("drawCount", "shuffleQuestions", "shuffleOptions", "passMark",
			"maxAttempts", "timeLimitMinutes", "preTest", "questions");

	private static final Set<String> QUESTION_KEYS = Set.of("id", "type", "text", "source", "objective", "focus",
			"pool", "explanation", "options", "answer", "pairs", "items");

	private final ModuleFolder folder;

	private final ProblemSink problems;

	private final Locations locations;

	QuizLoader(ModuleFolder folder) {
		this.folder = folder;
		this.problems = folder.problems();
		this.locations = folder.locations();
	}

	Quiz quiz(Set<String> sourceIds, Set<String> objectiveIds) {
		Path file = folder.moduleDir().resolve("quiz.yaml");
		String path = folder.display(file);
		if (!Files.isRegularFile(file)) {
			problems.error(folder.display(folder.moduleDir().resolve("module.yaml")), 1, Code.C003_MISSING_KEY,
					"the module has no quiz.yaml");
			return null;
		}
		Node root = folder.parseYaml(file, 0);
		if (root == null) {
			return null;
		}
		YamlFields q = YamlFields.of(path, problems, root, "quiz.yaml", QUIZ_KEYS, 0);
		if (q == null) {
			return null;
		}
		int drawCount = q.integer("drawCount", true, 1, "the quiz", 1, 1_000);
		boolean shuffleQuestions = q.bool("shuffleQuestions", false, true, "the quiz");
		boolean shuffleOptions = q.bool("shuffleOptions", false, true, "the quiz");
		int passMark = q.integer("passMark", true, 70, "the quiz", 0, 100);
		int maxAttempts = q.integer("maxAttempts", false, 0, "the quiz (0 = unlimited)", 0, 100);
		Integer timeLimit = q.integer("timeLimitMinutes", false, null, "the quiz", 1, 600);
		Integer preTest = null;
		if (q.has("preTest")) {
			YamlFields p = q.child(q.node("preTest"), "preTest", Set.of("drawCount"));
			if (p != null) {
				preTest = p.integer("drawCount", true, 1, "preTest", 1, 1_000);
			}
		}
		List<Question> questions = new ArrayList<>();
		IdScope ids = new IdScope(problems, path, "question");
		for (Node node : q.list("questions", true, "the quiz")) {
			Question question = question(q, node, sourceIds, objectiveIds, ids);
			if (question != null) {
				questions.add(question);
			}
		}
		long postPool = questions.stream().filter((x) -> x.pool() == QuizKind.POST).count();
		long prePool = questions.size() - postPool;
		if (drawCount < 1 || drawCount > postPool) {
			problems.error(path, q.line("drawCount"), Code.C014_DRAW_COUNT, "drawCount " + drawCount
					+ " must be between 1 and the " + postPool + " questions of the post-test pool");
		}
		if (preTest != null && (preTest < 1 || preTest > prePool)) {
			problems.error(path, q.line("preTest"), Code.C014_DRAW_COUNT, "preTest drawCount " + preTest
					+ " must be between 1 and the " + prePool + " questions marked 'pool: pre'");
		}
		if (preTest == null && prePool > 0) {
			problems.error(path, q.line("questions"), Code.C014_DRAW_COUNT,
					prePool + " questions are marked 'pool: pre' but the quiz has no preTest");
		}
		return new Quiz(drawCount, shuffleQuestions, shuffleOptions, passMark, maxAttempts, timeLimit, preTest,
				questions);
	}

	private Question question(YamlFields quiz, Node node, Set<String> sourceIds, Set<String> objectiveIds,
			IdScope ids) {
		YamlFields f = quiz.child(node, "a question", QUESTION_KEYS);
		if (f == null) {
			return null;
		}
		String id = f.id("id", "a question");
		if (!ids.add(id, f.line("id"))) {
			return null;
		}
		String path = f.path();
		locations.put("question." + id, path, f.line("id"));
		String typeName = f.string("type", true, "question " + id);
		QuestionType type = switch (typeName == null ? "" : typeName) {
			case "single" -> QuestionType.SINGLE;
			case "multiple" -> QuestionType.MULTIPLE;
			case "truefalse" -> QuestionType.TRUE_FALSE;
			case "matching" -> QuestionType.MATCHING;
			case "ordering" -> QuestionType.ORDERING;
			default -> {
				if (typeName != null) {
					problems.error(path, f.line("type"), Code.C015_BAD_VALUE,
							"question type must be single, multiple, truefalse, matching or ordering");
				}
				yield null;
			}
		};
		String prefix = "question." + id;
		Text text = folder.text(f, "text", prefix + ".text", true, "question " + id);
		Text explanation = folder.text(f, "explanation", prefix + ".explanation", true, "question " + id);
		String source = f.string("source", true, "question " + id);
		if (source != null && !sourceIds.contains(source)) {
			problems.error(path, f.line("source"), Code.C008_DANGLING_REFERENCE,
					"source '" + source + "' is not in module.yaml's sources");
		}
		String objective = f.string("objective", false, "question " + id);
		if (objective == null) {
			problems.warning(path, f.line("id"), Code.Q001_NO_OBJECTIVE,
					"question '" + id + "' names no objective ('objective: <id>' from module.yaml)");
		}
		else if (!objectiveIds.contains(objective)) {
			problems.error(path, f.line("objective"), Code.C008_DANGLING_REFERENCE,
					"objective '" + objective + "' is not in module.yaml's objectives");
		}
		QuestionFocus focus = folder.enumValue(f, "focus", QuestionFocus.class, QuestionFocus.UNDERSTANDING);
		QuizKind pool = folder.enumValue(f, "pool", QuizKind.class, QuizKind.POST);
		List<Option> options = new ArrayList<>();
		List<MatchPair> pairs = new ArrayList<>();
		List<OrderItem> items = new ArrayList<>();
		Boolean answer = null;
		if (type == null) {
			return null;
		}
		switch (type) {
			case SINGLE, MULTIPLE -> {
				IdScope optionIds = new IdScope(problems, path, "option");
				for (Node o : f.list("options", true, "question " + id)) {
					YamlFields of = f.child(o, "an option", Set.of("id", "text", "correct", "feedback"));
					if (of != null) {
						String oid = of.id("id", "an option");
						if (optionIds.add(oid, of.line("id"))) {
							locations.put(prefix + ".option." + oid, path, of.line("id"));
							options.add(new Option(oid,
									folder.text(of, "text", prefix + ".option." + oid + ".text", true, "an option"),
									of.bool("correct", false, false, "an option"), folder.text(of, "feedback",
											prefix + ".option." + oid + ".feedback", false, "an option")));
						}
					}
				}
				Set<String> optionTexts = new HashSet<>();
				for (Option option : options) {
					if (option.text() != null && !optionTexts.add(folder.comparable(option.text().english()))) {
						problems.error(path, f.line("options"), Code.C013_IMPOSSIBLE_ANSWER,
								"two options of '" + id + "' read the same ('" + option.text().english() + "')");
					}
				}
				long correct = options.stream().filter(Option::correct).count();
				if (correct == 0) {
					problems.error(path, f.line("options"), Code.C012_NO_CORRECT_ANSWER,
							"question '" + id + "' has no correct option");
				}
				else if (type == QuestionType.SINGLE && correct > 1) {
					problems.error(path, f.line("options"), Code.C013_IMPOSSIBLE_ANSWER,
							"single-choice question '" + id + "' has " + correct + " correct options");
				}
				else if (type == QuestionType.MULTIPLE && correct == options.size()) {
					problems.error(path, f.line("options"), Code.C013_IMPOSSIBLE_ANSWER,
							"multiple-choice question '" + id + "' needs at least one incorrect option");
				}
				if (options.size() < 2) {
					problems.error(path, f.line("options"), Code.C013_IMPOSSIBLE_ANSWER,
							"question '" + id + "' needs at least two options");
				}
			}
			case TRUE_FALSE -> {
				answer = f.bool("answer", true, null, "question " + id);
				if (answer == null && f.has("answer")) {
					problems.error(path, f.line("answer"), Code.C012_NO_CORRECT_ANSWER,
							"question '" + id + "' needs answer: true or false");
				}
			}
			case MATCHING -> {
				IdScope pairIds = new IdScope(problems, path, "pair");
				Set<String> rights = new HashSet<>();
				for (Node p : f.list("pairs", true, "question " + id)) {
					YamlFields pf = f.child(p, "a pair", Set.of("id", "left", "right"));
					if (pf != null) {
						String pid = pf.id("id", "a pair");
						if (pairIds.add(pid, pf.line("id"))) {
							Text left = folder.text(pf, "left", prefix + ".pair." + pid + ".left", true, "a pair");
							Text right = folder.text(pf, "right", prefix + ".pair." + pid + ".right", true, "a pair");
							if (right != null && !rights.add(folder.comparable(right.english()))) {
								problems.error(path, pf.line("right"), Code.C013_IMPOSSIBLE_ANSWER, "two pairs of '"
										+ id + "' have the same right side, so the answer is ambiguous");
							}
							pairs.add(new MatchPair(pid, left, right));
						}
					}
				}
				if (pairs.size() < 2) {
					problems.error(path, f.line("pairs"), Code.C013_IMPOSSIBLE_ANSWER,
							"matching question '" + id + "' needs at least two pairs");
				}
			}
			case ORDERING -> {
				IdScope itemIds = new IdScope(problems, path, "item");
				Set<String> itemTexts = new HashSet<>();
				for (Node i : f.list("items", true, "question " + id)) {
					YamlFields itf = f.child(i, "an item", Set.of("id", "text"));
					if (itf != null) {
						String iid = itf.id("id", "an item");
						if (itemIds.add(iid, itf.line("id"))) {
							Text item = folder.text(itf, "text", prefix + ".item." + iid + ".text", true, "an item");
							if (item != null && !itemTexts.add(folder.comparable(item.english()))) {
								problems.error(path, itf.line("text"), Code.C013_IMPOSSIBLE_ANSWER,
										"two items of '" + id + "' read the same, so their order cannot be told apart");
							}
							items.add(new OrderItem(iid, item));
						}
					}
				}
				if (items.size() < 3) {
					problems.error(path, f.line("items"), Code.C013_IMPOSSIBLE_ANSWER,
							"ordering question '" + id + "' needs at least three items");
				}
			}
		}
		Question.Common common = new Question.Common(id, text, source, objective, focus, pool, explanation);
		return switch (type) {
			case SINGLE -> new Question.SingleChoice(common, options);
			case MULTIPLE -> new Question.MultipleChoice(common, options);
			// Without a readable answer the error is reported above; the question is left
			// out.
			case TRUE_FALSE -> answer == null ? null : new Question.TrueFalse(common, answer);
			case MATCHING -> new Question.Matching(common, pairs);
			case ORDERING -> new Question.Ordering(common, items);
		};
	}

}
