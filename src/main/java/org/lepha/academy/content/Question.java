package org.lepha.academy.content;

import java.util.List;

/**
 * A question of the bank. Depending on the type, {@code options} (single, multiple),
 * {@code answer} (true/false), {@code pairs} (matching) or {@code items} (ordering, in
 * the correct order) carry the answer.
 *
 * @param objectiveId the objective it tests (null only when the author left it out, a
 * warning)
 * @param pool the quiz whose draws it belongs to
 */
public record Question(String id, QuestionType type, Text text, String sourceId, String objectiveId,
		QuestionFocus focus, QuizKind pool, Text explanation, List<Option> options, Boolean answer,
		List<MatchPair> pairs, List<OrderItem> items) {

	public Question {
		options = List.copyOf(options);
		pairs = List.copyOf(pairs);
		items = List.copyOf(items);
	}

}
