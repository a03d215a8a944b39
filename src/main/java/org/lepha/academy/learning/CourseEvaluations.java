package org.lepha.academy.learning;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Evaluation;
import org.lepha.academy.content.EvaluationItem;
import org.lepha.academy.content.Module;
import org.lepha.academy.learning.internal.EvaluationAnswerRepository;
import org.lepha.academy.learning.internal.LearningContent;
import org.lepha.academy.learning.internal.ProgressRepository;
import org.lepha.academy.security.UserAccountService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The short course evaluation a cadet is asked for after completing a module (issue 21,
 * decision 0017): Likert items and one free text, defined once for the course. Asked only
 * after completion; answered or skipped once, and then final. Trainers read the answers
 * only as aggregates ({@code cohorts.CourseEvaluationResults}).
 */
@Service
public class CourseEvaluations {

	private final ContentCatalog content;

	private final LearningContent lookup;

	private final ProgressRepository progress;

	private final EvaluationAnswerRepository answers;

	private final Clock clock;

	public CourseEvaluations(ContentCatalog content, LearningContent lookup, ProgressRepository progress,
			EvaluationAnswerRepository answers, Clock clock) {
		this.content = content;
		this.lookup = lookup;
		this.progress = progress;
		this.answers = answers;
		this.clock = clock;
	}

	/** The evaluation of a module for the signed-in cadet, in their language. */
	@PreAuthorize("hasRole('CADET')")
	@Transactional(readOnly = true)
	public CourseEvaluation evaluation(String moduleId, Locale locale) {
		long user = UserAccountService.requireCurrentUserId();
		lookup.module(moduleId);
		Evaluation evaluation = content.evaluation().orElse(null);
		if (evaluation == null) {
			return new CourseEvaluation(moduleId, CourseEvaluation.State.NONE, List.of(), List.of(), null);
		}
		CourseEvaluation.State state = answers.outcome(user, moduleId)
			.map((o) -> o == EvaluationAnswerRepository.Outcome.SKIPPED ? CourseEvaluation.State.SKIPPED
					: CourseEvaluation.State.ANSWERED)
			.orElseGet(() -> progress.completedAt(user, moduleId).isPresent() ? CourseEvaluation.State.OPEN
					: CourseEvaluation.State.NOT_YET);
		if (state != CourseEvaluation.State.OPEN) {
			return new CourseEvaluation(moduleId, state, List.of(), List.of(), null);
		}
		List<String> scale = evaluation.scale().stream().map((t) -> text(t, locale)).toList();
		List<CourseEvaluation.Question> likert = evaluation.likertItems()
			.stream()
			.map((i) -> new CourseEvaluation.Question(i.id(), text(i.text(), locale)))
			.toList();
		CourseEvaluation.Question free = evaluation.freeText()
			.map((i) -> new CourseEvaluation.Question(i.id(), text(i.text(), locale)))
			.orElse(null);
		return new CourseEvaluation(moduleId, state, scale, likert, free);
	}

	/**
	 * Sends the signed-in cadet's answers. Items left out are not counted; at least one
	 * answer is needed (skipping is the way to answer nothing).
	 * @param ratings Likert item id → 1 (strongly disagree) … 5 (strongly agree)
	 * @param comment the free text, or null
	 */
	@PreAuthorize("hasRole('CADET')")
	@Transactional
	public void answer(String moduleId, Map<String, Integer> ratings, @Nullable String comment) {
		Evaluation evaluation = open(moduleId);
		Set<String> likert = evaluation.likertItems().stream().map(EvaluationItem::id).collect(Collectors.toSet());
		Map<String, Integer> checked = new LinkedHashMap<>();
		ratings.forEach((item, rating) -> {
			if (!likert.contains(item) || rating == null || rating < 1 || rating > Evaluation.POINTS) {
				throw new LearningException("evaluation.error.invalid");
			}
			checked.put(item, rating);
		});
		String text = comment == null || comment.isBlank() || evaluation.freeText().isEmpty() ? null : comment.strip();
		if (text != null) {
			TextLimits.require(text, TextLimits.EVALUATION_COMMENT);
		}
		if (checked.isEmpty() && text == null) {
			throw new LearningException("evaluation.error.empty");
		}
		save(moduleId, evaluation, checked, text);
	}

	/** The signed-in cadet declines the evaluation of a module; final, like an answer. */
	@PreAuthorize("hasRole('CADET')")
	@Transactional
	public void skip(String moduleId) {
		save(moduleId, open(moduleId), null, null);
	}

	/** The evaluation, when the signed-in cadet may still answer it. */
	private Evaluation open(String moduleId) {
		long user = UserAccountService.requireCurrentUserId();
		lookup.module(moduleId);
		Evaluation evaluation = content.evaluation()
			.orElseThrow(() -> new LearningException("evaluation.error.notOffered"));
		if (progress.completedAt(user, moduleId).isEmpty()) {
			throw new LearningException("evaluation.error.notCompleted");
		}
		return evaluation;
	}

	private void save(String moduleId, Evaluation evaluation, @Nullable Map<String, Integer> ratings,
			@Nullable String comment) {
		Module module = lookup.module(moduleId);
		if (!answers.save(UserAccountService.requireCurrentUserId(), moduleId, ratings, comment, evaluation.version(),
				module.version(), clock.instant())) {
			throw new LearningException("evaluation.error.alreadyDone");
		}
	}

	private String text(org.lepha.academy.content.Text text, Locale locale) {
		return content.resolve(Evaluation.TRANSLATION_ID, text, locale).text();
	}

}
