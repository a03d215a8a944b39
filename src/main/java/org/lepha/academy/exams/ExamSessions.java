package org.lepha.academy.exams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.base.text.RandomCodes;
import org.lepha.academy.audit.AuditAction;
import org.lepha.academy.audit.AuditLog;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Module;
import org.lepha.academy.exams.internal.ExamSessionRepository;
import org.lepha.academy.exams.internal.ExamSessionRepository.MonitorRow;
import org.lepha.academy.exams.internal.ExamSessionRepository.StoredSession;
import org.lepha.academy.learning.ExamAttempts;
import org.lepha.academy.security.UserAccountService;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A trainer's exam sessions: open one for a cohort and a module (now or later, with an
 * end, optionally an access code), watch it live, give a cadet extra time, reopen an
 * attempt after a technical failure, close it early. Trainers of the cohort and
 * administrators only, checked here per cohort as {@link CohortService} does; every
 * accommodation is audited (decision 0014).
 */
@Service
public class ExamSessions {

	/** No I, O, 0 or 1: read from a projector, they are mistaken for each other. */
	static final String CODE_ALPHABET = RandomCodes.UNAMBIGUOUS;

	static final int CODE_LENGTH = 6;

	/** Answering but not seen for longer than this: shown as away. */
	static final Duration AWAY_AFTER = Duration.ofSeconds(60);

	/** The most extra minutes one grant or reopening may give. */
	static final int MAX_MINUTES = 600;

	private final ExamSessionRepository sessions;

	private final ExamAttempts attempts;

	private final CohortService cohorts;

	private final ContentCatalog content;

	private final AuditLog audit;

	private final Clock clock;

	public ExamSessions(ExamSessionRepository sessions, ExamAttempts attempts, CohortService cohorts,
			ContentCatalog content, AuditLog audit, Clock clock) {
		this.sessions = sessions;
		this.attempts = attempts;
		this.cohorts = cohorts;
		this.content = content;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Opens a session and prepares an attempt for every active cadet who can take one, so
	 * that the moment it opens costs each cadet one UPDATE instead of a draw and an
	 * INSERT.
	 * @param opensAt null (or a past instant) for now
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public ExamSession open(long cohortId, String moduleId, @Nullable Instant opensAt, Instant closesAt,
			boolean withAccessCode) {
		cohorts.requireAccess(cohortId);
		Module module = content.module(moduleId).orElseThrow(() -> new ExamException("exam.error.noSuchModule"));
		Instant now = clock.instant();
		Instant opens = opensAt == null || opensAt.isBefore(now) ? now : opensAt;
		if (!closesAt.isAfter(opens)) {
			throw new ExamException("exam.error.closesBeforeOpens");
		}
		if (sessions.hasUnended(cohortId, module.id(), now)) {
			throw new ExamException("exam.error.alreadyScheduled");
		}
		String code = withAccessCode ? newCode() : null;
		long id = sessions.insert(cohortId, module.id(), opens, closesAt, code,
				UserAccountService.currentUserId().orElse(null));
		int prepared = attempts.prepare(id, module.id(), sessions.activeCadets(cohortId));
		audit.record(AuditAction.EXAM_SESSION_OPENED, "exam_session", id,
				"cohort " + cohortId + ", module " + module.id() + ", " + opens + " to " + closesAt
						+ (code == null ? "" : ", with access code") + ", attempts prepared " + prepared);
		return toSession(sessions.find(id).orElseThrow(), now);
	}

	/** The cohort's sessions, newest first. */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<ExamSession> sessions(long cohortId) {
		cohorts.requireAccess(cohortId);
		Instant now = clock.instant();
		return sessions.forCohort(cohortId).stream().map((s) -> toSession(s, now)).toList();
	}

	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public ExamSession session(long sessionId) {
		return toSession(stored(sessionId), clock.instant());
	}

	/**
	 * Every active cadet's state, counted: one query for the roster and the attempts, the
	 * last-seen instants from memory.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public ExamMonitor monitor(long sessionId) {
		StoredSession stored = stored(sessionId);
		Instant now = clock.instant();
		List<MonitorRow> rows = sessions.monitor(sessionId, stored.cohortId());
		Map<Long, Instant> seen = attempts
			.lastSeen(rows.stream().map(MonitorRow::attemptId).filter(Objects::nonNull).toList());
		int drawCount = content.module(stored.moduleId()).map((m) -> m.quiz().drawCount()).orElse(0);
		List<CadetState> cadets = new ArrayList<>();
		int[] counts = new int[ExamCadetStatus.values().length];
		for (MonitorRow row : rows) {
			Instant started = row.startedAt();
			Instant lastSeen = null;
			ExamCadetStatus status;
			if (row.attemptId() == null || started == null) {
				status = ExamCadetStatus.NOT_STARTED;
			}
			else if (row.submittedAt() != null || (row.deadline() != null && now.isAfter(row.deadline()))) {
				status = ExamCadetStatus.SUBMITTED;
			}
			else {
				Instant heard = seen.get(row.attemptId());
				lastSeen = heard != null && heard.isAfter(started) ? heard : started;
				status = Duration.between(lastSeen, now).compareTo(AWAY_AFTER) > 0 ? ExamCadetStatus.AWAY
						: ExamCadetStatus.ANSWERING;
			}
			if (status == ExamCadetStatus.SUBMITTED) {
				Instant heard = row.attemptId() == null ? null : seen.get(row.attemptId());
				lastSeen = heard != null ? heard : row.submittedAt();
			}
			counts[status.ordinal()]++;
			cadets.add(new CadetState(row.cadetId(), row.fullName(), status, row.answered(),
					row.attemptId() == null ? drawCount : row.questions(), row.extraMinutes(),
					started == null ? null : row.deadline(), lastSeen));
		}
		return new ExamMonitor(toSession(stored, now), counts[ExamCadetStatus.NOT_STARTED.ordinal()],
				counts[ExamCadetStatus.ANSWERING.ordinal()], counts[ExamCadetStatus.SUBMITTED.ordinal()],
				counts[ExamCadetStatus.AWAY.ordinal()], cadets);
	}

	/**
	 * Extra minutes for one cadet in this session: added to a started attempt's deadline
	 * now, or to the time limit and the window's end when the cadet starts later.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public void giveExtraTime(long sessionId, long cadetId, int minutes) {
		StoredSession stored = stored(sessionId);
		requireMinutes(minutes);
		requireCadet(stored, cadetId);
		sessions.addExtraMinutes(sessionId, cadetId, minutes);
		boolean running = attempts.extendDeadline(sessionId, cadetId, minutes);
		audit.record(AuditAction.EXAM_EXTRA_TIME, "exam_session", sessionId, "user " + cadetId + ", +" + minutes
				+ " min" + (running ? ", running attempt extended" : ", applies when the attempt starts"));
	}

	/**
	 * Opens the cadet's submitted or timed-out attempt again with its answers, until now
	 * + minutes; its grade is cleared and given again on submission. Certificates already
	 * issued stay as they are.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public void reopenAttempt(long sessionId, long cadetId, int minutes) {
		StoredSession stored = stored(sessionId);
		requireMinutes(minutes);
		requireCadet(stored, cadetId);
		Instant deadline = clock.instant().plus(Duration.ofMinutes(minutes));
		if (!attempts.reopen(sessionId, cadetId, deadline)) {
			throw new ExamException("exam.error.nothingToReopen");
		}
		audit.record(AuditAction.EXAM_ATTEMPT_REOPENED, "exam_session", sessionId,
				"user " + cadetId + ", open until " + deadline);
	}

	/**
	 * Ends the session now: every open attempt is graded with the answers given so far,
	 * attempts prepared but never started are dropped.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public void closeEarly(long sessionId) {
		stored(sessionId);
		if (!sessions.closeNow(sessionId, clock.instant())) {
			throw new ExamException("exam.error.alreadyClosed");
		}
		int graded = attempts.gradeOpen(sessionId);
		int discarded = attempts.discardPrepared(sessionId);
		audit.record(AuditAction.EXAM_SESSION_CLOSED_EARLY, "exam_session", sessionId,
				"open attempts graded " + graded + ", prepared attempts dropped " + discarded);
	}

	/** The session, if the caller runs its cohort; the same refusal whether it exists. */
	private StoredSession stored(long sessionId) {
		StoredSession stored = sessions.find(sessionId)
			.orElseThrow(() -> new AccessDeniedException("No such exam session"));
		cohorts.requireAccess(stored.cohortId());
		return stored;
	}

	private void requireCadet(StoredSession session, long cadetId) {
		if (!sessions.isActiveCadet(session.cohortId(), cadetId)) {
			throw new ExamException("exam.error.notInCohort");
		}
	}

	private static void requireMinutes(int minutes) {
		if (minutes < 1 || minutes > MAX_MINUTES) {
			throw new ExamException("exam.error.minutes");
		}
	}

	private static ExamSession toSession(StoredSession s, Instant now) {
		ExamPhase phase = s.closedEarlyAt() != null || !now.isBefore(s.closesAt()) ? ExamPhase.CLOSED
				: now.isBefore(s.opensAt()) ? ExamPhase.SCHEDULED : ExamPhase.OPEN;
		return new ExamSession(s.id(), s.cohortId(), s.moduleId(), s.opensAt(), s.closesAt(), s.accessCode(),
				s.closedEarlyAt(), phase);
	}

	private static String newCode() {
		return RandomCodes.of(CODE_ALPHABET, CODE_LENGTH);
	}

	/**
	 * The cohort's assigned modules, titled in the given language: what a session can be
	 * opened for (the exam screens; added by examui).
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<ExamModule> modules(long cohortId, java.util.Locale locale) {
		java.util.Set<String> assigned = new java.util.HashSet<>();
		cohorts.assignments(cohortId).forEach((a) -> assigned.add(a.moduleId()));
		return cohorts.assignableModules(locale)
			.stream()
			.filter((m) -> assigned.contains(m.moduleId()))
			.map((m) -> new ExamModule(m.moduleId(), m.title()))
			.toList();
	}

}
