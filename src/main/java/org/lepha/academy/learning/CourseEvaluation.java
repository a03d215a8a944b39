package org.lepha.academy.learning;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The course evaluation of one module as the signed-in cadet sees it, in the cadet's
 * language.
 *
 * @param scale the five anchors, point 1 first
 * @param freeText the one free-text question, when the course has one
 */
public record CourseEvaluation(String moduleId, State state, List<String> scale, List<Question> likertItems,
		@Nullable Question freeText) {

	public CourseEvaluation {
		scale = List.copyOf(scale);
		likertItems = List.copyOf(likertItems);
	}

	/** Where the cadet stands with this module's evaluation. */
	public enum State {

		/** The course defines no evaluation. */
		NONE,
		/** The module is not completed yet: nothing is asked before. */
		NOT_YET,
		/** Completed, not answered: the form is shown. */
		OPEN,
		/** Answered: final. */
		ANSWERED,
		/** Skipped: final too. */
		SKIPPED

	}

	/** One question, by its stable item id. */
	public record Question(String itemId, String text) {
	}

}
