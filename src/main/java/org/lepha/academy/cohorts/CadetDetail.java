package org.lepha.academy.cohorts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything one cadet of a cohort did, for the cohort's trainer: sections viewed per
 * module, every quiz attempt with its answers and every scenario run with its path; and
 * the optional recorded sex ({@code null}: not recorded), which only aggregate reports
 * use.
 */
public record CadetDetail(long userId, String username, String fullName, List<ModuleSections> sections,
		List<QuizAttempt> quizAttempts, List<ScenarioRun> scenarioRuns, @Nullable CadetSex sex) {

	/** How many lesson sections the cadet viewed in one module. */
	public record ModuleSections(String moduleId, int sectionsViewed) {
	}

	/** One quiz attempt; score and passed are null until submitted. */
	public record QuizAttempt(long id, String moduleId, String kind, int number, Instant startedAt, Instant submittedAt,
			Integer scorePercent, Boolean passed, List<Answer> answers) {
	}

	/**
	 * The cadet's answer to one question, as stored, with its credit (0–1, null if
	 * unmarked).
	 */
	public record Answer(String questionId, String answer, BigDecimal credit) {
	}

	/** One run through a scenario; ending and rating are null while it is unfinished. */
	public record ScenarioRun(long id, String moduleId, String scenarioId, Instant startedAt, Instant endedAt,
			List<Step> path, String endingId, String rating) {
	}

	/** One choice taken at one node of a scenario. */
	public record Step(int number, String nodeId, String choiceId) {
	}

}
