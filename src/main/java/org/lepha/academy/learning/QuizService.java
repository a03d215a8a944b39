package org.lepha.academy.learning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.lepha.academy.content.Choice;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.MatchPair;
import org.lepha.academy.content.Option;
import org.lepha.academy.content.OrderItem;
import org.lepha.academy.content.Question;
import org.lepha.academy.content.Quiz;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.content.ResolvedText;
import org.lepha.academy.learning.internal.AnswerKey;
import org.lepha.academy.learning.internal.QuizAttemptRepository;
import org.lepha.academy.learning.internal.QuizAttemptRepository.StoredAttempt;
import org.lepha.academy.learning.internal.QuizDraw;
import org.lepha.academy.learning.internal.QuizDrawing;
import org.lepha.academy.learning.internal.AttemptGrading;
import org.lepha.academy.learning.internal.QuizPresence;
import org.lepha.academy.learning.internal.AccessCodeThrottle;
import org.jspecify.annotations.Nullable;
import org.lepha.academy.learning.internal.QuizGrader;
import org.lepha.academy.security.UserAccountService;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.lepha.academy.learning.internal.Completion;
import org.lepha.academy.learning.internal.LearningContent;
import org.lepha.academy.learning.internal.QuizMetrics;
import org.lepha.academy.learning.internal.QuizRules;

/**
 * A cadet's quizzes: the pre-test and the graded post-test. The drawn questions, their
 * display order and every answer are stored as they happen; grading happens once.
 */
@Service
public class QuizService {

	private final LearningContent lookup;

	private final QuizAttemptRepository attempts;

	private final Completion completion;

	private final Clock clock;

	private final SplittableRandom random = new SplittableRandom();

	private final QuizMetrics metrics;

	private final ExamWindows examWindows;

	private final AttemptGrading grading;

	private final QuizPresence presence;

	private final AccessCodeThrottle codeThrottle;

	private final TransactionTemplate transactions;

	public QuizService(LearningContent lookup, QuizAttemptRepository attempts, Completion completion, Clock clock,
			QuizMetrics metrics, ExamWindows examWindows, AttemptGrading grading, QuizPresence presence,
			AccessCodeThrottle codeThrottle, PlatformTransactionManager transactionManager) {
		this.lookup = lookup;
		this.attempts = attempts;
		this.completion = completion;
		this.clock = clock;
		this.metrics = metrics;
		this.examWindows = examWindows;
		this.grading = grading;
		this.presence = presence;
		this.codeThrottle = codeThrottle;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Resumes the open attempt, or starts a new one when attempts are left: the drawn
	 * questions and their order are stored with the attempt.
	 */
	@PreAuthorize("hasRole('CADET')")
	@Transactional
	public QuizSession startQuiz(String moduleId, QuizKind kind, Locale locale) {
		return startQuiz(moduleId, kind, locale, null);
	}

	/**
	 * As {@link #startQuiz(String, QuizKind, Locale)}; when the cadet's cohort has an
	 * exam session for the module, a new post-test attempt starts only inside its window
	 * and with its access code, and an attempt prepared when the session was opened is
	 * only flipped to started (one UPDATE) instead of drawn and inserted.
	 * <p>
	 * That flip runs without a transaction: its only write is one conditional UPDATE
	 * (atomic on its own, and a second tab's start finds it done and resumes), and when a
	 * whole academy presses Start together the transaction's own statements (two
	 * {@code SET autocommit}, {@code COMMIT}) were half of the statements a start sent
	 * (docs/performance.md, "Exam day"). Every other start (a resume, which may grade an
	 * expired attempt, a drawn attempt, a refusal) runs in one transaction, as before.
	 * @param accessCode what the cadet typed; null when the session asks for none
	 */
	@PreAuthorize("hasRole('CADET')")
	public QuizSession startQuiz(String moduleId, QuizKind kind, Locale locale, @Nullable String accessCode) {
		long started = System.nanoTime();
		try {
			long user = UserAccountService.requireCurrentUserId();
			Module module = lookup.module(moduleId);
			Optional<QuizSession> flipped = kind == QuizKind.POST
					? startPrepared(user, module, locale, accessCode, clock.instant()) : Optional.empty();
			if (flipped.isPresent()) {
				return flipped.get();
			}
			QuizSession session = transactions.execute((status) -> start(user, module, kind, locale, accessCode));
			return Objects.requireNonNull(session);
		}
		finally {
			metrics.starts.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * The exam-day start, outside a transaction: the cadet's attempt prepared when the
	 * session was opened flipped to started, when there is nothing to resume, an attempt
	 * is left and the session's window and code let the cadet in (a refusal is thrown
	 * here). Empty when any of that is not so, or when the UPDATE found the attempt
	 * started already (another tab): the transactional start then decides.
	 */
	private Optional<QuizSession> startPrepared(long user, Module module, Locale locale, @Nullable String accessCode,
			Instant now) {
		List<StoredAttempt> all = attempts.attemptsWithPrepared(user, module.id(), QuizKind.POST);
		List<StoredAttempt> previous = all.stream().filter((a) -> !a.prepared()).toList();
		Optional<StoredAttempt> prepared = all.stream().filter(StoredAttempt::prepared).findFirst();
		if (prepared.isEmpty() || prepared.get().examSessionId() == null
				|| previous.stream().anyMatch((a) -> !a.submitted())
				|| QuizRules.attemptsLeft(module.quiz(), previous) == 0) {
			return Optional.empty();
		}
		ExamWindows.ExamWindow window = examWindows.forCurrentCadet(module.id()).orElse(null);
		if (window == null || window.sessionId() != prepared.get().examSessionId()) {
			return Optional.empty();
		}
		requireOpen(window, user, accessCode, now);
		Instant deadline = examDeadline(window, timeLimitDeadline(module.quiz(), now));
		return flip(prepared.get(), user, module, locale, now, deadline);
	}

	/**
	 * The prepared attempt flipped to started, shown without reading it back (it has no
	 * answers yet); empty when the conditional UPDATE found it started already.
	 */
	private Optional<QuizSession> flip(StoredAttempt prepared, long user, Module module, Locale locale, Instant now,
			Instant deadline) {
		if (!attempts.start(prepared.id(), now, deadline)) {
			return Optional.empty();
		}
		presence.seen(prepared.id(), user, now);
		return Optional.of(session(prepared.started(now, deadline), module, locale, Map.of()));
	}

	private static @Nullable Instant timeLimitDeadline(Quiz quiz, Instant now) {
		return quiz.timeLimitMinutes() != null ? now.plus(Duration.ofMinutes(quiz.timeLimitMinutes())) : null;
	}

	private QuizSession start(long user, Module module, QuizKind kind, Locale locale, @Nullable String accessCode) {
		String moduleId = module.id();
		Quiz quiz = module.quiz();
		boolean preTest = kind == QuizKind.PRE;
		if (preTest && quiz.preTestDrawCount() == null) {
			throw new LearningException("learning.error.notFound");
		}
		List<StoredAttempt> all = attempts.attemptsWithPrepared(user, moduleId, kind);
		List<StoredAttempt> previous = all.stream().filter((a) -> !a.prepared()).toList();
		Instant now = clock.instant();
		Optional<QuizSession> resumed = resume(user, module, previous, now, locale);
		if (resumed.isPresent()) {
			return resumed.get();
		}
		if (preTest && !previous.isEmpty()) {
			throw new LearningException("quiz.error.preTestTaken");
		}
		if (!preTest && QuizRules.attemptsLeft(quiz, previous) == 0) {
			throw new LearningException("quiz.error.noAttemptsLeft");
		}
		ExamWindows.ExamWindow window = preTest ? null : examWindows.forCurrentCadet(moduleId).orElse(null);
		Instant deadline = !preTest ? timeLimitDeadline(quiz, now) : null;
		long id;
		if (window == null) {
			int number = all.stream().mapToInt(StoredAttempt::attemptNo).max().orElse(0) + 1;
			id = attempts.insert(user, moduleId, kind, number, module.version(),
					QuizDrawing.draw(quiz, kind, random.split()), now, deadline, null);
		}
		else {
			requireOpen(window, user, accessCode, now);
			deadline = examDeadline(window, deadline);
			Optional<StoredAttempt> prepared = all.stream()
				.filter((a) -> a.prepared() && Long.valueOf(window.sessionId()).equals(a.examSessionId()))
				.findFirst();
			Optional<QuizSession> flipped = prepared.isEmpty() ? Optional.empty()
					: flip(prepared.get(), user, module, locale, now, deadline);
			if (flipped.isPresent()) {
				return flipped.get();
			}
			else {
				// Enrolled after the session was opened, or out of attempts then:
				// drawn now.
				int number = all.stream().mapToInt(StoredAttempt::attemptNo).max().orElse(0) + 1;
				id = attempts.insert(user, moduleId, kind, number, module.version(),
						QuizDrawing.draw(quiz, kind, random.split()), now, deadline, window.sessionId());
			}
		}
		presence.seen(id, user, now);
		return session(attempts.find(id).orElseThrow(), module, locale);
	}

	/**
	 * The cadet's open attempt of the module's quiz or pre-test, resumed, without
	 * starting a new one: the exam room shows it when there is one, and its Start button
	 * otherwise. An attempt whose deadline has passed is graded here and not resumed.
	 */
	@PreAuthorize("hasRole('CADET')")
	@Transactional
	public Optional<QuizSession> resumeQuiz(String moduleId, QuizKind kind, Locale locale) {
		long user = UserAccountService.requireCurrentUserId();
		Module module = lookup.module(moduleId);
		List<StoredAttempt> previous = attempts.attemptsWithPrepared(user, moduleId, kind)
			.stream()
			.filter((a) -> !a.prepared())
			.toList();
		return resume(user, module, previous, clock.instant(), locale);
	}

	private Optional<QuizSession> resume(long user, Module module, List<StoredAttempt> previous, Instant now,
			Locale locale) {
		Optional<StoredAttempt> open = previous.stream().filter((a) -> !a.submitted()).findFirst();
		if (open.isEmpty()) {
			return Optional.empty();
		}
		StoredAttempt attempt = open.get();
		if (QuizRules.expired(attempt, now)) {
			grading.grade(attempt, module);
			presence.forget(attempt.id());
			return Optional.empty();
		}
		presence.seen(attempt.id(), user, now);
		return Optional.of(session(attempt, module, locale));
	}

	/**
	 * The window is checked here, in the transaction that starts the attempt, not only by
	 * the page showing a countdown: a page left open, a second tab or a hand-made request
	 * must not start early or late.
	 */
	private void requireOpen(ExamWindows.ExamWindow window, long user, @Nullable String accessCode, Instant now) {
		if (window.scheduledAt(now)) {
			throw new LearningException("exam.error.notOpen");
		}
		if (!window.open()) {
			throw new LearningException("exam.error.closed");
		}
		if (window.needsAccessCode()) {
			if (codeThrottle.locked(user)) {
				throw new LearningException("exam.error.tooManyCodes");
			}
			if (accessCode == null || accessCode.isBlank()
					|| !examWindows.accessCodeMatches(window.sessionId(), accessCode)) {
				codeThrottle.recordWrong(user);
				throw new LearningException("exam.error.wrongCode");
			}
		}
	}

	/**
	 * min(start + time limit + extra minutes, window's end + extra minutes): the
	 * accommodation extends both.
	 */
	private static Instant examDeadline(ExamWindows.ExamWindow window, @Nullable Instant byTimeLimit) {
		Duration extra = Duration.ofMinutes(window.extraMinutes());
		Instant windowEnd = window.closesAt().plus(extra);
		if (byTimeLimit == null) {
			return windowEnd;
		}
		Instant limit = byTimeLimit.plus(extra);
		return limit.isBefore(windowEnd) ? limit : windowEnd;
	}

	/**
	 * The cadet's attempt drawn for the module's exam session and not started yet, as
	 * Start will show it (no answers, no deadline); empty without one. Nothing is started
	 * or recorded. The exam room builds the first question from it while the cadet waits,
	 * as an invisible component, which Vaadin does not send to the browser, so that a
	 * whole academy's Start shows a question rather than builds one. The questions must
	 * not reach the browser before Start: the caller keeps them invisible.
	 * <p>
	 * Without a transaction: one SELECT, nothing written.
	 */
	@PreAuthorize("hasRole('CADET')")
	public Optional<QuizSession> preparedAttempt(String moduleId, Locale locale) {
		long user = UserAccountService.requireCurrentUserId();
		Module module = lookup.module(moduleId);
		return attempts.attemptsWithPrepared(user, moduleId, QuizKind.POST)
			.stream()
			.filter((a) -> a.prepared() && a.examSessionId() != null)
			.findFirst()
			.map((a) -> session(a, module, locale, Map.of()));
	}

	/**
	 * The exam session of the cadet's cohort for the module, for the module page ("opens
	 * at 10:00", a countdown); empty without one.
	 */
	@PreAuthorize("hasRole('CADET')")
	@Transactional(readOnly = true)
	public Optional<ExamWindows.ExamWindow> myExamWindow(String moduleId) {
		return examWindows.forCurrentCadet(moduleId);
	}

	/**
	 * The cadet is still there (a heartbeat, an answer): kept in memory for the trainer's
	 * monitor. Deliberately without a transaction: after the first call for an attempt
	 * the ownership check needs no query, so hundreds of heartbeats cost no connection.
	 */
	@PreAuthorize("hasRole('CADET')")
	public void seen(long attemptId) {
		long user = UserAccountService.requireCurrentUserId();
		Long owner = presence.owner(attemptId);
		if (owner == null) {
			owner = ownAttempt(attemptId).userId();
		}
		if (owner != user) {
			throw new AccessDeniedException("No such attempt");
		}
		presence.seen(attemptId, user, clock.instant());
	}

	@PreAuthorize("hasRole('CADET')")
	@Transactional(readOnly = true)
	public QuizSession quizSession(long attemptId, Locale locale) {
		StoredAttempt attempt = ownAttempt(attemptId);
		if (!attempt.submitted()) {
			presence.seen(attempt.id(), attempt.userId(), clock.instant());
		}
		return session(attempt, lookup.module(attempt.moduleId()), locale);
	}

	/**
	 * Saves one answer the moment it is given; refused after submission or the deadline.
	 */
	@PreAuthorize("hasRole('CADET')")
	@Transactional
	public void saveAnswer(long attemptId, String questionId, GivenAnswer answer) {
		long started = System.nanoTime();
		try {
			StoredAttempt attempt = ownAttempt(attemptId);
			if (attempt.prepared()) {
				// Drawn for an exam session but not started: its questions have not
				// been shown, so nothing can be answered yet.
				throw new LearningException("learning.error.notFound");
			}
			if (attempt.submitted()) {
				throw new LearningException("quiz.error.submitted");
			}
			if (QuizRules.expired(attempt, clock.instant())) {
				throw new LearningException("quiz.error.timeUp");
			}
			if (attempt.drawn().stream().noneMatch((q) -> q.questionId().equals(questionId))) {
				throw new LearningException("learning.error.notFound");
			}
			Instant now = clock.instant();
			attempts.saveAnswer(attemptId, questionId, answer, now);
			presence.seen(attemptId, attempt.userId(), now);
		}
		finally {
			metrics.answers.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * Grades the attempt once; a second, concurrent submit gets the same result. Read
	 * committed, so that the loser of a race reads the winner's result instead of its own
	 * older snapshot.
	 */
	@PreAuthorize("hasRole('CADET')")
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public QuizSession submitQuiz(long attemptId, Locale locale) {
		long started = System.nanoTime();
		try {
			StoredAttempt attempt = ownAttempt(attemptId);
			Module module = lookup.module(attempt.moduleId());
			if (!attempt.submitted()) {
				grade(attempt, module);
				completion.check(attempt.userId(), module);
			}
			return session(attempts.find(attemptId).orElseThrow(), module, locale);
		}
		finally {
			metrics.submits.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
	}

	private void grade(StoredAttempt attempt, Module module) {
		grading.grade(attempt, module);
		presence.forget(attempt.id());
	}

	private QuizSession session(StoredAttempt attempt, Module module, Locale locale) {
		return session(attempt, module, locale, attempts.answers(attempt.id()));
	}

	private QuizSession session(StoredAttempt attempt, Module module, Locale locale, Map<String, GivenAnswer> answers) {
		List<QuizSession.QuestionView> questions = new ArrayList<>();
		for (QuizDraw.DrawnQuestion drawn : attempt.drawn()) {
			module.quiz()
				.question(drawn.questionId())
				.ifPresent((q) -> questions.add(questionView(module, q, drawn, locale)));
		}
		QuizResult result = null;
		if (attempt.submitted()) {
			List<QuizResult.QuestionFeedback> feedback = new ArrayList<>();
			for (QuizDraw.DrawnQuestion drawn : attempt.drawn()) {
				Question q = module.quiz().question(drawn.questionId()).orElse(null);
				if (q == null) {
					continue;
				}
				GivenAnswer given = answers.get(q.id());
				List<String> optionFeedback = new ArrayList<>();
				if (given instanceof GivenAnswer.Choices choices) {
					for (Option option : options(q)) {
						if (choices.optionIds().contains(option.id()) && option.feedback() != null) {
							optionFeedback.add(lookup.text(module, option.feedback(), locale).text());
						}
					}
				}
				feedback.add(new QuizResult.QuestionFeedback(q.id(), lookup.text(module, q.text(), locale).text(),
						QuizGrader.credit(answerKey(q), given), lookup.text(module, q.explanation(), locale).text(),
						optionFeedback));
			}
			int left = attempt.kind() == QuizKind.POST ? QuizRules.attemptsLeft(module.quiz(),
					attempts.attempts(attempt.userId(), attempt.moduleId(), QuizKind.POST)) : 0;
			result = new QuizResult(attempt.scorePercent(), attempt.passed(), left, feedback);
		}
		return new QuizSession(attempt.id(), attempt.moduleId(), attempt.kind(), attempt.attemptNo(),
				attempt.deadline(), questions, answers, result, attempt.examSessionId() != null);
	}

	private QuizSession.QuestionView questionView(Module module, Question q, QuizDraw.DrawnQuestion drawn,
			Locale locale) {
		ResolvedText text = lookup.text(module, q.text(), locale);
		List<QuizSession.Choice> choices = new ArrayList<>();
		List<QuizSession.Choice> rights = new ArrayList<>();
		switch (q) {
			case Question.SingleChoice single -> addInOrder(choices, drawn, single.options(), Option::id,
					(o) -> lookup.text(module, o.text(), locale).text());
			case Question.MultipleChoice multiple -> addInOrder(choices, drawn, multiple.options(), Option::id,
					(o) -> lookup.text(module, o.text(), locale).text());
			case Question.TrueFalse trueFalse -> {
				// The view labels these in the cadet's language.
				choices.add(new QuizSession.Choice("true", "true"));
				choices.add(new QuizSession.Choice("false", "false"));
			}
			case Question.Matching matching -> {
				matching.pairs()
					.forEach((p) -> choices
						.add(new QuizSession.Choice(p.id(), lookup.text(module, p.left(), locale).text())));
				addInOrder(rights, drawn, matching.pairs(), MatchPair::id,
						(p) -> lookup.text(module, p.right(), locale).text());
			}
			case Question.Ordering ordering -> addInOrder(choices, drawn, ordering.items(), OrderItem::id,
					(i) -> lookup.text(module, i.text(), locale).text());
		}
		return new QuizSession.QuestionView(q.id(), q.type(), text.text(), choices, rights, text.isFallback());
	}

	/** The elements in the attempt's stored display order, as the cadet sees them. */
	private static <T> void addInOrder(List<QuizSession.Choice> into, QuizDraw.DrawnQuestion drawn, List<T> elements,
			Function<T, String> id, Function<T, String> label) {
		for (String shown : drawn.displayOrder()) {
			elements.stream()
				.filter((e) -> id.apply(e).equals(shown))
				.findFirst()
				.ifPresent((e) -> into.add(new QuizSession.Choice(shown, label.apply(e))));
		}
	}

	static AnswerKey answerKey(Question q) {
		return QuizDrawing.answerKey(q);
	}

	/** The options of a choice question, none for other types. */
	private static List<Option> options(Question q) {
		return switch (q) {
			case Question.SingleChoice single -> single.options();
			case Question.MultipleChoice multiple -> multiple.options();
			case Question.TrueFalse trueFalse -> List.of();
			case Question.Matching matching -> List.of();
			case Question.Ordering ordering -> List.of();
		};
	}

	private StoredAttempt ownAttempt(long attemptId) {
		StoredAttempt attempt = attempts.find(attemptId)
			.orElseThrow(() -> new AccessDeniedException("No such attempt"));
		if (attempt.userId() != UserAccountService.requireCurrentUserId()) {
			throw new AccessDeniedException("No such attempt");
		}
		return attempt;
	}

}
