package org.lepha.academy.exams;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.audit.AuditAction;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CadetDetails;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.learning.ExamWindows;
import org.lepha.academy.learning.GivenAnswer;
import org.lepha.academy.learning.LearningException;
import org.lepha.academy.learning.LearningService;
import org.lepha.academy.learning.ModuleStatus;
import org.lepha.academy.learning.ProgressReport;
import org.lepha.academy.learning.QuizService;
import org.lepha.academy.learning.QuizSession;
import org.lepha.academy.learning.internal.QuizPresence;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Exam sessions against the real database: the window and the access code gate the start,
 * attempts are prepared ahead and only flipped to started, accommodations move deadlines
 * and are audited, closing early grades, and the monitor tells who is where.
 */
@IntegrationTest
class ExamSessionsTests {

	private static final String MODULE = AcademyFixture.MODULE;

	/** The test module's time limit (quiz.yaml). */
	private static final Duration TIME_LIMIT = Duration.ofMinutes(20);

	@Autowired
	AcademyFixture fixture;

	@Autowired
	ExamSessions exams;

	@Autowired
	QuizService quizzes;

	@Autowired
	LearningService learning;

	@Autowired
	ProgressReport progress;

	@Autowired
	CadetDetails details;

	@Autowired
	QuizPresence presence;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	/** A cohort with the module assigned, its trainer and its cadets. */
	record Room(Academy academy, UserAccount trainer, CohortSummary cohort, List<UserAccount> cadets) {
	}

	private Room room(int cadets) {
		Academy academy = fixture.academy();
		UserAccount trainer = fixture.user(Role.TRAINER, academy, "Exam Trainer");
		CohortSummary cohort = fixture.cohort(academy, trainer);
		fixture.assignTheModule(cohort);
		List<UserAccount> enrolled = new java.util.ArrayList<>();
		for (int i = 0; i < cadets; i++) {
			UserAccount cadet = fixture.user(Role.CADET, academy, "Exam Cadet " + (char) ('A' + i));
			fixture.enrol(cohort, cadet);
			enrolled.add(cadet);
		}
		return new Room(academy, trainer, cohort, enrolled);
	}

	private ExamSession open(Room room, Instant opensAt, Instant closesAt, boolean code) {
		fixture.signInAs(room.trainer());
		try {
			return exams.open(room.cohort().id(), MODULE, opensAt, closesAt, code);
		}
		finally {
			AcademyFixture.signOut();
		}
	}

	private QuizSession start(UserAccount cadet, String code) {
		fixture.signInAs(cadet);
		try {
			return quizzes.startQuiz(MODULE, QuizKind.POST, Locale.ENGLISH, code);
		}
		finally {
			AcademyFixture.signOut();
		}
	}

	private void answerAllCorrectly(UserAccount cadet, QuizSession quiz) {
		fixture.signInAs(cadet);
		for (QuizSession.QuestionView question : quiz.questions()) {
			quizzes.saveAnswer(quiz.attemptId(), question.id(), AcademyFixture.CORRECT_ANSWERS.get(question.id()));
		}
		AcademyFixture.signOut();
	}

	private List<Long> attemptIds(long sessionId, UserAccount cadet) {
		return jdbc.sql("SELECT id FROM quiz_attempt WHERE exam_session_id = ? AND user_id = ? ORDER BY id")
			.params(sessionId, cadet.id())
			.query(Long.class)
			.list();
	}

	private int preparedCount(long sessionId) {
		return jdbc.sql("SELECT COUNT(*) FROM quiz_attempt WHERE exam_session_id = ? AND started_at IS NULL")
			.param(sessionId)
			.query(Integer.class)
			.single();
	}

	private List<String> auditActions(long sessionId) {
		return jdbc
			.sql("SELECT action FROM audit_event WHERE subject_type = 'exam_session' AND subject_id = ? ORDER BY id")
			.param(String.valueOf(sessionId))
			.query(String.class)
			.list();
	}

	private Instant deadline(long attemptId) {
		return jdbc.sql("SELECT deadline_at FROM quiz_attempt WHERE id = ?")
			.param(attemptId)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.single();
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	@Test
	void openingNowPreparesAnAttemptPerCadetThatTheStartOnlyFlips() {
		Room room = room(3);
		ExamSession session = open(room, null, now().plus(Duration.ofHours(1)), false);
		assertThat(session.phase()).isEqualTo(ExamPhase.OPEN);
		assertThat(session.accessCode()).isNull();
		assertThat(preparedCount(session.id())).isEqualTo(3);
		assertThat(auditActions(session.id())).containsExactly(AuditAction.EXAM_SESSION_OPENED.name());

		// A prepared attempt is not an attempt used, and shows nowhere in results.
		UserAccount cadet = room.cadets().getFirst();
		fixture.signInAs(cadet);
		var overview = learning.overview(MODULE, Locale.ENGLISH);
		assertThat(overview.quiz().attemptsUsed()).isZero();
		assertThat(overview.quiz().attemptsLeft()).isEqualTo(3);
		assertThat(overview.quiz().attemptOpen()).isFalse();
		AcademyFixture.signOut();
		fixture.signInAs(room.trainer());
		assertThat(progress.progress(List.of(cadet.id()), List.of(MODULE)).get(cadet.id()).get(MODULE).status())
			.isEqualTo(ModuleStatus.NOT_STARTED);
		assertThat(details.detail(room.cohort().id(), cadet.id()).quizAttempts()).isEmpty();
		AcademyFixture.signOut();

		List<Long> prepared = attemptIds(session.id(), cadet);
		// Its questions have not been shown: nothing can be answered before the start.
		fixture.signInAs(cadet);
		String someQuestion = AcademyFixture.CORRECT_ANSWERS.keySet().iterator().next();
		assertThatThrownBy(() -> quizzes.saveAnswer(prepared.getFirst(), someQuestion,
				AcademyFixture.CORRECT_ANSWERS.get(someQuestion)))
			.isInstanceOf(LearningException.class);
		AcademyFixture.signOut();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quiz_answer WHERE attempt_id = ?")
			.param(prepared.getFirst())
			.query(Integer.class)
			.single()).isZero();
		Instant before = now();
		QuizSession quiz = start(cadet, null);
		assertThat(attemptIds(session.id(), cadet)).as("no attempt inserted: the prepared one started")
			.isEqualTo(prepared)
			.containsExactly(quiz.attemptId());
		assertThat(quiz.questions()).hasSize(4);
		assertThat(quiz.deadline()).isBetween(before.plus(TIME_LIMIT), now().plus(TIME_LIMIT));
		assertThat(preparedCount(session.id())).isEqualTo(2);

		// Starting again resumes the same attempt.
		assertThat(start(cadet, null).attemptId()).isEqualTo(quiz.attemptId());
	}

	/**
	 * The exam-day start flips the prepared attempt without a transaction; two tabs
	 * pressing Start together must still start one attempt, and both show it.
	 */
	@Test
	void twoStartsOfTheSameCadetAtOnceStartOneAttemptThatBothShow() throws Exception {
		Room room = room(4);
		ExamSession session = open(room, null, now().plus(Duration.ofHours(1)), false);
		ExecutorService tabs = Executors.newFixedThreadPool(2);
		try {
			for (UserAccount cadet : room.cadets()) {
				List<Long> prepared = attemptIds(session.id(), cadet);
				CyclicBarrier together = new CyclicBarrier(2);
				Callable<Long> tab = () -> {
					together.await();
					return start(cadet, null).attemptId();
				};
				var first = tabs.submit(tab);
				var second = tabs.submit(tab);
				assertThat(first.get()).isEqualTo(second.get()).isEqualTo(prepared.getFirst());
				assertThat(attemptIds(session.id(), cadet)).as("no second attempt drawn").isEqualTo(prepared);
			}
		}
		finally {
			tabs.shutdownNow();
		}
		assertThat(preparedCount(session.id())).isZero();
	}

	@Test
	void aCadetEnrolledAfterTheOpeningGetsAnAttemptDrawnAtTheStartAndThePreTestIsNotGated() {
		Room room = room(1);
		Instant opens = now().plus(Duration.ofHours(1));
		ExamSession scheduled = open(room, opens, opens.plus(Duration.ofHours(1)), true);
		UserAccount late = fixture.user(Role.CADET, room.academy(), "Late Cadet");
		fixture.enrol(room.cohort(), late);
		assertThat(attemptIds(scheduled.id(), late)).as("nothing prepared for a later enrolment").isEmpty();

		// The pre-test is practice, not the exam: no window, no code.
		fixture.signInAs(late);
		QuizSession preTest = quizzes.startQuiz(MODULE, QuizKind.PRE, Locale.ENGLISH, null);
		assertThat(preTest.kind()).isEqualTo(QuizKind.PRE);
		AcademyFixture.signOut();
		assertThatThrownBy(() -> start(late, scheduled.accessCode())).hasMessage("exam.error.notOpen");

		fixture.signInAs(room.trainer());
		exams.closeEarly(scheduled.id());
		ExamSession opened = exams.open(room.cohort().id(), MODULE, null, now().plus(Duration.ofHours(1)), false);
		AcademyFixture.signOut();
		UserAccount later = fixture.user(Role.CADET, room.academy(), "Later Cadet");
		fixture.enrol(room.cohort(), later);
		QuizSession quiz = start(later, null);
		assertThat(attemptIds(opened.id(), later)).as("drawn and inserted at the start, tied to the session")
			.containsExactly(quiz.attemptId());
		assertThat(quiz.questions()).hasSize(4);
	}

	@Test
	void aScheduledSessionRefusesTheStartUntilItOpensAndAClosedOneAfter() {
		Room room = room(1);
		UserAccount cadet = room.cadets().getFirst();
		Instant opens = now().plus(Duration.ofHours(2));
		ExamSession scheduled = open(room, opens, opens.plus(Duration.ofHours(1)), false);
		assertThat(scheduled.phase()).isEqualTo(ExamPhase.SCHEDULED);
		assertThat(preparedCount(scheduled.id())).as("prepared when scheduled, before the burst").isEqualTo(1);

		fixture.signInAs(cadet);
		ExamWindows.ExamWindow window = quizzes.myExamWindow(MODULE).orElseThrow();
		assertThat(window.sessionId()).isEqualTo(scheduled.id());
		assertThat(window.opensAt()).isEqualTo(opens);
		assertThat(window.open()).isFalse();
		assertThat(window.needsAccessCode()).isFalse();
		AcademyFixture.signOut();
		assertThatThrownBy(() -> start(cadet, null)).isInstanceOf(LearningException.class)
			.hasMessage("exam.error.notOpen");

		// A second session for the module while this one has not ended is refused.
		assertThatThrownBy(() -> open(room, null, now().plus(Duration.ofHours(1)), false))
			.isInstanceOf(ExamException.class)
			.hasMessage("exam.error.alreadyScheduled");
		assertThatThrownBy(() -> open(room, opens, opens, false)).isInstanceOf(ExamException.class);

		fixture.signInAs(room.trainer());
		exams.closeEarly(scheduled.id());
		assertThat(exams.session(scheduled.id()).phase()).isEqualTo(ExamPhase.CLOSED);
		assertThat(exams.session(scheduled.id()).closedAt()).isNotNull();
		assertThatThrownBy(() -> exams.closeEarly(scheduled.id())).isInstanceOf(ExamException.class)
			.hasMessage("exam.error.alreadyClosed");
		AcademyFixture.signOut();
		assertThat(preparedCount(scheduled.id())).as("prepared attempts of a closed session are dropped").isZero();
		assertThatThrownBy(() -> start(cadet, null)).isInstanceOf(LearningException.class)
			.hasMessage("exam.error.closed");
	}

	@Test
	void theAccessCodeIsAskedForAndWrongCodesAreThrottledPerCadet() {
		Room room = room(2);
		ExamSession session = open(room, null, now().plus(Duration.ofHours(1)), true);
		assertThat(session.accessCode()).hasSize(6).matches("[" + ExamSessions.CODE_ALPHABET + "]{6}");
		UserAccount first = room.cadets().get(0);
		UserAccount second = room.cadets().get(1);

		assertThatThrownBy(() -> start(first, null)).isInstanceOf(LearningException.class)
			.hasMessage("exam.error.wrongCode");
		String wrong = session.accessCode().startsWith("A") ? "BBBBBB" : "AAAAAA";
		assertThatThrownBy(() -> start(first, wrong)).hasMessage("exam.error.wrongCode");
		// Typed in lower case with blanks around it: still the code.
		QuizSession quiz = start(first, "  " + session.accessCode().toLowerCase(Locale.ROOT) + " ");
		assertThat(attemptIds(session.id(), first)).containsExactly(quiz.attemptId());

		for (int i = 0; i < 5; i++) {
			assertThatThrownBy(() -> start(second, wrong)).hasMessage("exam.error.wrongCode");
		}
		assertThatThrownBy(() -> start(second, session.accessCode())).isInstanceOf(LearningException.class)
			.hasMessage("exam.error.tooManyCodes");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quiz_attempt WHERE user_id = ? AND started_at IS NOT NULL")
			.param(second.id())
			.query(Integer.class)
			.single()).as("nothing started for the throttled cadet").isZero();
	}

	@Test
	void extraTimeMovesARunningDeadlineAndAppliesToALaterStart() {
		Room room = room(2);
		Instant closes = now().plus(Duration.ofMinutes(10));
		ExamSession session = open(room, null, closes, false);
		UserAccount running = room.cadets().get(0);
		UserAccount later = room.cadets().get(1);

		// The window ends before the time limit: the window's end is the deadline.
		QuizSession quiz = start(running, null);
		assertThat(quiz.deadline()).isEqualTo(closes);
		fixture.signInAs(room.trainer());
		exams.giveExtraTime(session.id(), running.id(), 5);
		exams.giveExtraTime(session.id(), later.id(), 15);
		assertThatThrownBy(() -> exams.giveExtraTime(session.id(), running.id(), 0)).isInstanceOf(ExamException.class)
			.hasMessage("exam.error.minutes");
		AcademyFixture.signOut();
		assertThat(deadline(quiz.attemptId())).isEqualTo(closes.plus(Duration.ofMinutes(5)));

		Instant before = now();
		QuizSession late = start(later, null);
		// min(start + 20 + 15, closes + 15) = closes + 15
		assertThat(late.deadline()).isEqualTo(closes.plus(Duration.ofMinutes(15)));
		assertThat(late.deadline()).isBefore(before.plus(TIME_LIMIT).plus(Duration.ofMinutes(15)));

		fixture.signInAs(room.trainer());
		ExamMonitor monitor = exams.monitor(session.id());
		AcademyFixture.signOut();
		assertThat(monitor.cadets()).extracting(CadetState::cadetId, CadetState::extraMinutes)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(running.id(), 5),
					org.assertj.core.groups.Tuple.tuple(later.id(), 15));
		assertThat(auditActions(session.id())).containsExactly(AuditAction.EXAM_SESSION_OPENED.name(),
				AuditAction.EXAM_EXTRA_TIME.name(), AuditAction.EXAM_EXTRA_TIME.name());
	}

	@Test
	void aReopenedAttemptKeepsItsAnswersAndIsGradedAgain() {
		Room room = room(1);
		UserAccount cadet = room.cadets().getFirst();
		ExamSession session = open(room, null, now().plus(Duration.ofHours(1)), false);
		QuizSession quiz = start(cadet, null);
		fixture.signInAs(room.trainer());
		assertThatThrownBy(() -> exams.reopenAttempt(session.id(), cadet.id(), 10)).isInstanceOf(ExamException.class)
			.hasMessage("exam.error.nothingToReopen");
		AcademyFixture.signOut();

		answerAllCorrectly(cadet, quiz);
		fixture.signInAs(cadet);
		assertThat(quizzes.submitQuiz(quiz.attemptId(), Locale.ENGLISH).result().scorePercent()).isEqualTo(100);
		AcademyFixture.signOut();

		fixture.signInAs(room.trainer());
		Instant before = now();
		exams.reopenAttempt(session.id(), cadet.id(), 10);
		AcademyFixture.signOut();
		assertThat(deadline(quiz.attemptId())).isBetween(before.plus(Duration.ofMinutes(10)),
				now().plus(Duration.ofMinutes(10)));
		assertThat(jdbc.sql("SELECT score_percent FROM quiz_attempt WHERE id = ?")
			.param(quiz.attemptId())
			.query((rs, n) -> rs.getObject(1))
			.list()
			.getFirst()).as("grade cleared").isNull();

		fixture.signInAs(cadet);
		QuizSession reopened = quizzes.startQuiz(MODULE, QuizKind.POST, Locale.ENGLISH);
		assertThat(reopened.attemptId()).isEqualTo(quiz.attemptId());
		assertThat(reopened.submitted()).isFalse();
		assertThat(reopened.answers()).hasSize(quiz.questions().size());
		// One answer changed to a wrong one, then submitted: graded again.
		quizzes.saveAnswer(quiz.attemptId(), quiz.questions().getFirst().id(),
				new GivenAnswer.Choices(Set.of("no-such-option")));
		QuizSession regraded = quizzes.submitQuiz(quiz.attemptId(), Locale.ENGLISH);
		AcademyFixture.signOut();
		assertThat(regraded.result().scorePercent()).isEqualTo(75);
		assertThat(regraded.result().passed()).isTrue();
		assertThat(auditActions(session.id())).containsExactly(AuditAction.EXAM_SESSION_OPENED.name(),
				AuditAction.EXAM_ATTEMPT_REOPENED.name());
	}

	@Test
	void closingEarlyGradesOpenAttemptsAndTheMonitorTellsWhoIsWhere() {
		Room room = room(4);
		UserAccount answering = room.cadets().get(0);
		UserAccount away = room.cadets().get(1);
		UserAccount done = room.cadets().get(2);
		UserAccount waiting = room.cadets().get(3);
		ExamSession session = open(room, null, now().plus(Duration.ofHours(1)), false);

		QuizSession answeringQuiz = start(answering, null);
		answerAllCorrectly(answering, answeringQuiz);
		fixture.signInAs(answering);
		quizzes.seen(answeringQuiz.attemptId());
		AcademyFixture.signOut();
		QuizSession awayQuiz = start(away, null);
		// Last heard from two minutes ago (a heartbeat is all the monitor knows).
		presence.seen(awayQuiz.attemptId(), away.id(), Instant.now().minus(Duration.ofMinutes(2)));
		jdbc.sql("UPDATE quiz_attempt SET started_at = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(Instant.now().minus(Duration.ofMinutes(3))), awayQuiz.attemptId())
			.update();
		QuizSession doneQuiz = start(done, null);
		fixture.signInAs(done);
		quizzes.submitQuiz(doneQuiz.attemptId(), Locale.ENGLISH);
		AcademyFixture.signOut();

		fixture.signInAs(room.trainer());
		ExamMonitor monitor = exams.monitor(session.id());
		assertThat(monitor.session().phase()).isEqualTo(ExamPhase.OPEN);
		assertThat(List.of(monitor.notStarted(), monitor.answering(), monitor.submitted(), monitor.away()))
			.containsExactly(1, 1, 1, 1);
		Map<Long, CadetState> byCadet = new java.util.HashMap<>();
		monitor.cadets().forEach((c) -> byCadet.put(c.cadetId(), c));
		assertThat(byCadet.get(answering.id()).status()).isEqualTo(ExamCadetStatus.ANSWERING);
		assertThat(byCadet.get(answering.id()).answered()).isEqualTo(4);
		assertThat(byCadet.get(answering.id()).questions()).isEqualTo(4);
		assertThat(byCadet.get(answering.id()).lastSeen()).isCloseTo(Instant.now(), within(30, ChronoUnit.SECONDS));
		assertThat(byCadet.get(away.id()).status()).isEqualTo(ExamCadetStatus.AWAY);
		assertThat(byCadet.get(done.id()).status()).isEqualTo(ExamCadetStatus.SUBMITTED);
		assertThat(byCadet.get(waiting.id()).status()).isEqualTo(ExamCadetStatus.NOT_STARTED);
		assertThat(byCadet.get(waiting.id()).deadline()).isNull();
		assertThat(byCadet.get(waiting.id()).displayName()).isEqualTo("Exam Cadet D");

		exams.closeEarly(session.id());
		ExamMonitor after = exams.monitor(session.id());
		AcademyFixture.signOut();
		assertThat(after.session().phase()).isEqualTo(ExamPhase.CLOSED);
		assertThat(List.of(after.notStarted(), after.answering(), after.submitted(), after.away())).containsExactly(1,
				0, 3, 0);
		assertThat(jdbc.sql("SELECT score_percent FROM quiz_attempt WHERE id = ?")
			.param(answeringQuiz.attemptId())
			.query(Integer.class)
			.single()).as("graded with the answers given").isEqualTo(100);
		assertThat(jdbc.sql("SELECT score_percent FROM quiz_attempt WHERE id = ?")
			.param(awayQuiz.attemptId())
			.query(Integer.class)
			.single()).isZero();
		assertThat(attemptIds(session.id(), waiting)).as("the unstarted prepared attempt is dropped").isEmpty();
		assertThat(auditActions(session.id())).containsExactly(AuditAction.EXAM_SESSION_OPENED.name(),
				AuditAction.EXAM_SESSION_CLOSED_EARLY.name());
		assertThatThrownBy(() -> start(waiting, null)).hasMessage("exam.error.closed");
	}

	@Test
	void aTrainerOfAnotherCohortAndCadetsAreRefused() {
		Room room = room(1);
		UserAccount cadet = room.cadets().getFirst();
		ExamSession session = open(room, null, now().plus(Duration.ofHours(1)), true);
		UserAccount stranger = fixture.user(Role.TRAINER, room.academy(), "Other Trainer");
		Instant closes = now().plus(Duration.ofHours(1));
		for (UserAccount caller : List.of(stranger, cadet)) {
			fixture.signInAs(caller);
			assertThatThrownBy(() -> exams.open(room.cohort().id(), MODULE, null, closes, false))
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> exams.sessions(room.cohort().id())).isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> exams.session(session.id())).isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> exams.monitor(session.id())).isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> exams.giveExtraTime(session.id(), cadet.id(), 5))
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> exams.reopenAttempt(session.id(), cadet.id(), 5))
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> exams.closeEarly(session.id())).isInstanceOf(AccessDeniedException.class);
			AcademyFixture.signOut();
		}
		fixture.signInAs(room.trainer());
		assertThat(exams.sessions(room.cohort().id())).extracting(ExamSession::id).containsExactly(session.id());
		assertThat(exams.session(session.id()).phase()).as("still open").isEqualTo(ExamPhase.OPEN);
		// A cadet of another cohort gets no accommodation here.
		UserAccount outsider = fixture.user(Role.CADET, room.academy(), "Outsider");
		assertThatThrownBy(() -> exams.giveExtraTime(session.id(), outsider.id(), 5)).isInstanceOf(ExamException.class)
			.hasMessage("exam.error.notInCohort");
		assertThatThrownBy(() -> exams.open(room.cohort().id(), "no-such-module", null, closes, false))
			.isInstanceOf(ExamException.class)
			.hasMessage("exam.error.noSuchModule");
		AcademyFixture.signOut();
	}

}
