package org.lepha.academy.content.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lepha.academy.content.Choice;
import org.lepha.academy.content.Ending;
import org.lepha.academy.content.Evaluation;
import org.lepha.academy.content.Lesson;
import org.lepha.academy.content.LessonSection;
import org.lepha.academy.content.MatchPair;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.Objective;
import org.lepha.academy.content.Option;
import org.lepha.academy.content.OrderItem;
import org.lepha.academy.content.Question;
import org.lepha.academy.content.Scenario;
import org.lepha.academy.content.ScenarioNode;
import org.lepha.academy.content.Text;

/**
 * Every translatable segment of a module, in reading order: key → English.
 */
public final class Segments {

	private Segments() {
	}

	public static Map<String, String> of(Module module) {
		Map<String, String> segments = new LinkedHashMap<>();
		add(segments, module.title());
		add(segments, module.summary());
		add(segments, module.certificateTitle());
		for (Objective objective : module.objectives()) {
			add(segments, objective.text());
		}
		for (Lesson lesson : module.lessons()) {
			add(segments, lesson.title());
			for (LessonSection section : lesson.sections()) {
				add(segments, section.markdown());
			}
		}
		if (module.quiz() != null) {
			for (Question question : module.quiz().questions()) {
				segments.putAll(of(question));
			}
		}
		for (Scenario scenario : module.scenarios()) {
			add(segments, scenario.title());
			add(segments, scenario.summary());
			for (ScenarioNode node : scenario.nodes()) {
				add(segments, node.text());
				add(segments, node.discussion());
				for (Choice choice : node.choices()) {
					add(segments, choice.text());
					add(segments, choice.feedback());
				}
			}
			for (Ending ending : scenario.endings()) {
				add(segments, ending.title());
				add(segments, ending.text());
				add(segments, ending.debrief());
			}
		}
		return segments;
	}

	/** The course evaluation's segments: the scale's points, then the items. */
	public static Map<String, String> of(Evaluation evaluation) {
		Map<String, String> segments = new LinkedHashMap<>();
		evaluation.scale().forEach((t) -> add(segments, t));
		evaluation.items().forEach((i) -> add(segments, i.text()));
		return segments;
	}

	/** The segments of one question: text, explanation, options, pairs, items. */
	static Map<String, String> of(Question question) {
		Map<String, String> segments = new LinkedHashMap<>();
		add(segments, question.text());
		add(segments, question.explanation());
		switch (question) {
			case Question.SingleChoice q -> addOptions(segments, q.options());
			case Question.MultipleChoice q -> addOptions(segments, q.options());
			case Question.TrueFalse q -> {
			}
			case Question.Matching q -> {
				for (MatchPair pair : q.pairs()) {
					add(segments, pair.left());
					add(segments, pair.right());
				}
			}
			case Question.Ordering q -> {
				for (OrderItem item : q.items()) {
					add(segments, item.text());
				}
			}
		}
		return segments;
	}

	private static void addOptions(Map<String, String> segments, List<Option> options) {
		for (Option option : options) {
			add(segments, option.text());
			add(segments, option.feedback());
		}
	}

	private static void add(Map<String, String> segments, Text text) {
		if (text != null) {
			segments.put(text.key(), text.english());
		}
	}

}
