package org.lepha.academy.cohorts;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lepha.academy.cohorts.internal.CohortAnalyticsRepository;
import org.lepha.academy.cohorts.internal.CohortAnalyticsRepository.ScoreRow;
import org.lepha.academy.cohorts.internal.CohortRepository;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Module;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Knowledge gain of a cohort in modules with a pre-test. Over the active cadets who
 * submitted both a pre-test and a post-test: the average pre-test score (the first
 * submitted pre-test), the average post-test score (each cadet's best submitted
 * post-test) and their difference in percentage points. Cadets with only one of the two
 * are left out, so both averages describe the same people.
 */
@Service
public class KnowledgeGain {

	/**
	 * One module's figures; the averages and the gain are null when no cadet took both
	 * tests.
	 */
	public record ModuleGain(String moduleId, String title, int cadets, Double preAverage, Double postAverage,
			Double gain) {
	}

	private final CohortService cohorts;

	private final CohortRepository repository;

	private final CohortAnalyticsRepository analytics;

	private final ContentCatalog content;

	public KnowledgeGain(CohortService cohorts, CohortRepository repository, CohortAnalyticsRepository analytics,
			ContentCatalog content) {
		this.cohorts = cohorts;
		this.repository = repository;
		this.analytics = analytics;
		this.content = content;
	}

	/** The gain in every assigned module that has a pre-test, in assignment order. */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<ModuleGain> gains(long cohortId, Locale locale) {
		cohorts.requireAccess(cohortId);
		return repository.assignments(cohortId)
			.stream()
			.map((a) -> content.module(a.moduleId()))
			.flatMap(Optional::stream)
			.filter((m) -> m.quiz().preTestDrawCount() != null)
			.map((m) -> gain(cohortId, m, locale))
			.toList();
	}

	/** The gain in one module, empty when the module has no pre-test. */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public Optional<ModuleGain> gain(long cohortId, String moduleId, Locale locale) {
		cohorts.requireAccess(cohortId);
		return content.module(moduleId)
			.filter((m) -> m.quiz().preTestDrawCount() != null)
			.map((m) -> gain(cohortId, m, locale));
	}

	private ModuleGain gain(long cohortId, Module module, Locale locale) {
		Map<Long, Integer> pre = new HashMap<>();
		Map<Long, Integer> post = new HashMap<>();
		// Rows come ordered by user, kind and attempt number.
		for (ScoreRow row : analytics.submittedScores(cohortId, module.id())) {
			switch (row.kind()) {
				case PRE -> pre.putIfAbsent(row.userId(), row.scorePercent());
				case POST -> post.merge(row.userId(), row.scorePercent(), Math::max);
			}
		}
		List<Long> paired = pre.keySet().stream().filter(post::containsKey).toList();
		String title = content.resolve(module.id(), module.title(), locale).text();
		if (paired.isEmpty()) {
			return new ModuleGain(module.id(), title, 0, null, null, null);
		}
		double preAverage = paired.stream().mapToInt(pre::get).average().orElseThrow();
		double postAverage = paired.stream().mapToInt(post::get).average().orElseThrow();
		return new ModuleGain(module.id(), title, paired.size(), preAverage, postAverage, postAverage - preAverage);
	}

}
