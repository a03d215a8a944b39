package org.lepha.academy.content.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lepha.academy.content.CompletionRule;
import org.lepha.academy.content.ContentProblem.Code;
import org.lepha.academy.content.Lesson;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.Objective;
import org.lepha.academy.content.Quiz;
import org.lepha.academy.content.Rating;
import org.lepha.academy.content.Scenario;
import org.lepha.academy.content.Source;
import org.lepha.academy.content.Text;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads one module folder into the catalogue's records, reporting every problem with file
 * and line. A module with an error is still returned as far as it could be read (so that
 * the rest of its problems can be found), and the caller decides not to serve it.
 */
public final class ModuleLoader {

	private static final Set<String> MODULE_KEYS = Set.of("id", "version", "title", "summary", "estimatedMinutes",
			"objectives", "sources", "completion", "certificateTitle");

	private final ModuleFolder folder;

	private final ProblemSink problems;

	private final Locations locations;

	private ModuleLoader(ModuleFolder folder) {
		this.folder = folder;
		this.problems = folder.problems();
		this.locations = folder.locations();
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
		Module module = new ModuleLoader(new ModuleFolder(moduleDir, displayRoot, problems, documents, locations))
			.load();
		if (module != null) {
			QualityChecks.check(module, locations, problems);
		}
		return module;
	}

	private Module load() {
		Path manifest = folder.moduleDir().resolve("module.yaml");
		String manifestPath = folder.display(manifest);
		Node root = folder.parseYaml(manifest, 0);
		if (root == null) {
			return null;
		}
		YamlFields m = YamlFields.of(manifestPath, problems, root, "module.yaml", MODULE_KEYS, 0);
		if (m == null) {
			return null;
		}
		String id = m.id("id", "the module");
		String folderName = folder.moduleDir().getFileName().toString();
		if (id != null && !id.equals(folderName)) {
			problems.error(manifestPath, m.line("id"), Code.C007_MODULE_FOLDER_MISMATCH,
					"module id '" + id + "' must equal its folder name '" + folderName + "'");
		}
		String moduleId = id == null ? folderName : id;
		int version = m.integer("version", true, 1, "the module", 1, 10_000);
		Text title = folder.text(m, "title", "module.title", true, "the module");
		Text summary = folder.text(m, "summary", "module.summary", true, "the module");
		int minutes = m.integer("estimatedMinutes", true, 0, "the module", 1, 1_000);
		Text certificateTitle = folder.text(m, "certificateTitle", "module.certificateTitle", true, "the module");

		IdScope objectiveIds = new IdScope(problems, manifestPath, "objective");
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
							folder.text(o, "text", "objective." + oid, true, "an objective")));
				}
			}
		}
		IdScope sourceIds = new IdScope(problems, manifestPath, "source");
		List<Source> sources = new ArrayList<>();
		for (Node node : m.list("sources", true, "the module")) {
			Source source = source(m, node);
			if (source != null && sourceIds.add(source.id(), YamlFields.line(node, 0))) {
				sources.add(source);
				locations.put("source." + source.id(), manifestPath, YamlFields.line(node, 0));
			}
		}
		CompletionRule completion = completion(m);

		List<Lesson> lessons = new LessonLoader(folder).lessons(moduleId, sourceIds.all());
		Set<String> lessonIds = new HashSet<>();
		lessons.forEach((l) -> lessonIds.add(l.id()));
		for (Objective objective : objectives) {
			if (objective.lessonId() != null && !lessonIds.contains(objective.lessonId())) {
				problems.error(manifestPath, objectiveLines.get(objective.id()), Code.C008_DANGLING_REFERENCE,
						"objective '" + objective.id() + "' names lesson '" + objective.lessonId()
								+ "', which does not exist");
			}
		}
		Quiz quiz = new QuizLoader(folder).quiz(sourceIds.all(), objectiveIds.all());
		List<Scenario> scenarios = new ScenarioLoader(folder).scenarios(lessonIds);
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
			if (file != null && !folder.documents().contains(file)) {
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

}
