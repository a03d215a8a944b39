package org.lepha.academy.learning;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A module's page for the cadet: what it teaches and how far the cadet has got.
 *
 * @param resume where the reader left off, or the first section
 * @param translationAwaitsReview the cadet reads a translation that a qualified
 * translator has not yet approved
 */
public record ModuleOverview(String moduleId, String title, String summary, List<String> objectives,
		List<LessonProgress> lessons, QuizProgress quiz, List<ScenarioProgress> scenarios, ModuleStatus status,
		@Nullable Instant completedAt, LessonPage.@Nullable SectionRef resume, boolean preTestOffered,
		boolean translationAwaitsReview) {

	public record LessonProgress(String lessonId, String title, int sectionsViewed, int sections) {
	}

	/**
	 * @param attemptsLeft -1 when unlimited
	 */
	public record QuizProgress(int attemptsUsed, int attemptsLeft, @Nullable Integer bestScore, boolean passed,
			int passMark, @Nullable Integer timeLimitMinutes, boolean attemptOpen) {
	}

	/**
	 * @param bestRating null until a run ends
	 */
	public record ScenarioProgress(String scenarioId, String title, @Nullable String bestRating, boolean runOpen) {
	}

}
