package org.lepha.academy.cohorts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.cohorts.internal.CohortRepository;
import org.lepha.academy.cohorts.internal.EvaluationResultsRepository;
import org.lepha.academy.cohorts.internal.EvaluationResultsRepository.RatingCount;
import org.lepha.academy.cohorts.internal.EvaluationResultsRepository.Scope;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Evaluation;
import org.lepha.academy.content.EvaluationItem;
import org.lepha.academy.content.Module;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The course evaluation's results of a cohort in a module, for its trainers (decision
 * 0017): per Likert item the number of answers, the mean and the distribution over the
 * five points; the free texts without names, sorted. Only the cohort's active cadets
 * count, and only answers to the current version of the evaluation. Figures are given
 * only when at least {@link #MIN_ANSWERS} cadets answered (skips do not count): below
 * that a trainer could tell who said what in a small group, so the result carries the
 * number of answers and nothing else.
 */
@Service
public class CourseEvaluationResults {

	/** The fewest answers for which figures are shown. */
	public static final int MIN_ANSWERS = 5;

	/**
	 * One module's results.
	 *
	 * @param answered cadets who answered (not skipped)
	 * @param skipped cadets who skipped
	 * @param shown whether {@code answered} reached {@link #MIN_ANSWERS}; when not, the
	 * items and comments are empty
	 * @param scale the five anchors in the caller's language, point 1 first
	 * @param items per Likert item, in the course's order
	 * @param freeTextQuestion the free-text question in the caller's language, when the
	 * course has one
	 * @param comments the free texts, sorted by their text
	 */
	public record ModuleResults(String moduleId, String moduleTitle, int answered, int skipped, boolean shown,
			List<String> scale, List<ItemResult> items, @Nullable String freeTextQuestion, List<String> comments) {

		public ModuleResults {
			scale = List.copyOf(scale);
			items = List.copyOf(items);
			comments = List.copyOf(comments);
		}

	}

	/**
	 * One Likert item's figures.
	 *
	 * @param answers how many answers rated it (an answer may leave an item out)
	 * @param mean on 1..5; null without answers
	 * @param distribution how many answers gave each point, index 0 for point 1
	 */
	public record ItemResult(String itemId, String text, int answers, @Nullable Double mean,
			List<Integer> distribution) {

		public ItemResult {
			distribution = List.copyOf(distribution);
		}

	}

	private final CohortService cohorts;

	private final CohortRepository repository;

	private final EvaluationResultsRepository evaluations;

	private final ContentCatalog content;

	public CourseEvaluationResults(CohortService cohorts, CohortRepository repository,
			EvaluationResultsRepository evaluations, ContentCatalog content) {
		this.cohorts = cohorts;
		this.repository = repository;
		this.evaluations = evaluations;
		this.content = content;
	}

	/**
	 * The results in every module assigned to the cohort, in assignment order; empty when
	 * the course defines no evaluation.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<ModuleResults> results(long cohortId, Locale locale) {
		cohorts.requireAccess(cohortId);
		Optional<Evaluation> evaluation = content.evaluation();
		if (evaluation.isEmpty()) {
			return List.of();
		}
		return repository.assignments(cohortId)
			.stream()
			.map((a) -> content.module(a.moduleId()))
			.flatMap(Optional::stream)
			.map((m) -> results(Scope.COHORT, cohortId, m, evaluation.get(), locale))
			.toList();
	}

	/**
	 * The results of every cohort of an academy together, in every served module (for the
	 * programme report): the same threshold applies to the pooled answers. Only
	 * administrators: a trainer may read only their own cohorts' answers.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<ModuleResults> academyResults(long academyId, Locale locale) {
		Optional<Evaluation> evaluation = content.evaluation();
		if (evaluation.isEmpty()) {
			return List.of();
		}
		return content.modules()
			.stream()
			.map((m) -> results(Scope.ACADEMY, academyId, m, evaluation.get(), locale))
			.toList();
	}

	/**
	 * The results in one module; empty when the module is not served or the course
	 * defines no evaluation.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public Optional<ModuleResults> results(long cohortId, String moduleId, Locale locale) {
		cohorts.requireAccess(cohortId);
		Optional<Evaluation> evaluation = content.evaluation();
		return content.module(moduleId)
			.flatMap((m) -> evaluation.map((e) -> results(Scope.COHORT, cohortId, m, e, locale)));
	}

	private ModuleResults results(Scope scope, long id, Module module, Evaluation evaluation, Locale locale) {
		String title = content.resolve(module.id(), module.title(), locale).text();
		EvaluationResultsRepository.Responses responses = evaluations.responses(scope, id, module.id(),
				evaluation.version());
		List<String> scale = evaluation.scale().stream().map((t) -> text(t, locale)).toList();
		String freeText = evaluation.freeText().map((i) -> text(i.text(), locale)).orElse(null);
		if (responses.answered() < MIN_ANSWERS) {
			return new ModuleResults(module.id(), title, responses.answered(), responses.skipped(), false, scale,
					List.of(), freeText, List.of());
		}
		List<RatingCount> counts = evaluations.ratingCounts(scope, id, module.id(), evaluation.version());
		List<ItemResult> items = new ArrayList<>();
		for (EvaluationItem item : evaluation.likertItems()) {
			int[] distribution = new int[Evaluation.POINTS];
			for (RatingCount count : counts) {
				if (count.itemId().equals(item.id())) {
					distribution[count.rating() - 1] += count.answers();
				}
			}
			int answers = 0;
			long sum = 0;
			for (int point = 1; point <= Evaluation.POINTS; point++) {
				answers += distribution[point - 1];
				sum += (long) point * distribution[point - 1];
			}
			items.add(new ItemResult(item.id(), text(item.text(), locale), answers,
					answers == 0 ? null : (double) sum / answers,
					java.util.Arrays.stream(distribution).boxed().toList()));
		}
		List<String> comments = evaluation.freeText().isPresent()
				? evaluations.comments(scope, id, module.id(), evaluation.version()) : List.of();
		return new ModuleResults(module.id(), title, responses.answered(), responses.skipped(), true, scale, items,
				freeText, comments);
	}

	private String text(org.lepha.academy.content.Text text, Locale locale) {
		return content.resolve(Evaluation.TRANSLATION_ID, text, locale).text();
	}

}
