package org.lepha.academy.content.internal;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.lepha.academy.content.ContentProblem.Code;
import org.lepha.academy.content.Lesson;
import org.lepha.academy.content.Text;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One module folder being read: where it is, where problems go, and the helpers the
 * lesson, quiz and scenario loaders share (reading files, texts, YAML, Markdown checks).
 */
final class ModuleFolder {

	private final Path moduleDir;

	private final String displayRoot;

	private final ProblemSink problems;

	private final Set<String> documents;

	private final Locations locations;

	/** The module's lesson ids, which {@code lesson:} links may name. */
	private final Set<String> lessonIdsForLinks = new HashSet<>();

	ModuleFolder(Path moduleDir, String displayRoot, ProblemSink problems, Set<String> documents, Locations locations) {
		this.moduleDir = moduleDir;
		this.displayRoot = displayRoot;
		this.problems = problems;
		this.documents = documents;
		this.locations = locations;
	}

	Path moduleDir() {
		return moduleDir;
	}

	ProblemSink problems() {
		return problems;
	}

	Set<String> documents() {
		return documents;
	}

	Locations locations() {
		return locations;
	}

	/**
	 * Lesson ids that {@code lesson:} links may name, known before any lesson is checked.
	 */
	void allowLessonLinks(Set<String> ids) {
		lessonIdsForLinks.addAll(ids);
	}

	String display(Path file) {
		return displayRoot + "/" + moduleDir.getFileName() + "/"
				+ moduleDir.relativize(file).toString().replace('\\', '/');
	}

	/** An optional key whose value names a constant of the enum, in lower case. */
	<E extends Enum<E>> E enumValue(YamlFields f, String key, Class<E> type, E fallback) {
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

	/** Reports what breaks the Markdown rules in a piece of Markdown (MarkdownChecks). */
	void checkMarkdown(String markdown, String path, int firstLine, boolean sectionHeading) {
		MarkdownChecks.Rules rules = new MarkdownChecks.Rules(this::mediaExists, lessonIdsForLinks::contains,
				sectionHeading);
		MarkdownChecks.analyse(markdown, rules)
			.findings()
			.forEach((f) -> problems.error(path, firstLine + f.lineIndex(), f.code(), f.message()));
	}

	/** Whether {@code media/<name>} is an image of this module that may be served. */
	boolean mediaExists(String reference) {
		return reference.startsWith("media/")
				&& MediaFiles.resolve(moduleDir, reference.substring("media/".length())).isPresent();
	}

	/** Every file in media/ must be an image that may be served. */
	void checkMediaFolder() {
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

	Text text(YamlFields f, String key, String segmentKey, boolean required, String what) {
		String value = f.string(key, required, what);
		return value == null ? null : new Text(segmentKey, value.strip());
	}

	/** Text as a cadet tells it apart: case and spacing do not count. */
	static String comparable(String text) {
		return text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
	}

	Node parseYaml(Path file, int lineOffset) {
		String text = read(file);
		return text == null ? null : parseYamlText(text, display(file), lineOffset);
	}

	Node parseYamlText(String text, String path, int lineOffset) {
		return YamlFields.compose(text, path, lineOffset, problems);
	}

	String read(Path file) {
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

	static List<Path> files(Path dir, String suffix) {
		return ContentLoader.files(dir, suffix);
	}

}
