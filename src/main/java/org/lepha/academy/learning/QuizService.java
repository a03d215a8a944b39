package org.lepha.academy.learning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.lepha.academy.learning.internal.QuizGrader;
import org.lepha.academy.security.UserAccountService;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
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

	public QuizService(LearningContent lookup, QuizAttemptRepository attempts, Completion completion, Clock clock,
			QuizMetrics metrics) {
		this.lookup = lookup;
		this.attempts = attempts;
		this.completion = completion;
		this.clock = clock;
		this.metrics = metrics;
	}

	/**
	 * Resumes the open attempt, or starts a new one when attempts are left: the drawn
	 * questions and their order are stored with the attempt.
	 */
	@PreAuthorize("hasRole('CADET')")
	@Transactional
	public QuizSession startQuiz(String moduleId, QuizKind kind, Locale locale) {
		long started = System.nanoTime();
		try {
			long user = UserAccountService.requireCurrentUserId();
			Module module = lookup.module(moduleId);
			Quiz quiz = module.quiz();
			boolean preTest = kind == QuizKind.PRE;
			if (preTest && quiz.preTestDrawCount() == null) {
				throw new LearningException("learning.error.notFound");
			}
			List<StoredAttempt> previous = attempts.attempts(user, moduleId, kind);
			Optional<StoredAttempt> open = previous.stream().filter((a) -> !a.submitted()).findFirst();
			if (open.isPresent()) {
				StoredAttempt attempt = open.get();
				if (QuizRules.expired(attempt, clock.instant())) {
					grade(attempt, module);
				}
				else {
					return session(attempt, module, locale);
				}
			}
			if (preTest && !previous.isEmpty()) {
				throw new LearningException("quiz.error.preTestTaken");
			}
			if (!preTest && QuizRules.attemptsLeft(quiz, attempts.attempts(user, moduleId, QuizKind.POST)) == 0) {
				throw new LearningException("quiz.error.noAttemptsLeft");
			}
			Map<String, List<String>> bank = new LinkedHashMap<>();
			Set<String> alwaysShuffled = new HashSet<>();
			for (Question q : quiz.questions()) {
				if (q.pool() != kind) {
					continue;
				}
				bank.put(q.id(), displayIds(q));
				if (q instanceof Question.Matching || q instanceof Question.Ordering) {
					alwaysShuffled.add(q.id());
				}
			}
			int count = preTest ? quiz.preTestDrawCount() : quiz.drawCount();
			List<QuizDraw.DrawnQuestion> drawn = QuizDraw.draw(bank, count, quiz.shuffleQuestions(),
					quiz.shuffleOptions(), alwaysShuffled, random.split());
			Instant now = clock.instant();
			Instant deadline = !preTest && quiz.timeLimitMinutes() != null
					? now.plus(Duration.ofMinutes(quiz.timeLimitMinutes())) : null;
			int number = previous.size() + 1;
			long id = attempts.insert(user, moduleId, kind, number, module.version(), drawn, now, deadline);
			return session(attempts.find(id).orElseThrow(), module, locale);
		}
		finally {
			metrics.starts.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
	}

	@PreAuthorize("hasRole('CADET')")
	@Transactional(readOnly = true)
	public QuizSession quizSession(long attemptId, Locale locale) {
		StoredAttempt attempt = ownAttempt(attemptId);
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
			if (attempt.submitted()) {
				throw new LearningException("quiz.error.submitted");
			}
			if (QuizRules.expired(attempt, clock.instant())) {
				throw new LearningException("quiz.error.timeUp");
			}
			if (attempt.drawn().stream().noneMatch((q) -> q.questionId().equals(questionId))) {
				throw new LearningException("learning.error.notFound");
			}
			attempts.saveAnswer(attemptId, questionId, answer, clock.instant());
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
		Map<String, GivenAnswer> answers = attempts.answers(attempt.id());
		Map<String, Double> credits = new LinkedHashMap<>();
		for (QuizDraw.DrawnQuestion drawn : attempt.drawn()) {
			Question question = module.quiz().question(drawn.questionId()).orElse(null);
			credits.put(drawn.questionId(),
					question == null ? 0 : QuizGrader.credit(answerKey(question), answers.get(drawn.questionId())));
		}
		int score = QuizGrader.scorePercent(new ArrayList<>(credits.values()), attempt.drawn().size());
		Boolean passed = attempt.kind() == QuizKind.PRE ? null : score >= module.quiz().passMark();
		attempts.submit(attempt.id(), clock.instant(), score, passed, credits);
	}

	private QuizSession session(StoredAttempt attempt, Module module, Locale locale) {
		List<QuizSession.QuestionView> questions = new ArrayList<>();
		for (QuizDraw.DrawnQuestion drawn : attempt.drawn()) {
			module.quiz()
				.question(drawn.questionId())
				.ifPresent((q) -> questions.add(questionView(module, q, drawn, locale)));
		}
		Map<String, GivenAnswer> answers = attempts.answers(attempt.id());
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
				attempt.deadline(), questions, answers, result);
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
		return switch (q) {
			case Question.SingleChoice single -> new AnswerKey.SingleChoice(
					single.options().stream().filter(Option::correct).findFirst().map(Option::id).orElse(""));
			case Question.MultipleChoice multiple -> new AnswerKey.MultipleChoice(
					multiple.options().stream().filter(Option::correct).map(Option::id).collect(Collectors.toSet()),
					multiple.options().stream().map(Option::id).collect(Collectors.toSet()));
			case Question.TrueFalse trueFalse -> new AnswerKey.TrueFalse(trueFalse.answer());
			case Question.Matching matching ->
				new AnswerKey.Matching(matching.pairs().stream().map(MatchPair::id).toList());
			case Question.Ordering ordering ->
				new AnswerKey.Ordering(ordering.items().stream().map(OrderItem::id).toList());
		};
	}

	private static List<String> displayIds(Question q) {
		return switch (q) {
			case Question.SingleChoice single -> single.options().stream().map(Option::id).toList();
			case Question.MultipleChoice multiple -> multiple.options().stream().map(Option::id).toList();
			case Question.TrueFalse trueFalse -> List.of("true", "false");
			case Question.Matching matching -> matching.pairs().stream().map(MatchPair::id).toList();
			case Question.Ordering ordering -> ordering.items().stream().map(OrderItem::id).toList();
		};
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
