package org.lepha.academy.cohorts;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.cohorts.internal.CohortAnalyticsRepository;
import org.lepha.academy.cohorts.internal.CohortAnalyticsRepository.DrawnRow;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.Objective;
import org.lepha.academy.content.Question;
import org.lepha.academy.content.QuizKind;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mastery of a module's learning objectives over a cohort. Each active cadet counts with
 * their <em>latest</em> submitted post-test attempt (unlike item analysis, which judges
 * the questions on first attempts, this asks what the cadet can do now).
 * <p>
 * Per objective, a cadet's credit is the mean credit over the objective's questions that
 * were drawn in that attempt; a drawn question left unanswered counts 0, as it does in
 * the score. The cadet has <em>mastered</em> the objective when that mean is at least
 * {@link #THRESHOLD}. Only cadets who answered at least one of the objective's questions
 * count: the objective's figures are how many such cadets there are, the share of them
 * who mastered it and the mean of their credits, in percent.
 */
@Service
public class ObjectiveMastery {

	/** The mean credit at or above which a cadet has mastered an objective. */
	public static final BigDecimal THRESHOLD = new BigDecimal("0.8");

	/**
	 * One objective's figures, in percent; both are null when no cadet answered any of
	 * its questions.
	 */
	public record ObjectiveStats(String objectiveId, String text, int cadets, @Nullable Double percentMastered,
			@Nullable Double meanCreditPercent) {
	}

	private final CohortService cohorts;

	private final CohortAnalyticsRepository analytics;

	private final ContentCatalog content;

	public ObjectiveMastery(CohortService cohorts, CohortAnalyticsRepository analytics, ContentCatalog content) {
		this.cohorts = cohorts;
		this.analytics = analytics;
		this.content = content;
	}

	/** Every objective of the module, in the module's order. */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<ObjectiveStats> mastery(long cohortId, String moduleId, Locale locale) {
		cohorts.requireAccess(cohortId);
		Module module = content.module(moduleId).orElseThrow(() -> new AccessDeniedException("No such module"));
		Map<String, String> objectiveOf = new HashMap<>();
		for (Question question : module.quiz().questions()) {
			if (question.pool() == QuizKind.POST && question.objectiveId() != null) {
				objectiveOf.put(question.id(), question.objectiveId());
			}
		}
		Map<String, Map<Long, Tally>> tallies = new HashMap<>();
		for (DrawnRow row : analytics.latestPostAttemptDraws(cohortId, moduleId)) {
			String objective = objectiveOf.get(row.questionId());
			// A question since removed from the module, or from the pre-test pool, tests
			// no objective here.
			if (objective != null) {
				tallies.computeIfAbsent(objective, (k) -> new HashMap<>())
					.computeIfAbsent(row.userId(), (k) -> new Tally())
					.add(row);
			}
		}
		return module.objectives()
			.stream()
			.map((o) -> stats(moduleId, o, tallies.getOrDefault(o.id(), Map.of()).values(), locale))
			.toList();
	}

	private ObjectiveStats stats(String moduleId, Objective objective, Collection<Tally> tallies, Locale locale) {
		String text = content.resolve(moduleId, objective.text(), locale).text();
		List<Tally> answered = tallies.stream().filter((t) -> t.answered).toList();
		if (answered.isEmpty()) {
			return new ObjectiveStats(objective.id(), text, 0, null, null);
		}
		long mastered = answered.stream().filter(Tally::mastered).count();
		double meanCredit = answered.stream().mapToDouble(Tally::meanCredit).average().orElseThrow();
		return new ObjectiveStats(objective.id(), text, answered.size(), 100.0 * mastered / answered.size(),
				100.0 * meanCredit);
	}

	/** One cadet's drawn questions of one objective. */
	private static final class Tally {

		private BigDecimal credit = BigDecimal.ZERO;

		private int drawn;

		private boolean answered;

		void add(DrawnRow row) {
			drawn++;
			answered |= row.answered();
			if (row.credit() != null) {
				credit = credit.add(row.credit());
			}
		}

		// Compared exactly (credits are stored as decimals), so a mean of exactly 0.8
		// masters.
		boolean mastered() {
			return credit.compareTo(THRESHOLD.multiply(BigDecimal.valueOf(drawn))) >= 0;
		}

		double meanCredit() {
			return credit.doubleValue() / drawn;
		}

	}

}
