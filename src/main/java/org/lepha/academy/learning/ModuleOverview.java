package org.lepha.academy.learning;

import java.time.Instant;
import java.util.List;

/**
 * A module's page for the cadet: what it teaches and how far the cadet has got.
 *
 * @param resume where the reader left off, or the first section
 * @param translationAwaitsReview the cadet reads a translation that a qualified
 * translator has not yet approved
 */
public record ModuleOverview(String moduleId, String title, String summary, List<String> objectives,
		List<LessonProgress> lessons, QuizProgress quiz, List<ScenarioProgress> scenarios, ModuleStatus status,
		Instant completedAt, LessonPage.SectionRef resume, boolean preTestOffered, boolean translationAwaitsReview) {

	public record LessonProgress(String lessonId, String title, int sectionsViewed, int sections) {
	}

	/**
	 * @param attemptsLeft -1 when unlimited
	 */
	public record QuizProgress(int attemptsUsed, int attemptsLeft, Integer bestScore, boolean passed, int passMark,
			Integer timeLimitMinutes, boolean attemptOpen) {
	}

	/**
	 * @param bestRating null until a run ends
	 */
	public record ScenarioProgress(String scenarioId, String title, String bestRating, boolean runOpen) {
	}

}
