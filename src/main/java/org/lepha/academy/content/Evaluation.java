package org.lepha.academy.content;

import java.util.List;
import java.util.Optional;

/**
 * The course evaluation a cadet is asked for after completing a module (Kirkpatrick level
 * 1), defined once for the course in {@code content/course.yaml} and translated in
 * {@code translations/content/<locale>/course.xlf}. Its texts resolve through
 * {@link ContentCatalog#resolve} with {@link #TRANSLATION_ID} in place of a module id.
 *
 * @param version bumped when the questions change in meaning; stored with every answer so
 * that answers to different questions are not mixed up
 * @param scale the five anchors of every Likert item, from 1 (strongly disagree) to 5
 * (strongly agree)
 * @param items in the order the cadet sees them
 */
public record Evaluation(int version, List<Text> scale, List<EvaluationItem> items) {

	/** The id of the course-level translation file ({@code course.xlf}). */
	public static final String TRANSLATION_ID = "course";

	/** Points of every Likert item. */
	public static final int POINTS = 5;

	public Evaluation {
		scale = List.copyOf(scale);
		items = List.copyOf(items);
	}

	public List<EvaluationItem> likertItems() {
		return items.stream().filter((i) -> i.kind() == EvaluationItem.Kind.LIKERT).toList();
	}

	/** The one free-text item, when the course has one. */
	public Optional<EvaluationItem> freeText() {
		return items.stream().filter((i) -> i.kind() == EvaluationItem.Kind.FREE_TEXT).findFirst();
	}

}
