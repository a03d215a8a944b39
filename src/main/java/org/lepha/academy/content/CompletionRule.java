package org.lepha.academy.content;

import org.jspecify.annotations.Nullable;

/**
 * What a cadet must do to complete a module.
 *
 * @param allLessons every lesson section viewed
 * @param quizPassed the quiz passed
 * @param scenarioMinimum the best ending of every scenario rated at least this, or null
 * when scenarios do not count; {@code anyEnding} accepts any ending
 */
public record CompletionRule(boolean allLessons, boolean quizPassed, @Nullable Rating scenarioMinimum,
		boolean anyEnding) {

	public static CompletionRule standard() {
		return new CompletionRule(true, true, Rating.ACCEPTABLE, false);
	}

}
