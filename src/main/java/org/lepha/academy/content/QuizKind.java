package org.lepha.academy.content;

/**
 * Which of a module's two quizzes: the pre-test taken before the lessons, or the
 * post-test that counts for completion. Each draws from its own pool of the bank
 * ({@code pool:} in {@code quiz.yaml}), so the two are parallel forms and a cadet never
 * meets a post-test question in the pre-test.
 */
public enum QuizKind {

	PRE, POST

}
