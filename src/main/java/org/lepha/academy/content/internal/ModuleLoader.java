package org.lepha.academy.content.internal;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lepha.academy.content.Choice;
import org.lepha.academy.content.CompletionRule;
import org.lepha.academy.content.Condition;
import org.lepha.academy.content.ContentProblem.Code;
import org.lepha.academy.content.Ending;
import org.lepha.academy.content.Lesson;
import org.lepha.academy.content.LessonSection;
import org.lepha.academy.content.MatchPair;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.Objective;
import org.lepha.academy.content.Option;
import org.lepha.academy.content.OrderItem;
import org.lepha.academy.content.Question;
import org.lepha.academy.content.QuestionFocus;
import org.lepha.academy.content.QuestionType;
import org.lepha.academy.content.Quiz;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.content.Rating;
import org.lepha.academy.content.Scenario;
import org.lepha.academy.content.ScenarioNode;
import org.lepha.academy.content.ScenarioState;
import org.lepha.academy.content.Source;
import org.lepha.academy.content.Text;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Loads one module folder into the catalogue's records, reporting every problem with file
 * and line. A module with an error is still returned as far as it could be read (so that
 * the rest of its problems can be found), and the caller decides not to serve it.
 */
public final class ModuleLoader {

	private static final Pattern FRONT_MATTER_ID = Pattern.compile("id:\\s*['\"]?([a-z0-9][a-z0-9-]{0,63})['\"]?");

	private static final Pattern SECTION_HEADING = Pattern.compile("^##\\s+(.*?)\\s*\\{#([^}]*)\\}\\s*$");

	private static final Set<String> MODULE_KEYS = Set.of("id", "version", "title", "summary", "estimatedMinutes",
			"objectives", "sources", "completion", "certificateTitle");

	private static final Set<String> QUIZ_KEYS = Set.of("drawCount", "shuffleQuestions", "shuffleOptions", "passMark",
			"maxAttempts", "timeLimitMinutes", "preTest", "questions");

	private static final Set<String> QUESTION_KEYS = Set.of("id", "type", "text", "source", "objective", "focus",
			"pool", "explanation", "options", "answer", "pairs", "items");

	private static final Set<String> SCENARIO_KEYS = Set.of("id", "title", "summary", "scores", "start", "nodes",
			"endings");

	private final Path moduleDir;

	private final String displayRoot;

	private final ProblemSink problems;

	private final Set<String> documents;

	private final Locations locations;

	/** The module's lesson ids, which {@code lesson:} links may name. */
	private final Set<String> lessonIdsForLinks = new HashSet<>();

	private ModuleLoader(Path moduleDir, String displayRoot, ProblemSink problems, Set<String> documents,
			Locations locations) {
		this.moduleDir = moduleDir;
		this.displayRoot = displayRoot;
		this.problems = problems;
		this.documents = documents;
		this.locations = locations;
	}

	/**
	 * @param displayRoot how the content folder is named in problem paths (e.g.
	 * {@code content})
	 * @param documents the file names of the course's source documents
	 * ({@code course.yaml}), which passages must cite
	 * @return the module, or null when its manifest could not be read at all
	 */
	public static Module load(Path moduleDir, String displayRoot, ProblemSink problems, Set<String> documents) {
		return load(moduleDir, displayRoot, problems, documents, new Locations(displayRoot));
	}

	static Module load(Path moduleDir, String displayRoot, ProblemSink problems, Set<String> documents,
			Locations locations) {
		Module module = new ModuleLoader(moduleDir, displayRoot, problems, documents, locations).load();
		if (module != null) {
			QualityChecks.check(module, locations, problems);
		}
		return module;
	}

	private String display(Path file) {
		return displayRoot + "/" + moduleDir.getFileName() + "/"
				+ moduleDir.relativize(file).toString().replace('\\', '/');
	}

	private Module load() {
		Path manifest = moduleDir.resolve("module.yaml");
		String manifestPath = display(manifest);
		Node root = parseYaml(manifest, 0);
		if (root == null) {
			return null;
		}
		YamlFields m = YamlFields.of(manifestPath, problems, root, "module.yaml", MODULE_KEYS, 0);
		if (m == null) {
			return null;
		}
		String id = m.id("id", "the module");
		String folder = moduleDir.getFileName().toString();
		if (id != null && !id.equals(folder)) {
			problems.error(manifestPath, m.line("id"), Code.C007_MODULE_FOLDER_MISMATCH,
					"module id '" + id + "' must equal its folder name '" + folder + "'");
		}
		String moduleId = id == null ? folder : id;
		int version = m.integer("version", true, 1, "the module", 1, 10_000);
		Text title = text(m, "title", "module.title", true, "the module");
		Text summary = text(m, "summary", "module.summary", true, "the module");
		int minutes = m.integer("estimatedMinutes", true, 0, "the module", 1, 1_000);
		Text certificateTitle = text(m, "certificateTitle", "module.certificateTitle", true, "the module");

		Ids objectiveIds = new Ids(manifestPath, "objective");
		List<Objective> objectives = new ArrayList<>();
		Map<String, Integer> objectiveLines = new LinkedHashMap<>();
		for (Node node : m.list("objectives", true, "the module")) {
			YamlFields o = m.child(node, "an objective", Set.of("id", "lesson", "text"));
			if (o != null) {
				String oid = o.id("id", "an objective");
				if (objectiveIds.add(oid, o.line("id"))) {
					objectiveLines.put(oid, o.line("lesson"));
					locations.put("objective." + oid, manifestPath, o.line("id"));
					objectives.add(new Objective(oid, o.string("lesson", true, "objective " + oid),
							text(o, "text", "objective." + oid, true, "an objective")));
				}
			}
		}
		Ids sourceIds = new Ids(manifestPath, "source");
		List<Source> sources = new ArrayList<>();
		for (Node node : m.list("sources", true, "the module")) {
			Source source = source(m, node);
			if (source != null && sourceIds.add(source.id(), YamlFields.line(node, 0))) {
				sources.add(source);
				locations.put("source." + source.id(), manifestPath, YamlFields.line(node, 0));
			}
		}
		CompletionRule completion = completion(m);

		List<Lesson> lessons = lessons(moduleId, sourceIds.all());
		Set<String> lessonIds = new HashSet<>();
		lessons.forEach((l) -> lessonIds.add(l.id()));
		for (Objective objective : objectives) {
			if (objective.lessonId() != null && !lessonIds.contains(objective.lessonId())) {
				problems.error(manifestPath, objectiveLines.get(objective.id()), Code.C008_DANGLING_REFERENCE,
						"objective '" + objective.id() + "' names lesson '" + objective.lessonId()
								+ "', which does not exist");
			}
		}
		Quiz quiz = quiz(sourceIds.all(), objectiveIds.all());
		List<Scenario> scenarios = scenarios(lessonIds);
		return new Module(moduleId, version, title, summary, minutes, objectives, sources, completion, certificateTitle,
				lessons, quiz, scenarios);
	}

	/**
	 * A source is a passage of a course document ({@code file}) or a published reference
	 * ({@code publisher}, {@code title}, {@code year}, {@code url}); the keys tell which.
	 */
	private Source source(YamlFields m, Node node) {
		YamlFields s = m.child(node, "a source",
				Set.of("id", "file", "section", "quote", "publisher", "title", "year", "url"));
		if (s == null) {
			return null;
		}
		String sid = s.id("id", "a source");
		if (sid == null) {
			return null;
		}
		String what = "source " + sid;
		if (s.has("file") || !s.has("publisher")) {
			for (String key : List.of("publisher", "title", "year", "url")) {
				if (s.has(key)) {
					problems.error(s.path(), s.line(key), Code.C002_UNKNOWN_KEY, "'" + key
							+ "' belongs to a published reference; a passage of a course document has file, section and quote");
				}
			}
			String file = s.string("file", true, what);
			if (file != null && !documents.contains(file)) {
				problems.error(s.path(), s.line("file"), Code.C021_UNKNOWN_DOCUMENT,
						"document '" + file + "' of " + what + " is not listed in content/course.yaml");
			}
			return new Source.Passage(sid, file, s.string("section", true, what), s.string("quote", false, what));
		}
		if (s.has("quote")) {
			problems.error(s.path(), s.line("quote"), Code.C002_UNKNOWN_KEY,
					"'quote' belongs to a passage of a course document, not to a published reference");
		}
		String url = s.string("url", true, what);
		if (url != null && !url.startsWith("https://")) {
			problems.error(s.path(), s.line("url"), Code.C015_BAD_VALUE,
					"the url of " + what + " must be an https:// address");
		}
		int year = s.integer("year", true, 0, what, 1900, 2100);
		return new Source.Reference(sid, s.string("publisher", true, what), s.string("title", true, what), year, url,
				s.string("section", false, what));
	}

	private CompletionRule completion(YamlFields m) {
		if (!m.has("completion")) {
			return CompletionRule.standard();
		}
		YamlFields c = m.child(m.node("completion"), "completion", Set.of("lessons", "quiz", "scenario"));
		if (c == null) {
			return CompletionRule.standard();
		}
		String lessons = oneOf(c, "lessons", Set.of("all", "none"), "all");
		String quiz = oneOf(c, "quiz", Set.of("passed", "none"), "passed");
		String scenario = oneOf(c, "scenario", Set.of("exemplary", "acceptable", "any", "none"), "acceptable");
		Rating minimum = switch (scenario) {
			case "exemplary" -> Rating.EXEMPLARY;
			case "acceptable" -> Rating.ACCEPTABLE;
			case "any" -> Rating.HARMFUL;
			default -> null;
		};
		return new CompletionRule("all".equals(lessons), "passed".equals(quiz), minimum, "any".equals(scenario));
	}

	/** An optional key whose value names a constant of the enum, in lower case. */
	private <E extends Enum<E>> E enumValue(YamlFields f, String key, Class<E> type, E fallback) {
		String value = f.string(key, false, key);
		if (value == null) {
			return fallback;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().toLowerCase(java.util.Locale.ROOT).equals(value.strip())) {
				return constant;
			}
		}
		problems.error(f.path(), f.line(key), Code.C015_BAD_VALUE,
				"'" + key + "' must be one of "
						+ java.util.Arrays.stream(type.getEnumConstants())
							.map((c) -> c.name().toLowerCase(java.util.Locale.ROOT))
							.toList());
		return fallback;
	}

	private String oneOf(YamlFields f, String key, Set<String> allowed, String fallback) {
		String value = f.string(key, false, "completion");
		if (value == null) {
			return fallback;
		}
		if (!allowed.contains(value)) {
			problems.error(f.path(), f.line(key), Code.C015_BAD_VALUE,
					"'" + key + "' must be one of " + allowed.stream().sorted().toList());
			return fallback;
		}
		return value;
	}

	// ---- lessons
	// -------------------------------------------------------------------------

	private List<Lesson> lessons(String moduleId, Set<String> sourceIds) {
		Path dir = moduleDir.resolve("lessons");
		checkMediaFolder();
		// Lessons link to each other, so every lesson's id is known before any is
		// checked.
		for (Path file : files(dir, ".md")) {
			String id = lessonIdOf(file);
			if (id != null) {
				lessonIdsForLinks.add(id);
			}
		}
		List<Lesson> lessons = new ArrayList<>();
		Ids lessonIds = new Ids(display(dir), "lesson");
		Ids sectionIds = new Ids(display(dir), "section");
		for (Path file : files(dir, ".md")) {
			Lesson lesson = lesson(file, sourceIds, sectionIds);
			if (lesson != null && lessonIds.add(lesson.id(), 2, display(file))) {
				lessons.add(lesson);
			}
		}
		if (lessons.isEmpty() && !Files.isDirectory(dir)) {
			problems.error(display(moduleDir.resolve("module.yaml")), 1, Code.C003_MISSING_KEY,
					"the module has no lessons/ folder");
		}
		lessons.sort(java.util.Comparator.comparingInt(Lesson::order).thenComparing(Lesson::id));
		return lessons;
	}

	/**
	 * A lesson's id from its front matter, without reporting anything (the full read
	 * does).
	 */
	private String lessonIdOf(Path file) {
		try {
			List<String> lines = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList();
			for (int i = 1; i < lines.size() && lines.get(0).strip().equals("---"); i++) {
				String line = lines.get(i).strip();
				if (line.equals("---")) {
					break;
				}
				Matcher m = FRONT_MATTER_ID.matcher(line);
				if (m.matches()) {
					return m.group(1);
				}
			}
			return null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private Lesson lesson(Path file, Set<String> sourceIds, Ids sectionIds) {
		String path = display(file);
		String text = read(file);
		if (text == null) {
			return null;
		}
		List<String> lines = text.lines().toList();
		if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
			problems.error(path, 1, Code.C001_SYNTAX, "a lesson starts with a front matter block between '---' lines");
			return null;
		}
		int end = -1;
		for (int i = 1; i < lines.size(); i++) {
			if (lines.get(i).strip().equals("---")) {
				end = i;
				break;
			}
		}
		if (end < 0) {
			problems.error(path, 1, Code.C001_SYNTAX, "the front matter is not closed with '---'");
			return null;
		}
		String frontMatter = String.join("\n", lines.subList(1, end));
		Node root = parseYamlText(frontMatter, path, 1);
		if (root == null) {
			return null;
		}
		YamlFields f = YamlFields.of(path, problems, root, "the lesson front matter",
				Set.of("id", "title", "order", "sources"), 1);
		if (f == null) {
			return null;
		}
		String id = f.id("id", "the lesson");
		if (id == null) {
			return null;
		}
		locations.put("lesson." + id, path, f.line("id"));
		Text title = text(f, "title", "lesson." + id + ".title", true, "the lesson");
		int order = f.integer("order", true, 0, "the lesson", 0, 1_000);
		List<String> sources = f.strings("sources", true, "the lesson");
		if (sources.isEmpty()) {
			problems.error(path, f.line("sources"), Code.C003_MISSING_KEY, "a lesson cites at least one source id");
		}
		for (String source : sources) {
			if (!sourceIds.contains(source)) {
				problems.error(path, f.line("sources"), Code.C008_DANGLING_REFERENCE,
						"source '" + source + "' is not in module.yaml's sources");
			}
		}
		List<LessonSection> sections = sections(id, lines, end + 1, path, sectionIds);
		if (sections.isEmpty()) {
			problems.error(path, end + 2, Code.C010_SECTION_WITHOUT_ID,
					"a lesson needs at least one '## Title {#id}' section");
		}
		return new Lesson(id, title, order, sources, sections);
	}

	private List<LessonSection> sections(String lessonId, List<String> lines, int bodyStart, String path,
			Ids sectionIds) {
		List<LessonSection> sections = new ArrayList<>();
		String currentId = null;
		String heading = null;
		int currentLine = 0;
		StringBuilder body = new StringBuilder();
		boolean inFence = false;
		for (int i = bodyStart; i <= lines.size(); i++) {
			String line = i < lines.size() ? lines.get(i) : null;
			boolean isHeading = line != null && !inFence && line.startsWith("## ");
			if (line == null || isHeading) {
				if (currentId != null) {
					String markdown = ("## " + heading + "\n" + body).strip();
					checkMarkdown(markdown, path, currentLine, true);
					sections.add(new LessonSection(currentId, heading,
							new Text("lesson." + lessonId + ".section." + currentId, markdown)));
				}
				if (line == null) {
					break;
				}
				Matcher m = SECTION_HEADING.matcher(line);
				body.setLength(0);
				currentLine = i + 1;
				if (!m.matches()) {
					problems.error(path, i + 1, Code.C010_SECTION_WITHOUT_ID,
							"a '##' heading must end with its id, e.g. '## Title {#section-id}'");
					currentId = null;
					continue;
				}
				heading = m.group(1);
				currentId = m.group(2);
				if (!YamlFields.ID.matcher(currentId).matches()) {
					problems.error(path, i + 1, Code.C005_BAD_ID,
							"section id '" + currentId + "' must be lower-case letters, digits and hyphens");
					currentId = null;
				}
				else if (!sectionIds.add(currentId, i + 1, path)) {
					currentId = null;
				}
				continue;
			}
			if (line.strip().startsWith("```")) {
				inFence = !inFence;
			}
			if (currentId == null && heading == null && !line.isBlank()) {
				problems.error(path, i + 1, Code.C010_SECTION_WITHOUT_ID,
						"text before the first '## Title {#id}' heading belongs to no section");
				heading = "";
			}
			if (currentId != null) {
				body.append(line).append('\n');
			}
		}
		return sections;
	}

	/** Reports what breaks the Markdown rules in a piece of Markdown (MarkdownChecks). */
	void checkMarkdown(String markdown, String path, int firstLine, boolean sectionHeading) {
		MarkdownChecks.Rules rules = new MarkdownChecks.Rules(this::mediaExists, lessonIdsForLinks::contains,
				sectionHeading);
		MarkdownChecks.analyse(markdown, rules)
			.findings()
			.forEach((f) -> problems.error(path, firstLine + f.lineIndex(), f.code(), f.message()));
	}

	/** Whether {@code media/<name>} is an image of this module that may be served. */
	private boolean mediaExists(String reference) {
		return reference.startsWith("media/")
				&& MediaFiles.resolve(moduleDir, reference.substring("media/".length())).isPresent();
	}

	/** Every file in media/ must be an image that may be served. */
	private void checkMediaFolder() {
		Path media = moduleDir.resolve("media");
		if (Files.isSymbolicLink(media)) {
			problems.error(display(media), 1, Code.C024_UNSAFE_MEDIA, "media/ is a symbolic link; it must be a folder");
			return;
		}
		for (Path file : ContentLoader.files(media, "")) {
			MediaFiles.problem(moduleDir, file)
				.ifPresent((why) -> problems.error(display(file), 1, Code.C024_UNSAFE_MEDIA,
						"media file '" + file.getFileName() + "' " + why));
		}
	}

	// ---- quiz
	// ----------------------------------------------------------------------------

	private Quiz quiz(Set<String> sourceIds, Set<String> objectiveIds) {
		Path file = moduleDir.resolve("quiz.yaml");
		String path = display(file);
		if (!Files.isRegularFile(file)) {
			problems.error(display(moduleDir.resolve("module.yaml")), 1, Code.C003_MISSING_KEY,
					"the module has no quiz.yaml");
			return null;
		}
		Node root = parseYaml(file, 0);
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
		Ids ids = new Ids(path, "question");
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

	private Question question(YamlFields quiz, Node node, Set<String> sourceIds, Set<String> objectiveIds, Ids ids) {
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
		Text text = text(f, "text", prefix + ".text", true, "question " + id);
		Text explanation = text(f, "explanation", prefix + ".explanation", true, "question " + id);
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
		QuestionFocus focus = enumValue(f, "focus", QuestionFocus.class, QuestionFocus.UNDERSTANDING);
		QuizKind pool = enumValue(f, "pool", QuizKind.class, QuizKind.POST);
		List<Option> options = new ArrayList<>();
		List<MatchPair> pairs = new ArrayList<>();
		List<OrderItem> items = new ArrayList<>();
		Boolean answer = null;
		if (type == null) {
			return null;
		}
		switch (type) {
			case SINGLE, MULTIPLE -> {
				Ids optionIds = new Ids(path, "option");
				for (Node o : f.list("options", true, "question " + id)) {
					YamlFields of = f.child(o, "an option", Set.of("id", "text", "correct", "feedback"));
					if (of != null) {
						String oid = of.id("id", "an option");
						if (optionIds.add(oid, of.line("id"))) {
							locations.put(prefix + ".option." + oid, path, of.line("id"));
							options.add(new Option(oid,
									text(of, "text", prefix + ".option." + oid + ".text", true, "an option"),
									of.bool("correct", false, false, "an option"),
									text(of, "feedback", prefix + ".option." + oid + ".feedback", false, "an option")));
						}
					}
				}
				Set<String> optionTexts = new HashSet<>();
				for (Option option : options) {
					if (option.text() != null && !optionTexts.add(comparable(option.text().english()))) {
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
				Ids pairIds = new Ids(path, "pair");
				Set<String> rights = new HashSet<>();
				for (Node p : f.list("pairs", true, "question " + id)) {
					YamlFields pf = f.child(p, "a pair", Set.of("id", "left", "right"));
					if (pf != null) {
						String pid = pf.id("id", "a pair");
						if (pairIds.add(pid, pf.line("id"))) {
							Text left = text(pf, "left", prefix + ".pair." + pid + ".left", true, "a pair");
							Text right = text(pf, "right", prefix + ".pair." + pid + ".right", true, "a pair");
							if (right != null && !rights.add(comparable(right.english()))) {
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
				Ids itemIds = new Ids(path, "item");
				Set<String> itemTexts = new HashSet<>();
				for (Node i : f.list("items", true, "question " + id)) {
					YamlFields itf = f.child(i, "an item", Set.of("id", "text"));
					if (itf != null) {
						String iid = itf.id("id", "an item");
						if (itemIds.add(iid, itf.line("id"))) {
							Text item = text(itf, "text", prefix + ".item." + iid + ".text", true, "an item");
							if (item != null && !itemTexts.add(comparable(item.english()))) {
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

	// ---- scenarios
	// -----------------------------------------------------------------------

	private List<Scenario> scenarios(Set<String> lessonIds) {
		Path dir = moduleDir.resolve("scenarios");
		List<Scenario> scenarios = new ArrayList<>();
		Ids ids = new Ids(display(dir), "scenario");
		for (Path file : files(dir, ".yaml")) {
			Scenario scenario = scenario(file, lessonIds);
			if (scenario != null && ids.add(scenario.id(), 1, display(file))) {
				scenarios.add(scenario);
			}
		}
		return scenarios;
	}

	private Scenario scenario(Path file, Set<String> lessonIds) {
		String path = display(file);
		Node root = parseYaml(file, 0);
		if (root == null) {
			return null;
		}
		YamlFields s = YamlFields.of(path, problems, root, "the scenario", SCENARIO_KEYS, 0);
		if (s == null) {
			return null;
		}
		String id = s.id("id", "the scenario");
		if (id == null) {
			return null;
		}
		String prefix = "scenario." + id;
		locations.put(prefix, path, s.line("id"));
		Text title = text(s, "title", prefix + ".title", true, "the scenario");
		Text summary = text(s, "summary", prefix + ".summary", false, "the scenario");
		List<String> scores = s.strings("scores", false, "the scenario");
		String start = s.string("start", true, "the scenario");
		Ids elementIds = new Ids(path, "node or ending");
		Ids choiceIds = new Ids(path, "choice");
		Map<String, Integer> nodeLines = new LinkedHashMap<>();
		Map<String, Integer> choiceLines = new LinkedHashMap<>();
		Map<String, Integer> endingLines = new LinkedHashMap<>();
		List<ScenarioNode> nodes = new ArrayList<>();
		List<PendingReference> references = new ArrayList<>();
		for (Node n : s.list("nodes", true, "the scenario")) {
			YamlFields nf = s.child(n, "a node", Set.of("id", "text", "image", "choices", "dilemma", "discussion"));
			if (nf == null) {
				continue;
			}
			String nid = nf.id("id", "a node");
			if (!elementIds.add(nid, nf.line("id"))) {
				continue;
			}
			nodeLines.put(nid, nf.line("id"));
			locations.put(prefix + ".node." + nid, path, nf.line("id"));
			Text text = text(nf, "text", prefix + ".node." + nid + ".text", true, "node " + nid);
			if (text != null) {
				checkMarkdown(text.english(), path, nf.line("text"), false);
			}
			String image = nf.string("image", false, "node " + nid);
			if (image != null && !mediaExists(image)) {
				problems.error(path, nf.line("image"), Code.C009_MISSING_MEDIA,
						"image '" + image + "' is not a usable image in media/");
			}
			List<Choice> choices = new ArrayList<>();
			for (Node c : nf.list("choices", true, "node " + nid)) {
				YamlFields cf = nf.child(c, "a choice",
						Set.of("id", "text", "next", "feedback", "effects", "condition"));
				if (cf == null) {
					continue;
				}
				String cid = cf.id("id", "a choice");
				if (!choiceIds.add(cid, cf.line("id"))) {
					continue;
				}
				choiceLines.put(cid, cf.line("id"));
				locations.put(prefix + ".choice." + cid, path, cf.line("id"));
				locations.put(prefix + ".choice." + cid + ".feedback", path, cf.line("feedback"));
				String next = cf.string("next", true, "choice " + cid);
				if (next != null) {
					references.add(new PendingReference(next, cf.line("next"), "choice '" + cid + "' leads to"));
				}
				Map<String, Integer> effects = new LinkedHashMap<>();
				if (cf.has("effects")) {
					Node en = cf.node("effects");
					if (en instanceof MappingNode mapping) {
						for (NodeTuple t : mapping.getValue()) {
							int line = YamlFields.line(t.getKeyNode(), cf.lineOffset());
							if (!(t.getKeyNode() instanceof ScalarNode key)
									|| !(t.getValueNode() instanceof ScalarNode value)) {
								problems.error(path, line, Code.C004_WRONG_TYPE,
										"effects must map score names to whole numbers");
								continue;
							}
							String score = key.getValue();
							if (!scores.contains(score)) {
								problems.error(path, line, Code.C019_UNKNOWN_SCORE,
										"score '" + score + "' is not declared in 'scores'");
							}
							try {
								if (!Tag.INT.equals(value.getTag())) {
									throw new NumberFormatException();
								}
								int effect = Integer.parseInt(value.getValue().strip());
								if (Math.abs(effect) > ScenarioState.SCORE_LIMIT) {
									problems.error(path, line, Code.C015_BAD_VALUE,
											"effect on '" + score + "' must be between -" + ScenarioState.SCORE_LIMIT
													+ " and " + ScenarioState.SCORE_LIMIT);
								}
								effects.put(score, effect);
							}
							catch (RuntimeException ex) {
								problems.error(path, line, Code.C004_WRONG_TYPE,
										"effect on '" + score + "' must be a whole number");
							}
						}
					}
					else {
						problems.error(path, cf.line("effects"), Code.C004_WRONG_TYPE,
								"effects must map score names to numbers");
					}
				}
				Condition condition = cf.has("condition") ? condition(cf, cf.node("condition"), scores, references, 0)
						: new Condition.Always();
				choices
					.add(new Choice(cid, text(cf, "text", prefix + ".choice." + cid + ".text", true, "choice " + cid),
							next, text(cf, "feedback", prefix + ".choice." + cid + ".feedback", false, "choice " + cid),
							effects, condition == null ? new Condition.Always() : condition));
			}
			boolean dilemma = nf.bool("dilemma", false, false, "node " + nid);
			Text discussion = text(nf, "discussion", prefix + ".node." + nid + ".discussion", false, "node " + nid);
			if (discussion != null) {
				checkMarkdown(discussion.english(), path, nf.line("discussion"), false);
			}
			nodes.add(new ScenarioNode(nid, text, image, choices, dilemma, discussion));
		}
		List<Ending> endings = new ArrayList<>();
		for (Node e : s.list("endings", true, "the scenario")) {
			YamlFields ef = s.child(e, "an ending", Set.of("id", "rating", "title", "text", "debrief", "lessons"));
			if (ef == null) {
				continue;
			}
			String eid = ef.id("id", "an ending");
			if (!elementIds.add(eid, ef.line("id"))) {
				continue;
			}
			endingLines.put(eid, ef.line("id"));
			String ratingName = ef.string("rating", true, "ending " + eid);
			Rating rating = null;
			if (ratingName != null) {
				try {
					rating = Rating.valueOf(ratingName.strip().toUpperCase(java.util.Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					problems.error(path, ef.line("rating"), Code.C015_BAD_VALUE,
							"rating must be exemplary, acceptable or harmful");
				}
			}
			Text debrief = text(ef, "debrief", prefix + ".ending." + eid + ".debrief", true, "ending " + eid);
			if (debrief != null) {
				checkMarkdown(debrief.english(), path, ef.line("debrief"), false);
			}
			List<String> lessons = ef.strings("lessons", true, "ending " + eid);
			if (lessons.isEmpty()) {
				problems.error(path, ef.line("lessons"), Code.C003_MISSING_KEY,
						"ending '" + eid + "' must link at least one lesson");
			}
			for (String lesson : lessons) {
				if (!lessonIds.contains(lesson)) {
					problems.error(path, ef.line("lessons"), Code.C008_DANGLING_REFERENCE,
							"ending '" + eid + "' links lesson '" + lesson + "', which does not exist");
				}
			}
			endings.add(new Ending(eid, rating == null ? Rating.HARMFUL : rating,
					text(ef, "title", prefix + ".ending." + eid + ".title", true, "ending " + eid),
					text(ef, "text", prefix + ".ending." + eid + ".text", true, "ending " + eid), debrief, lessons));
		}
		if (endings.isEmpty()) {
			problems.error(path, s.line("endings"), Code.C003_MISSING_KEY, "a scenario needs at least one ending");
		}
		Set<String> endingIds = new HashSet<>();
		endings.forEach((e) -> endingIds.add(e.id()));
		Set<String> choiceIdSet = choiceIds.all();
		for (PendingReference ref : references) {
			boolean known = ref.kind.startsWith("condition chose") ? choiceIdSet.contains(ref.id)
					: nodeLines.containsKey(ref.id)
							|| (!ref.kind.startsWith("condition") && endingIds.contains(ref.id));
			if (!known) {
				problems.error(path, ref.line, Code.C008_DANGLING_REFERENCE,
						ref.kind + " '" + ref.id + "', which does not exist");
			}
		}
		if (start != null && !nodeLines.containsKey(start)) {
			problems.error(path, s.line("start"), Code.C008_DANGLING_REFERENCE,
					"start node '" + start + "' does not exist");
		}
		Scenario scenario = new Scenario(id, title, summary, scores, start, nodes, endings);
		if (start != null && nodeLines.containsKey(start)) {
			ScenarioAnalyzer.analyze(scenario, path, new ScenarioAnalyzer.Lines(nodeLines, choiceLines, endingLines),
					problems);
		}
		return scenario;
	}

	private record PendingReference(String id, int line, String kind) {
	}

	private Condition condition(YamlFields owner, Node node, List<String> scores, List<PendingReference> references,
			int depth) {
		if (depth > YamlFields.MAX_DEPTH) {
			// Also what stops a YAML anchor that contains itself.
			problems.error(owner.path(), YamlFields.line(node, owner.lineOffset()), Code.C026_NESTED_TOO_DEEP,
					"conditions nest more than " + YamlFields.MAX_DEPTH + " levels deep");
			return null;
		}
		Set<String> keys = Set.of("visited", "notVisited", "chose", "notChose", "score", "min", "max", "all", "any");
		YamlFields c = owner.child(node, "a condition", keys);
		if (c == null) {
			return null;
		}
		if (c.has("visited") || c.has("notVisited")) {
			boolean positive = c.has("visited");
			String target = c.string(positive ? "visited" : "notVisited", true, "a condition");
			if (target == null) {
				return null;
			}
			references.add(new PendingReference(target, c.line(), "condition visits"));
			return positive ? new Condition.Visited(target) : new Condition.NotVisited(target);
		}
		if (c.has("chose") || c.has("notChose")) {
			boolean positive = c.has("chose");
			String target = c.string(positive ? "chose" : "notChose", true, "a condition");
			if (target == null) {
				return null;
			}
			references.add(new PendingReference(target, c.line(), "condition chose"));
			return positive ? new Condition.Chose(target) : new Condition.NotChose(target);
		}
		if (c.has("score")) {
			String score = c.string("score", true, "a condition");
			if (score != null && !scores.contains(score)) {
				problems.error(c.path(), c.line("score"), Code.C019_UNKNOWN_SCORE,
						"condition on unknown score '" + score + "'");
			}
			Integer min = c.integer("min", false, null, "a condition", -ScenarioState.SCORE_LIMIT,
					ScenarioState.SCORE_LIMIT);
			Integer max = c.integer("max", false, null, "a condition", -ScenarioState.SCORE_LIMIT,
					ScenarioState.SCORE_LIMIT);
			if (min == null && max == null) {
				problems.error(c.path(), c.line(), Code.C003_MISSING_KEY, "a score condition needs min or max");
			}
			return new Condition.ScoreRange(score, min, max);
		}
		if (c.has("all") || c.has("any")) {
			boolean all = c.has("all");
			List<Condition> parts = new ArrayList<>();
			for (Node part : c.list(all ? "all" : "any", true, "a condition")) {
				Condition sub = condition(c, part, scores, references, depth + 1);
				if (sub != null) {
					parts.add(sub);
				}
			}
			return all ? new Condition.All(parts) : new Condition.Any(parts);
		}
		problems.error(c.path(), c.line(), Code.C003_MISSING_KEY,
				"a condition needs one of visited, notVisited, chose, notChose, score, all, any");
		return null;
	}

	// ---- shared
	// --------------------------------------------------------------------------

	private Text text(YamlFields f, String key, String segmentKey, boolean required, String what) {
		String value = f.string(key, required, what);
		return value == null ? null : new Text(segmentKey, value.strip());
	}

	/** Text as a cadet tells it apart: case and spacing do not count. */
	private static String comparable(String text) {
		return text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
	}

	private Node parseYaml(Path file, int lineOffset) {
		String text = read(file);
		return text == null ? null : parseYamlText(text, display(file), lineOffset);
	}

	private Node parseYamlText(String text, String path, int lineOffset) {
		return YamlFields.compose(text, path, lineOffset, problems);
	}

	private String read(Path file) {
		try {
			String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
			// Common Windows editors save UTF-8 with a byte-order mark; one is allowed.
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (MalformedInputException ex) {
			problems.error(display(file), 1, Code.C001_SYNTAX, "the file is not UTF-8 text");
			return null;
		}
		catch (IOException ex) {
			problems.error(display(file), 1, Code.C001_SYNTAX, "cannot read the file: " + ex.getMessage());
			return null;
		}
	}

	private static List<Path> files(Path dir, String suffix) {
		return ContentLoader.files(dir, suffix);
	}

	/** Detects duplicate ids within one scope. */
	private final class Ids {

		private final String path;

		private final String kind;

		private final Map<String, String> seen = new LinkedHashMap<>();

		Ids(String path, String kind) {
			this.path = path;
			this.kind = kind;
		}

		boolean add(String id, int line) {
			return add(id, line, path);
		}

		boolean add(String id, int line, String where) {
			if (id == null) {
				return false;
			}
			String earlier = seen.putIfAbsent(id, where + ":" + line);
			if (earlier != null) {
				problems.error(where, line, Code.C006_DUPLICATE_ID,
						"duplicate " + kind + " id '" + id + "' (first at " + earlier + ")");
				return false;
			}
			return true;
		}

		boolean contains(String id) {
			return seen.containsKey(id);
		}

		Set<String> all() {
			return Set.copyOf(seen.keySet());
		}

	}

}
