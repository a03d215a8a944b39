package org.lepha.academy.learning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lepha.academy.content.Choice;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Ending;
import org.lepha.academy.content.Lesson;
import org.lepha.academy.content.LessonSection;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.MatchPair;
import org.lepha.academy.content.Option;
import org.lepha.academy.content.OrderItem;
import org.lepha.academy.content.Question;
import org.lepha.academy.content.Quiz;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.content.Rating;
import org.lepha.academy.content.ResolvedText;
import org.lepha.academy.content.Scenario;
import org.lepha.academy.content.ScenarioNode;
import org.lepha.academy.content.ScenarioState;
import org.lepha.academy.content.Text;
import org.lepha.academy.learning.internal.AnswerKey;
import org.lepha.academy.learning.internal.ProgressRepository;
import org.lepha.academy.learning.internal.QuizAttemptRepository;
import org.lepha.academy.learning.internal.QuizAttemptRepository.StoredAttempt;
import org.lepha.academy.learning.internal.QuizDraw;
import org.lepha.academy.learning.internal.QuizGrader;
import org.lepha.academy.learning.internal.ScenarioRunRepository;
import org.lepha.academy.learning.internal.ScenarioRunRepository.StoredRun;
import org.lepha.academy.security.UserAccountService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a cadet does: read lessons, take quizzes, play scenarios. Every step is written to
 * the database when it happens, keyed by content ids and never by language, so a reload,
 * another device, a server restart or a language switch loses nothing. Completion is
 * recorded once and announced as {@link ModuleCompleted}.
 */
@Service
public class LearningService {

	/**
	 * Answers arriving this long after the deadline still count: network and clock slack.
	 */
	static final Duration DEADLINE_GRACE = Duration.ofSeconds(5);

	private final ContentCatalog content;

	private final ProgressRepository progress;

	private final QuizAttemptRepository attempts;

	private final ScenarioRunRepository runs;

	private final CadetAssignments assignments;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SplittableRandom random = new SplittableRandom();

	public LearningService(ContentCatalog content, ProgressRepository progress, QuizAttemptRepository attempts,
			ScenarioRunRepository runs, CadetAssignments assignments, ApplicationEventPublisher events, Clock clock) {
		this.content = content;
		this.progress = progress;
		this.attempts = attempts;
		this.runs = runs;
		this.assignments = assignments;
		this.events = events;
		this.clock = clock;
	}

	// ---- home and overview
	// -------------------------------------------------------------

	/** Assigned modules first (by due date), then the other published modules. */
	@PreAuthorize("hasRole('CADET')")
	@Transactional(readOnly = true)
	public List<ModuleCard> myModules(Locale locale) {
		long user = UserAccountService.requireCurrentUserId();
		Map<String, LocalDate> assigned = new LinkedHashMap<>();
		assignments.forCurrentCadet().forEach((a) -> assigned.put(a.moduleId(), a.dueDate()));
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
		List<ModuleCard> cards = new ArrayList<>();
		for (Module module : content.modules()) {
			boolean isAssigned = assigned.containsKey(module.id());
			LocalDate due = assigned.get(module.id());
			ModuleStatus status = status(user, module);
			ResolvedText title = text(module, module.title(), locale);
			cards.add(new ModuleCard(module.id(), title.text(), text(module, module.summary(), locale).text(),
					module.estimatedMinutes(), isAssigned, due,
					due != null && today.isAfter(due) && status != ModuleStatus.COMPLETED, status,
					progressPercent(user, module), title.isFallback()));
		}
		cards.sort(java.util.Comparator.comparing((ModuleCard c) -> !c.assigned())
			.thenComparing((c) -> c.dueDate() == null ? LocalDate.MAX : c.dueDate()));
		return cards;
	}

	@PreAuthorize("hasRole('CADET')")
	@Transactional(readOnly = true)
	public ModuleOverview overview(String moduleId, Locale locale) {
		long user = UserAccountService.requireCurrentUserId();
		Module module = module(moduleId);
		Set<ProgressRepository.SectionRef> viewed = new HashSet<>(progress.viewedSections(user, moduleId));
		List<ModuleOverview.LessonProgress> lessons = module.lessons()
			.stream()
			.map((l) -> new ModuleOverview.LessonProgress(l.id(), text(module, l.title(), locale).text(),
					(int) l.sections()
						.stream()
						.filter((s) -> viewed.contains(new ProgressRepository.SectionRef(l.id(), s.id())))
						.count(),
					l.sections().size()))
			.toList();
		List<StoredAttempt> quizAttempts = attempts.attempts(user, moduleId, QuizKind.POST);
		Quiz quiz = module.quiz();
		Integer best = quizAttempts.stream()
			.filter(StoredAttempt::submitted)
			.map(StoredAttempt::scorePercent)
			.max(Integer::compare)
			.orElse(null);
		boolean passed = quizAttempts.stream().anyMatch((a) -> Boolean.TRUE.equals(a.passed()));
		boolean open = quizAttempts.stream().anyMatch((a) -> !a.submitted() && !expired(a));
		ModuleOverview.QuizProgress quizProgress = new ModuleOverview.QuizProgress(
				(int) quizAttempts.stream().filter(StoredAttempt::submitted).count(), attemptsLeft(quiz, quizAttempts),
				best, passed, quiz.passMark(), quiz.timeLimitMinutes(), open);
		List<ModuleOverview.ScenarioProgress> scenarios = module.scenarios().stream().map((s) -> {
			List<StoredRun> stored = runs.runs(user, moduleId, s.id());
			String bestRating = bestRating(stored).map(Rating::name).orElse(null);
			return new ModuleOverview.ScenarioProgress(s.id(), text(module, s.title(), locale).text(), bestRating,
					stored.stream().anyMatch((r) -> !r.ended()));
		}).toList();
		LessonPage.SectionRef resume = progress.position(user, moduleId)
			.map((p) -> new LessonPage.SectionRef(p.lessonId(), p.sectionId()))
			.orElseGet(() -> firstSection(module));
		boolean preTestOffered = quiz.preTestDrawCount() != null
				&& attempts.attempts(user, moduleId, QuizKind.PRE).isEmpty() && viewed.isEmpty();
		return new ModuleOverview(moduleId, text(module, module.title(), locale).text(),
				text(module, module.summary(), locale).text(),
				module.objectives().stream().map((o) -> text(module, o.text(), locale).text()).toList(), lessons,
				quizProgress, scenarios, status(user, module), progress.completedAt(user, moduleId).orElse(null),
				resume, preTestOffered, content.awaitsReview(moduleId, locale));
	}

	// ---- lesson reader
	// -----------------------------------------------------------------

	/** Shows a lesson page and records it as viewed and as the place to resume. */
	@PreAuthorize("hasRole('CADET')")
	@Transactional
	public LessonPage openSection(String moduleId, String lessonId, String sectionId, Locale locale) {
		long user = UserAccountService.requireCurrentUserId();
		Module module = module(moduleId);
		Lesson lesson = module.lesson(lessonId).orElseThrow(() -> new LearningException("learning.error.notFound"));
		LessonSection section = lesson.sections()
			.stream()
			.filter((s) -> s.id().equals(sectionId))
			.findFirst()
			.orElseThrow(() -> new LearningException("learning.error.notFound"));
		progress.markViewed(user, moduleId, lessonId, sectionId);
		progress.savePosition(user, moduleId, lessonId, sectionId);
		ContentCatalog.RenderedSection rendered = content.section(moduleId, lessonId, sectionId, locale);
		Set<ProgressRepository.SectionRef> viewed = new HashSet<>(progress.viewedSections(user, moduleId));
		List<LessonPage.SectionRef> order = new ArrayList<>();
		List<LessonPage.TocEntry> toc = new ArrayList<>();
		for (Lesson l : module.lessons()) {
			for (LessonSection s : l.sections()) {
				order.add(new LessonPage.SectionRef(l.id(), s.id()));
				if (l.id().equals(lessonId)) {
					ResolvedText heading = content.resolve(moduleId, s.markdown(), locale);
					toc.add(new LessonPage.TocEntry(l.id(), s.id(), headingOf(heading.text(), s.heading()),
							viewed.contains(new ProgressRepository.SectionRef(l.id(), s.id())),
							s.id().equals(sectionId)));
				}
			}
		}
		int index = order.indexOf(new LessonPage.SectionRef(lessonId, sectionId));
		checkCompletion(user, module);
		return new LessonPage(moduleId, lessonId, sectionId, text(module, lesson.title(), locale).text(),
				rendered.html(), rendered.origin() == ResolvedText.Origin.ENGLISH_FALLBACK, rendered.stale(), toc,
				index > 0 ? order.get(index - 1) : null, index + 1 < order.size() ? order.get(index + 1) : null,
				content.citations(moduleId, lesson.sourceIds()));
	}

	/** The first section of a lesson, for links that name only the lesson. */
	@PreAuthorize("hasRole('CADET')")
	public String firstSection(String moduleId, String lessonId) {
		return module(moduleId).lesson(lessonId)
			.flatMap((l) -> l.sections().stream().findFirst())
			.map(LessonSection::id)
			.orElseThrow(() -> new LearningException("learning.error.notFound"));
	}

	// ---- quiz
	// ---------------------------------------------------------------------------

	/**
	 * Resumes the open attempt, or starts a new one when attempts are left: the drawn
	 * questions and their order are stored with the attempt.
	 */
	@PreAuthorize("hasRole('CADET')")
	@Transactional
	public QuizSession startQuiz(String moduleId, QuizKind kind, Locale locale) {
		long user = UserAccountService.requireCurrentUserId();
		Module module = module(moduleId);
		Quiz quiz = module.quiz();
		boolean preTest = kind == QuizKind.PRE;
		if (preTest && quiz.preTestDrawCount() == null) {
			throw new LearningException("learning.error.notFound");
		}
		List<StoredAttempt> previous = attempts.attempts(user, moduleId, kind);
		Optional<StoredAttempt> open = previous.stream().filter((a) -> !a.submitted()).findFirst();
		if (open.isPresent()) {
			StoredAttempt attempt = open.get();
			if (expired(attempt)) {
				grade(attempt, module);
			}
			else {
				return session(attempt, module, locale);
			}
		}
		if (preTest && !previous.isEmpty()) {
			throw new LearningException("quiz.error.preTestTaken");
		}
		if (!preTest && attemptsLeft(quiz, attempts.attempts(user, moduleId, QuizKind.POST)) == 0) {
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
		List<QuizDraw.DrawnQuestion> drawn = QuizDraw.draw(bank, count, quiz.shuffleQuestions(), quiz.shuffleOptions(),
				alwaysShuffled, random.split());
		Instant now = clock.instant();
		Instant deadline = !preTest && quiz.timeLimitMinutes() != null
				? now.plus(Duration.ofMinutes(quiz.timeLimitMinutes())) : null;
		int number = previous.size() + 1;
		long id = attempts.insert(user, moduleId, kind, number, module.version(), drawn, now, deadline);
		return session(attempts.find(id).orElseThrow(), module, locale);
	}

	@PreAuthorize("hasRole('CADET')")
	@Transactional(readOnly = true)
	public QuizSession quizSession(long attemptId, Locale locale) {
		StoredAttempt attempt = ownAttempt(attemptId);
		return session(attempt, module(attempt.moduleId()), locale);
	}

	/**
	 * Saves one answer the moment it is given; refused after submission or the deadline.
	 */
	@PreAuthorize("hasRole('CADET')")
	@Transactional
	public void saveAnswer(long attemptId, String questionId, GivenAnswer answer) {
		StoredAttempt attempt = ownAttempt(attemptId);
		if (attempt.submitted()) {
			throw new LearningException("quiz.error.submitted");
		}
		if (expired(attempt)) {
			throw new LearningException("quiz.error.timeUp");
		}
		if (attempt.drawn().stream().noneMatch((q) -> q.questionId().equals(questionId))) {
			throw new LearningException("learning.error.notFound");
		}
		attempts.saveAnswer(attemptId, questionId, answer, clock.instant());
	}

	/**
	 * Grades the attempt once; a second, concurrent submit gets the same result. Read
	 * committed, so that the loser of a race reads the winner's result instead of its own
	 * older snapshot.
	 */
	@PreAuthorize("hasRole('CADET')")
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public QuizSession submitQuiz(long attemptId, Locale locale) {
		StoredAttempt attempt = ownAttempt(attemptId);
		Module module = module(attempt.moduleId());
		if (!attempt.submitted()) {
			grade(attempt, module);
			checkCompletion(attempt.userId(), module);
		}
		return session(attempts.find(attemptId).orElseThrow(), module, locale);
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
							optionFeedback.add(text(module, option.feedback(), locale).text());
						}
					}
				}
				feedback.add(new QuizResult.QuestionFeedback(q.id(), text(module, q.text(), locale).text(),
						QuizGrader.credit(answerKey(q), given), text(module, q.explanation(), locale).text(),
						optionFeedback));
			}
			int left = attempt.kind() == QuizKind.POST ? attemptsLeft(module.quiz(),
					attempts.attempts(attempt.userId(), attempt.moduleId(), QuizKind.POST)) : 0;
			result = new QuizResult(attempt.scorePercent(), attempt.passed(), left, feedback);
		}
		return new QuizSession(attempt.id(), attempt.moduleId(), attempt.kind(), attempt.attemptNo(),
				attempt.deadline(), questions, answers, result);
	}

	private QuizSession.QuestionView questionView(Module module, Question q, QuizDraw.DrawnQuestion drawn,
			Locale locale) {
		ResolvedText text = text(module, q.text(), locale);
		List<QuizSession.Choice> choices = new ArrayList<>();
		List<QuizSession.Choice> rights = new ArrayList<>();
		switch (q) {
			case Question.SingleChoice single ->
				addInOrder(choices, drawn, single.options(), Option::id, (o) -> text(module, o.text(), locale).text());
			case Question.MultipleChoice multiple -> addInOrder(choices, drawn, multiple.options(), Option::id,
					(o) -> text(module, o.text(), locale).text());
			case Question.TrueFalse trueFalse -> {
				// The view labels these in the cadet's language.
				choices.add(new QuizSession.Choice("true", "true"));
				choices.add(new QuizSession.Choice("false", "false"));
			}
			case Question.Matching matching -> {
				matching.pairs()
					.forEach((p) -> choices.add(new QuizSession.Choice(p.id(), text(module, p.left(), locale).text())));
				addInOrder(rights, drawn, matching.pairs(), MatchPair::id,
						(p) -> text(module, p.right(), locale).text());
			}
			case Question.Ordering ordering -> addInOrder(choices, drawn, ordering.items(), OrderItem::id,
					(i) -> text(module, i.text(), locale).text());
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

	private boolean expired(StoredAttempt attempt) {
		return attempt.deadline() != null && clock.instant().isAfter(attempt.deadline().plus(DEADLINE_GRACE));
	}

	private static int attemptsLeft(Quiz quiz, List<StoredAttempt> quizAttempts) {
		if (quiz.maxAttempts() == 0) {
			return -1;
		}
		return Math.max(0, quiz.maxAttempts() - quizAttempts.size());
	}

	private StoredAttempt ownAttempt(long attemptId) {
		StoredAttempt attempt = attempts.find(attemptId)
			.orElseThrow(() -> new AccessDeniedException("No such attempt"));
		if (attempt.userId() != UserAccountService.requireCurrentUserId()) {
			throw new AccessDeniedException("No such attempt");
		}
		return attempt;
	}

	// ---- scenario
	// ----------------------------------------------------------------------

	/** Resumes the open run of a scenario or starts a new one (replays are allowed). */
	@PreAuthorize("hasRole('CADET')")
	@Transactional
	public ScenarioView startScenario(String moduleId, String scenarioId, Locale locale) {
		long user = UserAccountService.requireCurrentUserId();
		Module module = module(moduleId);
		Scenario scenario = module.scenario(scenarioId)
			.orElseThrow(() -> new LearningException("learning.error.notFound"));
		Optional<StoredRun> open = runs.runs(user, moduleId, scenarioId).stream().filter((r) -> !r.ended()).findFirst();
		long runId = open.map(StoredRun::id).orElseGet(() -> {
			Map<String, Integer> scores = new LinkedHashMap<>();
			scenario.scores().forEach((s) -> scores.put(s, 0));
			return runs.start(user, moduleId, scenarioId, scenario.start(), scores, clock.instant());
		});
		return scenarioView(runs.find(runId).orElseThrow(), module, scenario, null, locale);
	}

	@PreAuthorize("hasRole('CADET')")
	@Transactional(readOnly = true)
	public ScenarioView scenario(long runId, Locale locale) {
		StoredRun run = ownRun(runId);
		Module module = module(run.moduleId());
		return scenarioView(run, module, module.scenario(run.scenarioId()).orElseThrow(), null, locale);
	}

	/**
	 * Takes a choice that is on offer at the run's current node, and records the step.
	 */
	@PreAuthorize("hasRole('CADET')")
	@Transactional
	public ScenarioView choose(long runId, String choiceId, Locale locale) {
		StoredRun run = ownRun(runId);
		Module module = module(run.moduleId());
		Scenario scenario = module.scenario(run.scenarioId()).orElseThrow();
		if (run.ended()) {
			throw new LearningException("scenario.error.ended");
		}
		ScenarioNode node = scenario.node(run.currentNode()).orElseThrow();
		ScenarioState state = state(run, scenario);
		Choice choice = node.choices()
			.stream()
			.filter((c) -> c.id().equals(choiceId) && c.condition().test(state))
			.findFirst()
			.orElseThrow(() -> new LearningException("scenario.error.choiceNotOffered"));
		Map<String, Integer> scores = new LinkedHashMap<>(run.scores());
		choice.effects().forEach((k, v) -> scores.merge(k, v, (a, b) -> ScenarioState.bounded(a + b)));
		Optional<Ending> ending = scenario.ending(choice.next());
		int stepNo = runs.steps(runId).size() + 1;
		boolean moved = runs.step(runId, stepNo, node.id(), choice.id(), choice.next(), scores, clock.instant(),
				ending.map(Ending::id).orElse(null), ending.map((e) -> e.rating().name()).orElse(null));
		if (!moved) {
			// Someone (another tab) moved on first: show where the run really is.
			return scenarioView(runs.find(runId).orElseThrow(), module, scenario, null, locale);
		}
		if (ending.isPresent()) {
			checkCompletion(run.userId(), module);
		}
		String feedback = choice.feedback() == null ? null : text(module, choice.feedback(), locale).text();
		return scenarioView(runs.find(runId).orElseThrow(), module, scenario, feedback, locale);
	}

	private ScenarioState state(StoredRun run, Scenario scenario) {
		Set<String> visited = new HashSet<>();
		visited.add(scenario.start());
		Set<String> chosen = new HashSet<>();
		for (ScenarioRunRepository.StoredStep step : runs.steps(run.id())) {
			visited.add(step.nodeId());
			chosen.add(step.choiceId());
		}
		visited.add(run.currentNode());
		return new ScenarioState(visited, chosen, run.scores());
	}

	private ScenarioView scenarioView(StoredRun run, Module module, Scenario scenario, String feedback, Locale locale) {
		String title = text(module, scenario.title(), locale).text();
		if (run.ended()) {
			Ending ending = scenario.ending(run.endingId()).orElseThrow();
			List<String> path = new ArrayList<>();
			runs.steps(run.id()).forEach((s) -> path.add(s.choiceId()));
			List<QuizSession.Choice> lessons = ending.lessonIds()
				.stream()
				.map((id) -> module.lesson(id)
					.map((l) -> new QuizSession.Choice(l.id(), text(module, l.title(), locale).text()))
					.orElse(null))
				.filter(java.util.Objects::nonNull)
				.toList();
			ScenarioView.EndingView view = new ScenarioView.EndingView(ending.id(), ending.rating().name(),
					text(module, ending.title(), locale).text(), text(module, ending.text(), locale).text(),
					content.markdownHtml(module.id(), content.resolve(module.id(), ending.debrief(), locale)),
					choiceTexts(scenario, module, path, locale), lessons);
			return new ScenarioView(run.id(), module.id(), scenario.id(), title, null, null, null, List.of(), feedback,
					view);
		}
		ScenarioNode node = scenario.node(run.currentNode()).orElseThrow();
		ScenarioState state = state(run, scenario);
		List<QuizSession.Choice> choices = node.choices()
			.stream()
			.filter((c) -> c.condition().test(state))
			.map((c) -> new QuizSession.Choice(c.id(), text(module, c.text(), locale).text()))
			.toList();
		String image = node.image() == null ? null
				: "/content-media/" + module.id() + "/" + node.image().substring("media/".length());
		return new ScenarioView(run.id(), module.id(), scenario.id(), title, node.id(),
				content.markdownHtml(module.id(), content.resolve(module.id(), node.text(), locale)), image, choices,
				feedback, null);
	}

	private List<String> choiceTexts(Scenario scenario, Module module, List<String> choiceIds, Locale locale) {
		Map<String, Text> texts = new HashMap<>();
		scenario.nodes().forEach((n) -> n.choices().forEach((c) -> texts.put(c.id(), c.text())));
		return choiceIds.stream()
			.map((id) -> texts.containsKey(id) ? text(module, texts.get(id), locale).text() : id)
			.toList();
	}

	private StoredRun ownRun(long runId) {
		StoredRun run = runs.find(runId).orElseThrow(() -> new AccessDeniedException("No such run"));
		if (run.userId() != UserAccountService.requireCurrentUserId()) {
			throw new AccessDeniedException("No such run");
		}
		return run;
	}

	// ---- completion
	// --------------------------------------------------------------------

	private void checkCompletion(long user, Module module) {
		if (progress.completedAt(user, module.id()).isPresent() || !meetsRule(user, module)) {
			return;
		}
		Instant now = clock.instant();
		if (progress.recordCompletion(user, module.id(), now)) {
			events.publishEvent(new ModuleCompleted(user, module.id(), now));
		}
	}

	private boolean meetsRule(long user, Module module) {
		var rule = module.completion();
		if (rule.allLessons()) {
			Set<ProgressRepository.SectionRef> viewed = new HashSet<>(progress.viewedSections(user, module.id()));
			for (Lesson lesson : module.lessons()) {
				for (LessonSection section : lesson.sections()) {
					if (!viewed.contains(new ProgressRepository.SectionRef(lesson.id(), section.id()))) {
						return false;
					}
				}
			}
		}
		if (rule.quizPassed() && attempts.attempts(user, module.id(), QuizKind.POST)
			.stream()
			.noneMatch((a) -> Boolean.TRUE.equals(a.passed()))) {
			return false;
		}
		if (rule.scenarioMinimum() != null) {
			for (Scenario scenario : module.scenarios()) {
				Optional<Rating> best = bestRating(runs.runs(user, module.id(), scenario.id()));
				if (best.isEmpty() || (!rule.anyEnding() && !best.get().atLeast(rule.scenarioMinimum()))) {
					return false;
				}
			}
		}
		return true;
	}

	private ModuleStatus status(long user, Module module) {
		if (progress.completedAt(user, module.id()).isPresent()) {
			return ModuleStatus.COMPLETED;
		}
		boolean started = !progress.viewedSections(user, module.id()).isEmpty()
				|| !attempts.attempts(user, module.id(), QuizKind.POST).isEmpty()
				|| !runs.runs(user, module.id()).isEmpty();
		return started ? ModuleStatus.IN_PROGRESS : ModuleStatus.NOT_STARTED;
	}

	/**
	 * Share of the rule's steps done: each lesson section, the quiz and each scenario
	 * count one.
	 */
	private int progressPercent(long user, Module module) {
		if (progress.completedAt(user, module.id()).isPresent()) {
			return 100;
		}
		int total = 0;
		int done = 0;
		var rule = module.completion();
		if (rule.allLessons()) {
			Set<ProgressRepository.SectionRef> viewed = new HashSet<>(progress.viewedSections(user, module.id()));
			for (Lesson lesson : module.lessons()) {
				for (LessonSection section : lesson.sections()) {
					total++;
					done += viewed.contains(new ProgressRepository.SectionRef(lesson.id(), section.id())) ? 1 : 0;
				}
			}
		}
		if (rule.quizPassed()) {
			total++;
			done += attempts.attempts(user, module.id(), QuizKind.POST)
				.stream()
				.anyMatch((a) -> Boolean.TRUE.equals(a.passed())) ? 1 : 0;
		}
		if (rule.scenarioMinimum() != null) {
			for (Scenario scenario : module.scenarios()) {
				total++;
				Optional<Rating> best = bestRating(runs.runs(user, module.id(), scenario.id()));
				done += best.isPresent() && (rule.anyEnding() || best.get().atLeast(rule.scenarioMinimum())) ? 1 : 0;
			}
		}
		return total == 0 ? 0 : 100 * done / total;
	}

	private static Optional<Rating> bestRating(List<StoredRun> stored) {
		return stored.stream()
			.filter(StoredRun::ended)
			.map((r) -> Rating.valueOf(r.rating()))
			.min(java.util.Comparator.comparingInt(Rating::ordinal));
	}

	// ---- shared
	// ------------------------------------------------------------------------

	private Module module(String moduleId) {
		return content.module(moduleId).orElseThrow(() -> new LearningException("learning.error.notFound"));
	}

	private ResolvedText text(Module module, Text text, Locale locale) {
		return content.resolve(module.id(), text, locale);
	}

	private static LessonPage.SectionRef firstSection(Module module) {
		return module.lessons()
			.stream()
			.flatMap((l) -> l.sections().stream().map((s) -> new LessonPage.SectionRef(l.id(), s.id())))
			.findFirst()
			.orElse(null);
	}

	private static String headingOf(String markdown, String fallback) {
		String first = markdown.lines().findFirst().orElse("");
		return first.startsWith("## ") ? first.substring(3).strip() : fallback;
	}

}
