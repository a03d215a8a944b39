package org.lepha.academy.content.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lepha.academy.content.Choice;
import org.lepha.academy.content.Condition;
import org.lepha.academy.content.ContentProblem.Code;
import org.lepha.academy.content.Ending;
import org.lepha.academy.content.Rating;
import org.lepha.academy.content.Scenario;
import org.lepha.academy.content.ScenarioNode;
import org.lepha.academy.content.ScenarioState;
import org.lepha.academy.content.Text;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a module's scenarios/ folder: nodes, choices with effects and conditions,
 * endings; then has the {@link ScenarioAnalyzer} explore the paths.
 */
final class ScenarioLoader {

	private static final Set<String> SCENARIO_KEYS = Set.of("id", "title", "summary", "scores", "start", "nodes",
			"endings");

	private final ModuleFolder folder;

	private final ProblemSink problems;

	private final Locations locations;

	ScenarioLoader(ModuleFolder folder) {
		this.folder = folder;
		this.problems = folder.problems();
		this.locations = folder.locations();
	}

	List<Scenario> scenarios(Set<String> lessonIds) {
		Path dir = folder.moduleDir().resolve("scenarios");
		List<Scenario> scenarios = new ArrayList<>();
		IdScope ids = new IdScope(problems, folder.display(dir), "scenario");
		for (Path file : folder.files(dir, ".yaml")) {
			Scenario scenario = scenario(file, lessonIds);
			if (scenario != null && ids.add(scenario.id(), 1, folder.display(file))) {
				scenarios.add(scenario);
			}
		}
		return scenarios;
	}

	private Scenario scenario(Path file, Set<String> lessonIds) {
		String path = folder.display(file);
		Node root = folder.parseYaml(file, 0);
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
		Text title = folder.text(s, "title", prefix + ".title", true, "the scenario");
		Text summary = folder.text(s, "summary", prefix + ".summary", false, "the scenario");
		List<String> scores = s.strings("scores", false, "the scenario");
		String start = s.string("start", true, "the scenario");
		IdScope elementIds = new IdScope(problems, path, "node or ending");
		IdScope choiceIds = new IdScope(problems, path, "choice");
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
			Text text = folder.text(nf, "text", prefix + ".node." + nid + ".text", true, "node " + nid);
			if (text != null) {
				folder.checkMarkdown(text.english(), path, nf.line("text"), false);
			}
			String image = nf.string("image", false, "node " + nid);
			if (image != null && !folder.mediaExists(image)) {
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
				choices.add(new Choice(cid,
						folder.text(cf, "text", prefix + ".choice." + cid + ".text", true, "choice " + cid), next,
						folder.text(cf, "feedback", prefix + ".choice." + cid + ".feedback", false, "choice " + cid),
						effects, condition == null ? new Condition.Always() : condition));
			}
			boolean dilemma = nf.bool("dilemma", false, false, "node " + nid);
			Text discussion = folder.text(nf, "discussion", prefix + ".node." + nid + ".discussion", false,
					"node " + nid);
			if (discussion != null) {
				folder.checkMarkdown(discussion.english(), path, nf.line("discussion"), false);
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
			Text debrief = folder.text(ef, "debrief", prefix + ".ending." + eid + ".debrief", true, "ending " + eid);
			if (debrief != null) {
				folder.checkMarkdown(debrief.english(), path, ef.line("debrief"), false);
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
					folder.text(ef, "title", prefix + ".ending." + eid + ".title", true, "ending " + eid),
					folder.text(ef, "text", prefix + ".ending." + eid + ".text", true, "ending " + eid), debrief,
					lessons));
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

}
