package org.lepha.academy.learning;

import java.util.List;

/**
 * The outcome of a submitted attempt.
 *
 * @param passed null for a pre-test (no pass mark)
 * @param attemptsLeft -1 when unlimited
 */
public record QuizResult(int scorePercent, Boolean passed, int attemptsLeft, List<QuestionFeedback> questions) {

	/**
	 * How one question went, with its explanation and the feedback on what was chosen.
	 */
	public record QuestionFeedback(String questionId, String text, double credit, String explanation,
			List<String> feedback) {
	}

}
