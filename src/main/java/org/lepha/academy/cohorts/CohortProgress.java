package org.lepha.academy.cohorts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.lepha.academy.base.chart.ChartPoint;
import org.lepha.academy.cohorts.internal.CohortRepository;
import org.lepha.academy.learning.ModuleStatus;
import org.lepha.academy.learning.ProgressReport;
import org.lepha.academy.learning.ProgressReport.CadetModuleProgress;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trainer's progress matrix: cadets × assigned modules, paged from the database, with
 * a summary. Only for the cohort's trainers and administrators.
 */
@Service
public class CohortProgress {

	/** One cadet's row: their progress per assigned module and how many are overdue. */
	public record Row(EnrolledCadet cadet, Map<String, CadetModuleProgress> modules, int overdue) {
	}

	/** The matrix's summary line. */
	public record Summary(int cadets, int completionPercent, Double averageScore, int overdue) {
	}

	private final CohortService cohorts;

	private final CohortRepository repository;

	private final ProgressReport report;

	private final CadetOutcomes outcomes;

	public CohortProgress(CohortService cohorts, CohortRepository repository, ProgressReport report,
			CadetOutcomes outcomes) {
		this.cohorts = cohorts;
		this.repository = repository;
		this.report = report;
		this.outcomes = outcomes;
	}

	/**
	 * For the progress tab's chart: the share of assigned modules completed after each
	 * day with a completion.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<ChartPoint> completionOverTime(long cohortId) {
		return this.outcomes.completionOverTime(cohortId);
	}

	/** For the progress tab's chart: completions and post-test pass rate per module. */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<CadetOutcomes.ModuleResult> moduleResults(long cohortId) {
		return this.outcomes.moduleResults(cohortId);
	}

	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<Row> page(long cohortId, int offset, int limit, LocalDate today) {
		return page(cohortId, offset, limit, today, null, false);
	}

	/**
	 * A page of the matrix, sorted by cadet name, optionally filtered by (user) name.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<Row> page(long cohortId, int offset, int limit, LocalDate today, String nameFilter,
			boolean descending) {
		cohorts.requireAccess(cohortId);
		List<Assignment> assignments = repository.assignments(cohortId);
		List<EnrolledCadet> cadets = repository.activeCadetsPage(cohortId, offset, limit, nameFilter, descending);
		List<String> moduleIds = assignments.stream().map(Assignment::moduleId).toList();
		Map<Long, Map<String, CadetModuleProgress>> progress = report
			.progress(cadets.stream().map(EnrolledCadet::userId).toList(), moduleIds);
		return cadets.stream().map((cadet) -> {
			Map<String, CadetModuleProgress> row = progress.getOrDefault(cadet.userId(), Map.of());
			int overdue = (int) assignments.stream()
				.filter((a) -> a.isOverdue(today)
						&& (row.get(a.moduleId()) == null || row.get(a.moduleId()).status() != ModuleStatus.COMPLETED))
				.count();
			return new Row(cadet, row, overdue);
		}).toList();
	}

	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public int count(long cohortId) {
		return count(cohortId, null);
	}

	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public int count(long cohortId, String nameFilter) {
		cohorts.requireAccess(cohortId);
		return repository.activeCadetCount(cohortId, nameFilter);
	}

	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public Summary summary(long cohortId, LocalDate today) {
		cohorts.requireAccess(cohortId);
		List<Assignment> assignments = repository.assignments(cohortId);
		List<Long> cadetIds = repository.activeCadetIds(cohortId);
		List<String> moduleIds = assignments.stream().map(Assignment::moduleId).toList();
		ProgressReport.Totals totals = report.totals(cadetIds, moduleIds);
		List<String> overdueModules = assignments.stream()
			.filter((a) -> a.isOverdue(today))
			.map(Assignment::moduleId)
			.toList();
		long completedOverdue = overdueModules.isEmpty() ? 0 : report.totals(cadetIds, overdueModules).completed();
		int overdue = (int) ((long) cadetIds.size() * overdueModules.size() - completedOverdue);
		return new Summary(cadetIds.size(), totals.completionPercent(), totals.averageBestScore(), overdue);
	}

}
