package org.lepha.academy.cohorts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.base.chart.ChartPoint;
import org.lepha.academy.cohorts.internal.CohortRepository;
import org.lepha.academy.cohorts.internal.OutcomeRepository;
import org.lepha.academy.cohorts.internal.OutcomeRepository.CompletionRow;
import org.lepha.academy.cohorts.internal.OutcomeRepository.TestRow;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each active cadet of a cohort achieved in each assigned module, with the cadet's
 * recorded sex: the raw material of programme reports (issue 21) and of the cohort page's
 * charts. Only for the cohort's trainers and administrators; the sex is only ever shown
 * aggregated (decision 0018).
 */
@Service
public class CadetOutcomes {

	/** An active cadet and their recorded sex ({@code null}: not recorded). */
	public record Cadet(long userId, @Nullable CadetSex sex) {
	}

	/**
	 * One cadet in one assigned module: when they completed it, their first pre-test and
	 * best post-test scores (null when not taken) and whether a post-test passed.
	 */
	public record Outcome(long userId, String moduleId, @Nullable Instant completedAt, @Nullable Integer firstPreScore,
			@Nullable Integer bestPostScore, boolean passed) {

		public boolean completed() {
			return this.completedAt != null;
		}

		public boolean postTestTaken() {
			return this.bestPostScore != null;
		}

	}

	/**
	 * A cohort's cadets, its assignments in order, and an outcome per cadet and module.
	 */
	public record CohortOutcomes(CohortSummary cohort, List<Assignment> assignments, List<Cadet> cadets,
			List<Outcome> outcomes) {
	}

	/** One module's completions and post-test passes over the cohort's active cadets. */
	public record ModuleResult(String moduleId, int cadets, int completed, int postTestTaken, int passed) {

		/** Passed over took the post-test, null when nobody took it. */
		public @Nullable Double passRate() {
			return (this.postTestTaken == 0) ? null : (double) this.passed / this.postTestTaken;
		}

	}

	private final CohortService cohorts;

	private final CohortRepository repository;

	private final OutcomeRepository outcomes;

	private final Clock clock;

	public CadetOutcomes(CohortService cohorts, CohortRepository repository, OutcomeRepository outcomes, Clock clock) {
		this.cohorts = cohorts;
		this.repository = repository;
		this.outcomes = outcomes;
		this.clock = clock;
	}

	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public CohortOutcomes outcomes(long cohortId) {
		CohortSummary cohort = this.cohorts.cohort(cohortId);
		List<Assignment> assignments = this.repository.assignments(cohortId);
		List<Cadet> cadets = this.outcomes.activeCadets(cohortId)
			.stream()
			.map((row) -> new Cadet(row.userId(), (row.sex() == null) ? null : CadetSex.valueOf(row.sex())))
			.toList();
		Map<String, Instant> completed = new HashMap<>();
		for (CompletionRow row : this.outcomes.completions(cohortId)) {
			completed.put(row.userId() + "/" + row.moduleId(), row.completedAt());
		}
		Map<String, TestRow> tests = new HashMap<>();
		for (TestRow row : this.outcomes.tests(cohortId)) {
			tests.put(row.userId() + "/" + row.moduleId(), row);
		}
		List<Outcome> result = new ArrayList<>();
		for (Cadet cadet : cadets) {
			for (Assignment assignment : assignments) {
				String key = cadet.userId() + "/" + assignment.moduleId();
				TestRow test = tests.get(key);
				result.add(new Outcome(cadet.userId(), assignment.moduleId(), completed.get(key),
						(test == null) ? null : test.firstPre(), (test == null) ? null : test.bestPost(),
						test != null && test.passed()));
			}
		}
		return new CohortOutcomes(cohort, assignments, cadets, result);
	}

	/** Per assigned module, in assignment order: completions and post-test passes. */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<ModuleResult> moduleResults(long cohortId) {
		CohortOutcomes all = outcomes(cohortId);
		return all.assignments().stream().map((a) -> {
			List<Outcome> module = all.outcomes().stream().filter((o) -> o.moduleId().equals(a.moduleId())).toList();
			return new ModuleResult(a.moduleId(), module.size(),
					(int) module.stream().filter(Outcome::completed).count(),
					(int) module.stream().filter(Outcome::postTestTaken).count(),
					(int) module.stream().filter(Outcome::passed).count());
		}).toList();
	}

	/**
	 * The share of (cadet, assigned module) pairs completed, after each day on which a
	 * completion happened; empty when nothing is completed or assigned.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<ChartPoint> completionOverTime(long cohortId) {
		return completionOverTime(outcomes(cohortId).outcomes(), this.clock.getZone());
	}

	/**
	 * The same from outcomes already read (of one cohort or several), days in the zone.
	 */
	public static List<ChartPoint> completionOverTime(List<Outcome> outcomes, ZoneId zone) {
		int pairs = outcomes.size();
		TreeMap<LocalDate, Integer> perDay = new TreeMap<>();
		for (Outcome outcome : outcomes) {
			if (outcome.completedAt() != null) {
				perDay.merge(LocalDate.ofInstant(outcome.completedAt(), zone), 1, Integer::sum);
			}
		}
		List<ChartPoint> points = new ArrayList<>();
		int total = 0;
		for (Map.Entry<LocalDate, Integer> day : perDay.entrySet()) {
			total += day.getValue();
			points.add(new ChartPoint(day.getKey(), (double) total / pairs));
		}
		return points;
	}

}
