package org.lepha.academy.learning;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A quiz attempt as the cadet sees it: the drawn questions in their stored order, the
 * answers given so far, and the result once submitted.
 *
 * @param kind {@code PRE} for the pre-test, {@code POST} for the quiz
 * @param deadline null without a time limit
 */
public record QuizSession(long attemptId, String moduleId, String kind, int attemptNo, Instant deadline,
		List<QuestionView> questions, Map<String, GivenAnswer> answers, QuizResult result) {

	public boolean submitted() {
		return result != null;
	}

	/** A drawn question with its options (or pairs, or items) in display order. */
	public record QuestionView(String id, String type, String text, List<Choice> choices, List<Choice> rightSides,
			boolean englishFallback) {
	}

	/** An option, a matching pair's left side, or an ordering item. */
	public record Choice(String id, String text) {
	}

}
