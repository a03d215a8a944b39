package org.lepha.academy.content.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.lepha.academy.content.ContentProblem.Code;
import org.lepha.academy.content.Course;
import org.lepha.academy.content.Evaluation;
import org.lepha.academy.content.SourceDocument;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code content/course.yaml}: what the course defines once for every module.
 */
final class CourseLoader {

	static final String FILE = "course.yaml";

	private CourseLoader() {
	}

	static Course load(Path contentDir, String displayRoot, ProblemSink problems) {
		Path file = contentDir.resolve(FILE);
		String path = displayRoot + "/" + FILE;
		if (!Files.isRegularFile(file)) {
			problems.error(path, 1, Code.C003_MISSING_KEY,
					"the course has no course.yaml (it lists the source documents that lessons cite)");
			return Course.empty();
		}
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			problems.error(path, 1, Code.C001_SYNTAX, "cannot read the file as UTF-8 text");
			return Course.empty();
		}
		Node root = YamlFields.compose(text, path, 0, problems);
		YamlFields course = root == null ? null
				: YamlFields.of(path, problems, root, "course.yaml", Set.of("documents", EvaluationLoader.KEY), 0);
		if (course == null) {
			return Course.empty();
		}
		List<SourceDocument> documents = new ArrayList<>();
		Set<String> files = new HashSet<>();
		for (Node node : course.list("documents", true, "the course")) {
			YamlFields d = course.child(node, "a document", Set.of("file", "title", "publisher", "year"));
			if (d == null) {
				continue;
			}
			String name = d.string("file", true, "a document");
			if (name == null) {
				continue;
			}
			if (!files.add(name)) {
				problems.error(path, d.line("file"), Code.C006_DUPLICATE_ID, "document '" + name + "' is listed twice");
				continue;
			}
			Integer year = d.integer("year", false, null, "document " + name);
			documents.add(new SourceDocument(name, d.string("title", true, "document " + name),
					d.string("publisher", true, "document " + name), year));
		}
		Evaluation evaluation = course.has(EvaluationLoader.KEY) ? EvaluationLoader.load(course, problems) : null;
		return new Course(documents, evaluation);
	}

}
