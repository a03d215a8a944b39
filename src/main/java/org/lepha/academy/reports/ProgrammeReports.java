package org.lepha.academy.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.certificates.Certificate;
import org.lepha.academy.certificates.CertificateService;
import org.lepha.academy.certificates.CohortCertificates;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CadetOutcomes;
import org.lepha.academy.cohorts.CadetOutcomes.CohortOutcomes;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.cohorts.CourseEvaluationResults;
import org.lepha.academy.cohorts.CourseEvaluationResults.ModuleResults;
import org.lepha.academy.cohorts.ObjectiveMastery;
import org.lepha.academy.cohorts.ObjectiveMastery.ObjectiveStats;
import org.lepha.academy.reports.ProgrammeReport.ModuleFigures;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.reports.internal.ReportCalculator;
import org.lepha.academy.reports.internal.ReportLabels;
import org.lepha.academy.reports.internal.ReportPdf;
import org.lepha.academy.reports.internal.ReportXlsx;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Programme reports (issue 21, decision 0018) for a cohort, for its trainers and
 * administrators, and for an academy: administrators get every cohort of it, a trainer
 * only the cohorts they run there (the academy has no trainers of its own, so a trainer's
 * academy report is the part they are responsible for). Who may see a cohort is decided
 * by {@link CohortService#requireAccess(long)}, as for every other trainer analysis.
 */
@Service
public class ProgrammeReports {

	private final CohortService cohorts;

	private final CadetOutcomes outcomes;

	private final CertificateService certificates;

	private final ContentCatalog content;

	private final CourseEvaluationResults evaluations;

	private final ObjectiveMastery mastery;

	private final UiTranslationProvider strings;

	private final LocalizedFormats formats;

	private final Clock clock;

	public ProgrammeReports(CohortService cohorts, CadetOutcomes outcomes, CertificateService certificates,
			ContentCatalog content, CourseEvaluationResults evaluations, ObjectiveMastery mastery,
			UiTranslationProvider strings, LocalizedFormats formats, Clock clock) {
		this.cohorts = cohorts;
		this.outcomes = outcomes;
		this.certificates = certificates;
		this.content = content;
		this.evaluations = evaluations;
		this.mastery = mastery;
		this.strings = strings;
		this.formats = formats;
		this.clock = clock;
	}

	/** A cohort's report, module titles in the language. */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public ProgrammeReport cohortReport(long cohortId, Locale locale) {
		CohortSummary cohort = this.cohorts.cohort(cohortId);
		return report(cohort.name(), false, List.of(cohort), locale, this.evaluations.results(cohortId, locale));
	}

	/**
	 * An academy's report over the cohorts of it the caller runs (all for an
	 * administrator).
	 * @throws AccessDeniedException when the caller runs none (or there is no such
	 * academy: the same answer)
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public ProgrammeReport academyReport(long academyId, Locale locale) {
		List<CohortSummary> own = this.cohorts.myCohorts().stream().filter((c) -> c.academyId() == academyId).toList();
		if (own.isEmpty()) {
			throw new AccessDeniedException("No such academy");
		}
		// Answers pooled over an academy's cohorts are for administrators only (decision
		// 0017); a trainer finds them in each of their cohorts' reports.
		return report(own.get(0).academyName(), true, own, locale,
				isAdmin() ? this.evaluations.academyResults(academyId, locale) : null);
	}

	/** The academies the caller can report on: those of the cohorts they run. */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<Academy> academies() {
		Map<Long, Academy> academies = new LinkedHashMap<>();
		this.cohorts.myCohorts()
			.forEach((c) -> academies.putIfAbsent(c.academyId(), new Academy(c.academyId(), c.academyName())));
		return academies.values().stream().sorted(java.util.Comparator.comparing(Academy::name)).toList();
	}

	/** The report as an XLSX workbook, a sheet per section, headed in the language. */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	public byte[] xlsx(ProgrammeReport report, Locale locale) {
		return ReportXlsx.write(report, labels(locale));
	}

	/** The report as a printable A4 PDF in the language, with its charts as vectors. */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	public byte[] pdf(ProgrammeReport report, Locale locale) {
		return ReportPdf.write(report, labels(locale));
	}

	private ReportLabels labels(Locale locale) {
		return new ReportLabels(locale, this.formats,
				(key, arguments) -> this.strings.getTranslation(key, locale, arguments));
	}

	private static boolean isAdmin() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch((a) -> "ROLE_ADMIN".equals(a.getAuthority()));
	}

	private ProgrammeReport report(String name, boolean academy, List<CohortSummary> cohortList, Locale locale,
			@Nullable List<ModuleResults> evaluation) {
		List<CohortOutcomes> all = new ArrayList<>();
		Map<Long, Set<String>> certified = new HashMap<>();
		for (CohortSummary cohort : cohortList) {
			all.add(this.outcomes.outcomes(cohort.id()));
			for (CohortCertificates cadet : this.certificates.cohortCertificates(cohort.id())) {
				for (Certificate certificate : cadet.certificates()) {
					if (!certificate.revoked() && certificate.kind() == Certificate.Kind.MODULE) {
						certified.computeIfAbsent(cadet.userId(), (k) -> new HashSet<>()).add(certificate.subject());
					}
				}
			}
		}
		LocalDate start = cohortList.stream()
			.map(CohortSummary::startDate)
			.filter(Objects::nonNull)
			.min(LocalDate::compareTo)
			.orElse(null);
		LocalDate end = cohortList.stream()
			.map(CohortSummary::endDate)
			.filter(Objects::nonNull)
			.max(LocalDate::compareTo)
			.orElse(null);
		ProgrammeReport report = ReportCalculator.calculate(name, academy, start, end, this.clock.instant(), all,
				certified,
				(moduleId) -> this.content.module(moduleId)
					.map((m) -> this.content.resolve(moduleId, m.title(), locale).text())
					.orElse(moduleId),
				this.clock.getZone(), evaluation);
		return report.withObjectives(objectives(cohortList, report.modules(), locale));
	}

	/**
	 * Objective mastery as the analysis tab counts it, per cohort, added up over the
	 * report's cohorts: cadets and cadets who mastered it (the per-cohort share times its
	 * cadets is a whole number of cadets).
	 */
	private List<ObjectiveFigures> objectives(List<CohortSummary> cohortList, List<ModuleFigures> modules,
			Locale locale) {
		List<ObjectiveFigures> figures = new ArrayList<>();
		for (ModuleFigures module : modules) {
			if (this.content.module(module.moduleId()).isEmpty()) {
				continue;
			}
			Map<String, String> texts = new LinkedHashMap<>();
			Map<String, int[]> counts = new HashMap<>();
			for (CohortSummary cohort : cohortList) {
				for (ObjectiveStats stats : this.mastery.mastery(cohort.id(), module.moduleId(), locale)) {
					texts.putIfAbsent(stats.objectiveId(), stats.text());
					int[] count = counts.computeIfAbsent(stats.objectiveId(), (k) -> new int[2]);
					count[0] += stats.cadets();
					if (stats.percentMastered() != null) {
						count[1] += (int) Math.round(stats.percentMastered() * stats.cadets() / 100);
					}
				}
			}
			texts.forEach((objectiveId, text) -> {
				int[] count = counts.get(objectiveId);
				Double share = (count[0] < ProgrammeReport.MINIMUM_GROUP) ? null : (double) count[1] / count[0];
				figures
					.add(new ObjectiveFigures(module.moduleId(), module.title(), objectiveId, text, count[0], share));
			});
		}
		return figures;
	}

}
