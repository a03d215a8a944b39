package org.lepha.academy.cohorts;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.lepha.academy.cohorts.internal.CohortAnalyticsRepository;
import org.lepha.academy.cohorts.internal.CohortRepository;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.learning.ModuleStatus;
import org.lepha.academy.learning.ProgressReport;
import org.lepha.academy.learning.ProgressReport.CadetModuleProgress;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A cohort's progress and quiz results as tables for CSV or XLSX download. The caller
 * passes the trainer's language and a translator for headers and labels (keys
 * {@code export.*} and {@code status.*}), so the service needs no UI.
 */
@Service
public class CohortExports {

	/** Every label key the exports ask their translator for. */
	public static final List<String> LABEL_KEYS = List.of("export.cadet", "export.username", "export.module",
			"export.status", "export.bestScore", "export.completedAt", "export.dueDate", "export.overdue",
			"export.attempt", "export.score", "export.passed", "export.submittedAt", "export.yes", "export.no",
			"status.NOT_STARTED", "status.IN_PROGRESS", "status.COMPLETED");

	private final CohortService cohorts;

	private final CohortRepository repository;

	private final CohortAnalyticsRepository analytics;

	private final ProgressReport report;

	private final ContentCatalog content;

	public CohortExports(CohortService cohorts, CohortRepository repository, CohortAnalyticsRepository analytics,
			ProgressReport report, ContentCatalog content) {
		this.cohorts = cohorts;
		this.repository = repository;
		this.analytics = analytics;
		this.report = report;
		this.content = content;
	}

	/**
	 * One row per active cadet and assigned module: status, best post-test score,
	 * completion time, due date and whether it is overdue.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public ExportTable progress(long cohortId, Locale locale, Function<String, String> labels, LocalDate today,
			ZoneId zone) {
		cohorts.requireAccess(cohortId);
		List<Assignment> assignments = repository.assignments(cohortId);
		List<EnrolledCadet> cadets = repository.activeCadets(cohortId);
		Map<Long, Map<String, CadetModuleProgress>> progress = report.progress(
				cadets.stream().map(EnrolledCadet::userId).toList(),
				assignments.stream().map(Assignment::moduleId).toList());
		Map<String, String> titles = titles(locale);
		List<List<Object>> rows = new ArrayList<>();
		for (EnrolledCadet cadet : cadets) {
			for (Assignment assignment : assignments) {
				CadetModuleProgress p = progress.getOrDefault(cadet.userId(), Map.of()).get(assignment.moduleId());
				ModuleStatus status = p == null ? ModuleStatus.NOT_STARTED : p.status();
				boolean overdue = assignment.isOverdue(today) && status != ModuleStatus.COMPLETED;
				rows.add(Arrays.asList(cadet.fullName(), cadet.username(),
						titles.getOrDefault(assignment.moduleId(), assignment.moduleId()),
						labels.apply("status." + status.name()), p == null ? null : p.bestScore(),
						p == null || p.completedAt() == null ? null
								: LocalDateTime.ofInstant(p.completedAt(), zone).withSecond(0).withNano(0),
						assignment.dueDate(), labels.apply(overdue ? "export.yes" : "export.no")));
			}
		}
		return new ExportTable(List
			.of("export.cadet", "export.username", "export.module", "export.status", "export.bestScore",
					"export.completedAt", "export.dueDate", "export.overdue")
			.stream()
			.map(labels)
			.toList(), rows);
	}

	/** Every submitted post-test attempt of the cohort's active cadets. */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public ExportTable quizResults(long cohortId, Locale locale, Function<String, String> labels, ZoneId zone) {
		cohorts.requireAccess(cohortId);
		Map<String, String> titles = titles(locale);
		List<List<Object>> rows = new ArrayList<>();
		for (CohortAnalyticsRepository.AttemptRow a : analytics.submittedPostAttempts(cohortId)) {
			rows.add(Arrays.asList(a.fullName(), a.username(), titles.getOrDefault(a.moduleId(), a.moduleId()),
					a.attemptNo(), a.scorePercent(),
					a.passed() == null ? null : labels.apply(a.passed() ? "export.yes" : "export.no"),
					LocalDateTime.ofInstant(a.submittedAt(), zone).withSecond(0).withNano(0)));
		}
		return new ExportTable(List
			.of("export.cadet", "export.username", "export.module", "export.attempt", "export.score", "export.passed",
					"export.submittedAt")
			.stream()
			.map(labels)
			.toList(), rows);
	}

	private Map<String, String> titles(Locale locale) {
		Map<String, String> titles = new HashMap<>();
		content.modules().forEach((m) -> titles.put(m.id(), content.resolve(m.id(), m.title(), locale).text()));
		return titles;
	}

}
