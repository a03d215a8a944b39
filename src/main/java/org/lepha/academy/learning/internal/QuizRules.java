package org.lepha.academy.learning.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.lepha.academy.content.Quiz;
import org.lepha.academy.learning.internal.QuizAttemptRepository.StoredAttempt;

/**
 * The timing and attempt rules the quiz service and the module overview share.
 */
public final class QuizRules {

	/**
	 * Answers arriving this long after the deadline still count: network and clock slack.
	 */
	public static final Duration DEADLINE_GRACE = Duration.ofSeconds(5);

	private QuizRules() {
	}

	public static boolean expired(StoredAttempt attempt, Instant now) {
		return attempt.deadline() != null && now.isAfter(attempt.deadline().plus(DEADLINE_GRACE));
	}

	/** Attempts the cadet may still start; -1 when the quiz allows any number. */
	public static int attemptsLeft(Quiz quiz, List<StoredAttempt> quizAttempts) {
		if (quiz.maxAttempts() == 0) {
			return -1;
		}
		return Math.max(0, quiz.maxAttempts() - quizAttempts.size());
	}

}
