package org.lepha.academy.content.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lepha.academy.content.ContentProblem.Code;
import org.lepha.academy.content.Lesson;
import org.lepha.academy.content.LessonSection;
import org.lepha.academy.content.Text;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a module's lessons/ folder: front matter, sections and their Markdown.
 */
final class LessonLoader {

	private static final Pattern FRONT_MATTER_ID = Pattern.compile("id:\\s*['\"]?([a-z0-9][a-z0-9-]{0,63})['\"]?");

	private static final Pattern SECTION_HEADING = Pattern.compile("^##\\s+(.*?)\\s*\\{#([^}]*)\\}\\s*$");

	private final ModuleFolder folder;

	private final ProblemSink problems;

	private final Locations locations;

	LessonLoader(ModuleFolder folder) {
		this.folder = folder;
		this.problems = folder.problems();
		this.locations = folder.locations();
	}

	List<Lesson> lessons(String moduleId, Set<String> sourceIds) {
		Path dir = folder.moduleDir().resolve("lessons");
		folder.checkMediaFolder();
		// Lessons link to each other, so every lesson's id is known before any is
		// checked; each file is read once.
		Map<Path, String> texts = new LinkedHashMap<>();
		for (Path file : folder.files(dir, ".md")) {
			String text = folder.read(file);
			if (text != null) {
				texts.put(file, text);
				String id = lessonIdOf(text);
				if (id != null) {
					folder.allowLessonLinks(Set.of(id));
				}
			}
		}
		List<Lesson> lessons = new ArrayList<>();
		IdScope lessonIds = new IdScope(problems, folder.display(dir), "lesson");
		IdScope sectionIds = new IdScope(problems, folder.display(dir), "section");
		for (Map.Entry<Path, String> entry : texts.entrySet()) {
			Path file = entry.getKey();
			Lesson lesson = lesson(file, entry.getValue(), sourceIds, sectionIds);
			if (lesson != null && lessonIds.add(lesson.id(), 2, folder.display(file))) {
				lessons.add(lesson);
			}
		}
		if (lessons.isEmpty() && !Files.isDirectory(dir)) {
			problems.error(folder.display(folder.moduleDir().resolve("module.yaml")), 1, Code.C003_MISSING_KEY,
					"the module has no lessons/ folder");
		}
		lessons.sort(java.util.Comparator.comparingInt(Lesson::order).thenComparing(Lesson::id));
		return lessons;
	}

	/**
	 * A lesson's id from its front matter, without reporting anything (the full read
	 * does).
	 */
	private static String lessonIdOf(String text) {
		List<String> lines = text.lines().toList();
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

	private Lesson lesson(Path file, String text, Set<String> sourceIds, IdScope sectionIds) {
		String path = folder.display(file);
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
		Node root = folder.parseYamlText(frontMatter, path, 1);
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
		Text title = folder.text(f, "title", "lesson." + id + ".title", true, "the lesson");
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
			IdScope sectionIds) {
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
					folder.checkMarkdown(markdown, path, currentLine, true);
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

}
