package org.lepha.academy.learning.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.learning.GivenAnswer;
import org.lepha.academy.learning.internal.QuizAttemptRepository.StoredAttempt;

import org.springframework.stereotype.Component;

/**
 * Grades an attempt against what it drew: the answer keys and the pass mark kept with it
 * when it was drawn, so that a content reload during an exam changes nobody's score
 * (decision 0014). Attempts drawn before the keys were kept are graded against the module
 * as it is now, as they always were.
 */
@Component
public class AttemptGrading {

	private final QuizAttemptRepository attempts;

	private final Clock clock;

	public AttemptGrading(QuizAttemptRepository attempts, Clock clock) {
		this.attempts = attempts;
		this.clock = clock;
	}

	/**
	 * @param module the module as served now; null when it is no longer served (then only
	 * an attempt with its own keys can be graded, and one without scores 0)
	 */
	public void grade(StoredAttempt attempt, @Nullable Module module) {
		Map<String, GivenAnswer> answers = attempts.answers(attempt.id());
		Map<String, Double> credits = new LinkedHashMap<>();
		for (QuizDraw.DrawnQuestion drawn : attempt.drawn()) {
			AnswerKey key = key(attempt, module, drawn.questionId());
			credits.put(drawn.questionId(), key == null ? 0 : QuizGrader.credit(key, answers.get(drawn.questionId())));
		}
		int score = QuizGrader.scorePercent(new ArrayList<>(credits.values()), attempt.drawn().size());
		Boolean passed = attempt.kind() == QuizKind.PRE ? null : score >= passMark(attempt, module);
		attempts.submit(attempt.id(), clock.instant(), score, passed, credits);
	}

	private static @Nullable AnswerKey key(StoredAttempt attempt, @Nullable Module module, String questionId) {
		Map<String, AnswerKey> kept = attempt.answerKeys();
		if (kept != null) {
			return kept.get(questionId);
		}
		return module == null ? null : module.quiz().question(questionId).map(QuizDrawing::answerKey).orElse(null);
	}

	private static int passMark(StoredAttempt attempt, @Nullable Module module) {
		Integer kept = attempt.passMark();
		if (kept != null) {
			return kept;
		}
		// Nothing to compare against: nobody passes a quiz that is no longer served.
		return module == null ? Integer.MAX_VALUE : module.quiz().passMark();
	}

}
