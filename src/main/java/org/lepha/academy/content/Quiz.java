package org.lepha.academy.content;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The question bank and the rules of the module's quiz.
 *
 * @param maxAttempts 0 for unlimited
 * @param timeLimitMinutes null without a time limit
 * @param preTestDrawCount null without a pre-test
 */
public record Quiz(int drawCount, boolean shuffleQuestions, boolean shuffleOptions, int passMark, int maxAttempts,
		@Nullable Integer timeLimitMinutes, @Nullable Integer preTestDrawCount, List<Question> questions) {

	public Quiz {
		questions = List.copyOf(questions);
	}

	public Optional<Question> question(String id) {
		return questions.stream().filter((q) -> q.id().equals(id)).findFirst();
	}

}
