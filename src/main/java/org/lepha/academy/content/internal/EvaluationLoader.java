package org.lepha.academy.content.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.lepha.academy.content.ContentProblem.Code;
import org.lepha.academy.content.Evaluation;
import org.lepha.academy.content.EvaluationItem;
import org.lepha.academy.content.Text;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the {@code evaluation:} section of {@code course.yaml}. An evaluation with any
 * error is not served at all (cadets are asked nothing rather than a half question), the
 * problems are reported like every other content problem.
 */
final class EvaluationLoader {

	static final String KEY = "evaluation";

	private EvaluationLoader() {
	}

	/**
	 * @return the evaluation, or null when it has errors
	 */
	static Evaluation load(YamlFields course, ProblemSink problems) {
		int mark = problems.size();
		YamlFields e = course.child(course.node(KEY), "the evaluation", Set.of("version", "scale", "items"));
		if (e == null) {
			return null;
		}
		String path = e.path();
		Integer version = e.integer("version", true, 1, "the evaluation", 1, 1_000_000);
		List<Text> scale = new ArrayList<>();
		List<Node> anchors = e.list("scale", true, "the evaluation");
		if (e.has("scale") && anchors.size() != Evaluation.POINTS) {
			problems.error(path, e.line("scale"), Code.C015_BAD_VALUE,
					"the evaluation's scale must name exactly " + Evaluation.POINTS
							+ " points, from 'strongly disagree' to 'strongly agree', not " + anchors.size());
		}
		for (int i = 0; i < anchors.size(); i++) {
			int line = YamlFields.line(anchors.get(i), e.lineOffset());
			if (!(anchors.get(i) instanceof ScalarNode anchor) || Tag.NULL.equals(anchor.getTag())
					|| anchor.getValue().isBlank()) {
				problems.error(path, line, Code.C003_MISSING_KEY,
						"point " + (i + 1) + " of the evaluation's scale needs a text");
				continue;
			}
			scale.add(new Text("evaluation.scale." + (i + 1), anchor.getValue()));
		}
		IdScope ids = new IdScope(problems, path, "evaluation item");
		List<EvaluationItem> items = new ArrayList<>();
		int freeTexts = 0;
		for (Node node : e.list("items", true, "the evaluation")) {
			YamlFields item = e.child(node, "an evaluation item", Set.of("id", "type", "text"));
			if (item == null) {
				continue;
			}
			String id = item.id("id", "an evaluation item");
			String type = item.string("type", true, "evaluation item " + id);
			String text = item.string("text", true, "evaluation item " + id);
			if (id == null || !ids.add(id, item.line("id")) || type == null || text == null) {
				continue;
			}
			EvaluationItem.Kind kind = switch (type) {
				case "likert" -> EvaluationItem.Kind.LIKERT;
				case "text" -> EvaluationItem.Kind.FREE_TEXT;
				default -> null;
			};
			if (kind == null) {
				problems.error(path, item.line("type"), Code.C015_BAD_VALUE,
						"evaluation item '" + id + "' has type '" + type + "'; use likert or text");
				continue;
			}
			if (kind == EvaluationItem.Kind.FREE_TEXT && ++freeTexts > 1) {
				problems.error(path, item.line("type"), Code.C015_BAD_VALUE, "evaluation item '" + id
						+ "' is a second free-text item; the evaluation has at most one, so it stays short");
				continue;
			}
			items.add(new EvaluationItem(id, kind, new Text("evaluation.item." + id + ".text", text)));
		}
		if (e.has("items") && items.stream().noneMatch((i) -> i.kind() == EvaluationItem.Kind.LIKERT)
				&& !problems.errorsSince(mark)) {
			problems.error(path, e.line("items"), Code.C003_MISSING_KEY,
					"the evaluation needs at least one likert item");
		}
		if (problems.errorsSince(mark)) {
			return null;
		}
		return new Evaluation(version, scale, items);
	}

}
