package org.lepha.academy.cohorts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.lepha.academy.audit.AuditAction;
import org.lepha.academy.audit.AuditLog;
import org.lepha.academy.base.text.RandomCodes;
import org.lepha.academy.base.text.SafeNames;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.cohorts.internal.CohortRepository;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.security.UserAccountService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Academies, cohorts, enrolment and assignments. Trainers see and change only the cohorts
 * they are assigned to; administrators see all. Checked here, per object, not only in the
 * views. Enrolment history is kept: moving or withdrawing a cadet ends an enrolment,
 * never deletes it.
 */
@Service
public class CohortService {

	private static final String CODE_ALPHABET = RandomCodes.UNAMBIGUOUS;

	private final CohortRepository cohorts;

	private final AuditLog audit;

	private final Clock clock;

	private final ContentCatalog content;

	private final ApplicationEventPublisher events;

	public CohortService(CohortRepository cohorts, AuditLog audit, Clock clock, ContentCatalog content,
			ApplicationEventPublisher events) {
		this.cohorts = cohorts;
		this.audit = audit;
		this.clock = clock;
		this.content = content;
		this.events = events;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public Academy createAcademy(String name) {
		return cohorts.findAcademy(cohorts.insertAcademy(SafeNames.requireSafe(name, TextLimits.NAME))).orElseThrow();
	}

	/**
	 * Academies the caller may open cohorts in: all for an administrator, a trainer's
	 * own.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<Academy> academiesForNewCohorts(Long ownAcademyId) {
		List<Academy> all = cohorts.academies();
		return isAdmin() ? all : all.stream().filter((a) -> ownAcademyId != null && a.id() == ownAcademyId).toList();
	}

	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public CohortSummary createCohort(NewCohort cohort) {
		if (cohort.name() == null || cohort.name().isBlank()) {
			throw new CohortException("cohort.error.nameRequired");
		}
		if (cohort.endDate() != null && cohort.startDate() != null && cohort.endDate().isBefore(cohort.startDate())) {
			throw new CohortException("cohort.error.endBeforeStart");
		}
		// Cohort names are printed on certificates: no characters that reorder or hide
		// text.
		NewCohort normalized = new NewCohort(cohort.academyId(), SafeNames.requireSafe(cohort.name(), TextLimits.NAME),
				cohort.startDate(), cohort.endDate(), cohort.trainerIds());
		if (!isAdmin()) {
			// The view offers a trainer only their own academy; the service must not
			// trust
			// the academy id it is given.
			Long own = cohorts.academyOf(UserAccountService.requireCurrentUserId());
			if (own == null || own != cohort.academyId()) {
				throw new AccessDeniedException("Not your academy");
			}
			// A trainer's new cohort always includes the trainer, so they never lock
			// themselves out.
			var trainers = new java.util.LinkedHashSet<>(cohort.trainerIds());
			trainers.add(UserAccountService.requireCurrentUserId());
			normalized = new NewCohort(cohort.academyId(), normalized.name(), cohort.startDate(), cohort.endDate(),
					trainers);
		}
		CohortSummary created = cohorts.find(cohorts.insertCohort(normalized)).orElseThrow();
		audit.record(AuditAction.COHORT_CREATED, "cohort", created.id(), created.name());
		return created;
	}

	/** The cohorts the caller runs (all of them for an administrator). */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<CohortSummary> myCohorts() {
		return isAdmin() ? cohorts.all() : cohorts.forTrainer(UserAccountService.requireCurrentUserId());
	}

	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public CohortSummary cohort(long cohortId) {
		requireAccess(cohortId);
		return cohorts.find(cohortId).orElseThrow(() -> new AccessDeniedException("No such cohort"));
	}

	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<EnrolledCadet> cadets(long cohortId) {
		requireAccess(cohortId);
		return cohorts.activeCadets(cohortId);
	}

	/** Enrols a cadet; a cadet is in at most one cohort at a time. */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public void enrol(long cohortId, long cadetUserId) {
		requireAccess(cohortId);
		// Only cadets, and for a trainer only the cadets of the cohort's academy:
		// otherwise a trainer could enrol any account and then read its progress through
		// the cohort.
		Long academy = isAdmin() ? null
				: cohorts.find(cohortId)
					.map(CohortSummary::academyId)
					.orElseThrow(() -> new AccessDeniedException("No such cohort"));
		if (!cohorts.isCadet(cadetUserId, academy)) {
			throw new AccessDeniedException("No such cadet");
		}
		if (cohorts.activeCohortOf(cadetUserId).isPresent()) {
			throw new CohortException("cohort.error.alreadyEnrolled");
		}
		cohorts.enrol(cohortId, cadetUserId, UserAccountService.currentUserId().orElse(null));
		audit.record(AuditAction.ENROLMENT, "cohort", cohortId, "user " + cadetUserId);
		events.publishEvent(new CadetEnrolled(cadetUserId, cohortId));
	}

	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public void withdraw(long cohortId, long cadetUserId) {
		requireAccess(cohortId);
		if (!cohorts.endEnrolment(cohortId, cadetUserId, "WITHDRAWN",
				UserAccountService.currentUserId().orElse(null))) {
			throw new CohortException("cohort.error.notEnrolled");
		}
		audit.record(AuditAction.WITHDRAWAL, "cohort", cohortId, "user " + cadetUserId);
	}

	/** Moves a cadet to another cohort; the caller must run both. */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public void move(long fromCohortId, long toCohortId, long cadetUserId) {
		requireAccess(fromCohortId);
		requireAccess(toCohortId);
		if (fromCohortId == toCohortId) {
			return;
		}
		Long actor = UserAccountService.currentUserId().orElse(null);
		if (!cohorts.endEnrolment(fromCohortId, cadetUserId, "MOVED", actor)) {
			throw new CohortException("cohort.error.notEnrolled");
		}
		cohorts.enrol(toCohortId, cadetUserId, actor);
		audit.record(AuditAction.MOVE, "user", cadetUserId, "cohort " + fromCohortId + " -> " + toCohortId);
		events.publishEvent(new CadetEnrolled(cadetUserId, toCohortId));
	}

	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<EnrolmentRecord> enrolmentHistory(long cohortId, long cadetUserId) {
		requireAccess(cohortId);
		List<EnrolmentRecord> history = cohorts.history(cadetUserId);
		// Running one cohort must not reveal where any other cadet has been: only a cadet
		// who was ever in this cohort has a history here (the same answer as for an
		// unknown cohort).
		if (history.stream().noneMatch((r) -> r.cohortId() == cohortId)) {
			throw new AccessDeniedException("No such cadet");
		}
		return history;
	}

	/** Assigns a module (or changes its due date when already assigned). */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public void assign(long cohortId, String moduleId, LocalDate dueDate) {
		requireAccess(cohortId);
		Optional<Assignment> before = cohorts.assignment(cohortId, moduleId);
		if (content.module(moduleId).isEmpty()) {
			throw new CohortException("assignment.error.unknownModule");
		}
		cohorts.upsertAssignment(cohortId, moduleId, dueDate, UserAccountService.currentUserId().orElse(null));
		if (before.isEmpty()) {
			audit.record(AuditAction.ASSIGNMENT, "cohort", cohortId, moduleId + " due " + dueDate);
			events.publishEvent(new CohortAssignmentsChanged(cohortId));
		}
		else if (!java.util.Objects.equals(before.get().dueDate(), dueDate)) {
			audit.record(AuditAction.DUE_DATE_CHANGED, "cohort", cohortId,
					moduleId + " due " + before.get().dueDate() + " -> " + dueDate);
		}
	}

	/**
	 * Modules a trainer can assign: every served module, titled in the trainer's
	 * language.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	public List<AssignableModule> assignableModules(java.util.Locale locale) {
		return content.modules()
			.stream()
			.map((m) -> new AssignableModule(m.id(), content.resolve(m.id(), m.title(), locale).text()))
			.toList();
	}

	/** A module as offered for assignment. */
	public record AssignableModule(String moduleId, String title) {
	}

	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public void unassign(long cohortId, String moduleId) {
		requireAccess(cohortId);
		if (cohorts.deleteAssignment(cohortId, moduleId)) {
			audit.record(AuditAction.ASSIGNMENT_REMOVED, "cohort", cohortId, moduleId);
			events.publishEvent(new CohortAssignmentsChanged(cohortId));
		}
	}

	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<Assignment> assignments(long cohortId) {
		requireAccess(cohortId);
		return cohorts.assignments(cohortId);
	}

	/** The modules assigned to the signed-in cadet's cohort. */
	@PreAuthorize("hasRole('CADET')")
	@Transactional(readOnly = true)
	public List<Assignment> myAssignments() {
		return cohorts.activeCohortOf(UserAccountService.requireCurrentUserId())
			.map(cohorts::assignments)
			.orElse(List.of());
	}

	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public JoinCode joinCode(long cohortId) {
		requireAccess(cohortId);
		return cohorts.joinCode(cohortId);
	}

	/**
	 * Turns self-enrolment on with a fresh code (valid until {@code expiresAt}, or
	 * without end when null), or off.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public JoinCode setJoinCode(long cohortId, boolean enabled, Instant expiresAt) {
		requireAccess(cohortId);
		JoinCode current = cohorts.joinCode(cohortId);
		String code = enabled && current.code() == null ? newCode() : current.code();
		JoinCode updated = new JoinCode(code, enabled, expiresAt);
		cohorts.updateJoinCode(cohortId, updated);
		audit.record(AuditAction.JOIN_CODE_CHANGED, "cohort", cohortId,
				enabled ? "enabled until " + expiresAt : "disabled");
		return updated;
	}

	/** A signed-in cadet enrols themselves with a cohort's join code. */
	@PreAuthorize("hasRole('CADET')")
	@Transactional
	public CohortSummary joinWithCode(String code) {
		String normalized = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
		long cadet = UserAccountService.requireCurrentUserId();
		long cohortId = cohorts.cohortByJoinCode(normalized)
			.filter((id) -> cohorts.joinCode(id).usableAt(clock.instant()))
			.orElseThrow(() -> new CohortException("join.error.invalid"));
		if (cohorts.activeCohortOf(cadet).isPresent()) {
			throw new CohortException("cohort.error.alreadyEnrolled");
		}
		cohorts.enrol(cohortId, cadet, cadet);
		audit.record(AuditAction.ENROLMENT, "cohort", cohortId, "user " + cadet + " with join code");
		events.publishEvent(new CadetEnrolled(cadet, cohortId));
		return cohorts.find(cohortId).orElseThrow();
	}

	/**
	 * Refuses a caller who does not run the cohort; the same answer whether or not it
	 * exists.
	 */
	public void requireAccess(long cohortId) {
		if (!isAdmin() && !cohorts.isTrainerOf(cohortId, UserAccountService.requireCurrentUserId())) {
			throw new AccessDeniedException("No such cohort");
		}
	}

	private static String newCode() {
		return RandomCodes.of(CODE_ALPHABET, 8);
	}

	private static boolean isAdmin() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch((a) -> "ROLE_ADMIN".equals(a.getAuthority()));
	}

}
