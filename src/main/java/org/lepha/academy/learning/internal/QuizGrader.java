package org.lepha.academy.learning.internal;

import org.lepha.academy.learning.GivenAnswer;
import java.util.List;
import java.util.Map;

/**
 * Grades answers. Every question is worth one point; the rules for partial credit are the
 * ones stated in docs/content-format.md ("Scoring"):
 * <ul>
 * <li>single choice, true/false: 1 or 0;</li>
 * <li>multiple choice: (correct chosen − incorrect chosen) ÷ number of correct options,
 * never below 0, so choosing everything earns nothing;</li>
 * <li>matching: the share of left-hand entries matched to their own right-hand side;</li>
 * <li>ordering: the share of items at their correct position.</li>
 * </ul>
 */
public final class QuizGrader {

	private QuizGrader() {
	}

	/**
	 * Credit between 0 and 1; an unanswered question (null) or a wrong kind of answer
	 * earns 0.
	 */
	public static double credit(AnswerKey key, GivenAnswer given) {
		if (given == null) {
			return 0;
		}
		return switch (key) {
			case AnswerKey.SingleChoice single -> given instanceof GivenAnswer.Choices choices
					&& choices.optionIds().equals(java.util.Set.of(single.correctOptionId())) ? 1 : 0;
			case AnswerKey.MultipleChoice multiple ->
				given instanceof GivenAnswer.Choices choices ? multipleChoiceCredit(multiple, choices) : 0;
			case AnswerKey.TrueFalse trueFalse ->
				given instanceof GivenAnswer.TrueFalse value && value.value() == trueFalse.answer() ? 1 : 0;
			case AnswerKey.Matching matching -> given instanceof GivenAnswer.Matches matches
					? matchingCredit(matching, matches.rightChosenForLeft()) : 0;
			case AnswerKey.Ordering ordering -> given instanceof GivenAnswer.Order order
					? orderingCredit(ordering.itemIdsInOrder(), order.itemIds()) : 0;
		};
	}

	/**
	 * The attempt's score: the credits' sum over the number of questions drawn, in whole
	 * percent (rounded down).
	 */
	public static int scorePercent(List<Double> credits, int questionsDrawn) {
		if (questionsDrawn == 0) {
			return 0;
		}
		double sum = credits.stream().mapToDouble(Double::doubleValue).sum();
		// A tiny epsilon so that, e.g., three thirds count as a full point, not
		// 99.999...%.
		return (int) Math.floor(sum * 100.0 / questionsDrawn + 1e-9);
	}

	private static double multipleChoiceCredit(AnswerKey.MultipleChoice key, GivenAnswer.Choices given) {
		long right = given.optionIds().stream().filter(key.correctOptionIds()::contains).count();
		long wrong = given.optionIds().stream().filter((id) -> !key.correctOptionIds().contains(id)).count();
		return Math.max(0, (double) (right - wrong) / key.correctOptionIds().size());
	}

	private static double matchingCredit(AnswerKey.Matching key, Map<String, String> chosen) {
		long right = key.pairIds().stream().filter((id) -> id.equals(chosen.get(id))).count();
		return (double) right / key.pairIds().size();
	}

	private static double orderingCredit(List<String> correct, List<String> given) {
		int right = 0;
		for (int i = 0; i < correct.size() && i < given.size(); i++) {
			if (correct.get(i).equals(given.get(i))) {
				right++;
			}
		}
		return (double) right / correct.size();
	}

}
