package org.lepha.academy.learning;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.lepha.academy.content.QuestionType;
import org.lepha.academy.content.QuizKind;

/**
 * A quiz attempt as the cadet sees it: the drawn questions in their stored order, the
 * answers given so far, and the result once submitted.
 *
 * @param kind the pre-test or the post-test
 * @param deadline null without a time limit
 * @param inExamSession taken in a trainer's exam session (shown one question at a time)
 */
public record QuizSession(long attemptId, String moduleId, QuizKind kind, int attemptNo, Instant deadline,
		List<QuestionView> questions, Map<String, GivenAnswer> answers, QuizResult result, boolean inExamSession) {

	public boolean submitted() {
		return result != null;
	}

	/** A drawn question with its options (or pairs, or items) in display order. */
	public record QuestionView(String id, QuestionType type, String text, List<Choice> choices, List<Choice> rightSides,
			boolean englishFallback) {
	}

	/** An option, a matching pair's left side, or an ordering item. */
	public record Choice(String id, String text) {
	}

}
