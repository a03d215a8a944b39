package org.lepha.academy.learning;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.cohorts.NewCohort;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A cadet takes the example module end to end on the real database: lessons, quiz,
 * scenario, completion; and the guarantees around it (answers saved when given, one
 * result for a double submit, attempt limits, the server-side time limit, other cadets
 * kept out).
 */
@IntegrationTest
@RecordApplicationEvents
class LearningJourneyTests {

	@Autowired
	AcademyFixture fixture;

	private static final String MODULE = "example-module";

	@Autowired
	LearningService learning;

	@Autowired
	QuizService quizzes;

	@Autowired
	LessonReader reader;

	@Autowired
	ScenarioService scenarios;

	@Autowired
	UserAccountService accounts;

	@Autowired
	CohortService cohorts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	UserAccount cadet;

	@BeforeEach
	void newCadetInAnAssignedCohort() {
		cadet = user(Role.CADET);
		UserAccount trainer = user(Role.TRAINER);
		CohortSummary cohort = SystemAccess.asAdministrator(() -> {
			long academy = cohorts.createAcademy("Learning academy " + System.nanoTime()).id();
			CohortSummary c = cohorts
				.createCohort(new NewCohort(academy, "Learning cohort", null, null, Set.of(trainer.id())));
			cohorts.enrol(c.id(), cadet.id());
			cohorts.assign(c.id(), MODULE, LocalDate.now().minusDays(1));
			return c;
		});
		assertThat(cohort).isNotNull();
		fixture.signInAs(cadet);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void cadetCompletesTheModuleStepByStepAndCompletionIsAnnouncedOnce() {
		ModuleCard card = learning.myModules(Locale.ENGLISH).get(0);
		assertThat(card.moduleId()).isEqualTo(MODULE);
		assertThat(card.assigned()).isTrue();
		assertThat(card.overdue()).isTrue();
		assertThat(card.status()).isEqualTo(ModuleStatus.NOT_STARTED);

		readEverySection();
		assertThat(learning.overview(MODULE, Locale.ENGLISH).resume())
			.isEqualTo(new LessonPage.SectionRef("first-steps", "call-for-help"));

		QuizSession quiz = quizzes.startQuiz(MODULE, QuizKind.POST, Locale.ENGLISH);
		answerCorrectly(quiz);
		QuizSession graded = quizzes.submitQuiz(quiz.attemptId(), Locale.ENGLISH);
		assertThat(graded.result().scorePercent()).isEqualTo(100);
		assertThat(graded.result().passed()).isTrue();
		assertThat(learning.myModules(Locale.ENGLISH).get(0).status()).isEqualTo(ModuleStatus.IN_PROGRESS);

		ScenarioView view = scenarios.startScenario(MODULE, "overdose-call", Locale.ENGLISH);
		view = scenarios.choose(view.runId(), "check-kit", Locale.ENGLISH);
		assertThat(view.feedback()).isEqualTo("You have the kit in your hand.");
		assertThat(view.choices()).extracting(QuizSession.Choice::id).containsExactly("give-naloxone", "search");
		view = scenarios.choose(view.runId(), "give-naloxone", Locale.ENGLISH);
		assertThat(view.ending().rating()).isEqualTo("EXEMPLARY");
		assertThat(view.ending().lessons()).extracting(QuizSession.Choice::id).containsExactly("signs-of-overdose");

		ModuleOverview overview = learning.overview(MODULE, Locale.ENGLISH);
		assertThat(overview.status()).isEqualTo(ModuleStatus.COMPLETED);
		assertThat(overview.completedAt()).isNotNull();
		assertThat(learning.myModules(Locale.ENGLISH).get(0).overdue()).isFalse();
		reader.openSection(MODULE, "first-steps", "call-for-help", Locale.ENGLISH);
		assertThat(events.stream(ModuleCompleted.class).filter((e) -> e.userId() == cadet.id())).hasSize(1);
	}

	@Test
	void theDrawnQuestionsAndEveryAnswerSurviveANewSession() {
		QuizSession first = quizzes.startQuiz(MODULE, QuizKind.POST, Locale.ENGLISH);
		quizzes.saveAnswer(first.attemptId(), first.questions().get(0).id(), new GivenAnswer.Choices(Set.of("x")));
		signOut();
		fixture.signInAs(cadet);
		QuizSession again = quizzes.startQuiz(MODULE, QuizKind.POST, Locale.forLanguageTag("ru"));
		assertThat(again.attemptId()).isEqualTo(first.attemptId());
		assertThat(again.questions()).extracting(QuizSession.QuestionView::id)
			.containsExactlyElementsOf(first.questions().stream().map(QuizSession.QuestionView::id).toList());
		assertThat(again.answers()).containsKey(first.questions().get(0).id());
	}

	@Test
	void aConcurrentDoubleSubmitYieldsOneResult() throws Exception {
		QuizSession quiz = quizzes.startQuiz(MODULE, QuizKind.POST, Locale.ENGLISH);
		answerCorrectly(quiz);
		SecurityContext context = SecurityContextHolder.getContext();
		Callable<QuizSession> submit = () -> {
			SecurityContextHolder.setContext(context);
			try {
				return quizzes.submitQuiz(quiz.attemptId(), Locale.ENGLISH);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		};
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			List<Future<QuizSession>> results = pool.invokeAll(List.of(submit, submit));
			assertThat(results.get(0).get().result().scorePercent()).isEqualTo(100);
			assertThat(results.get(1).get().result().scorePercent()).isEqualTo(100);
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quiz_attempt WHERE user_id = ? AND submitted_at IS NOT NULL")
			.param(cadet.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void afterTheMaximumNumberOfAttemptsNoNewAttemptStarts() {
		for (int i = 0; i < 3; i++) {
			QuizSession quiz = quizzes.startQuiz(MODULE, QuizKind.POST, Locale.ENGLISH);
			QuizSession result = quizzes.submitQuiz(quiz.attemptId(), Locale.ENGLISH);
			assertThat(result.result().passed()).isFalse();
			assertThat(result.result().attemptsLeft()).isEqualTo(2 - i);
		}
		assertThatThrownBy(() -> quizzes.startQuiz(MODULE, QuizKind.POST, Locale.ENGLISH))
			.isInstanceOf(LearningException.class)
			.hasMessage("quiz.error.noAttemptsLeft");
	}

	@Test
	void theServerRefusesAnswersAfterTheTimeLimit() {
		QuizSession quiz = quizzes.startQuiz(MODULE, QuizKind.POST, Locale.ENGLISH);
		assertThat(quiz.deadline()).isNotNull();
		String question = quiz.questions().get(0).id();
		// The clock cannot be turned, so the deadline is moved: 20 minutes have passed.
		jdbc.sql("UPDATE quiz_attempt SET deadline_at = DATE_SUB(NOW(3), INTERVAL 1 MINUTE) WHERE id = ?")
			.param(quiz.attemptId())
			.update();
		assertThatThrownBy(() -> quizzes.saveAnswer(quiz.attemptId(), question, new GivenAnswer.TrueFalse(true)))
			.isInstanceOf(LearningException.class)
			.hasMessage("quiz.error.timeUp");
		QuizSession next = quizzes.startQuiz(MODULE, QuizKind.POST, Locale.ENGLISH);
		assertThat(next.attemptId()).as("the expired attempt was graded, a new one began")
			.isNotEqualTo(quiz.attemptId());
		assertThat(quizzes.quizSession(quiz.attemptId(), Locale.ENGLISH).submitted()).isTrue();
	}

	@Test
	void theOptionalPreTestIsTakenOnceAndHasNoPassMark() {
		assertThat(learning.overview(MODULE, Locale.ENGLISH).preTestOffered()).isTrue();
		QuizSession pre = quizzes.startQuiz(MODULE, QuizKind.PRE, Locale.ENGLISH);
		assertThat(pre.questions()).hasSize(2);
		QuizSession done = quizzes.submitQuiz(pre.attemptId(), Locale.ENGLISH);
		assertThat(done.result().passed()).isNull();
		assertThatThrownBy(() -> quizzes.startQuiz(MODULE, QuizKind.PRE, Locale.ENGLISH))
			.hasMessage("quiz.error.preTestTaken");
	}

	@Test
	void anotherCadetCannotTouchThisCadetsAttemptOrRun() {
		QuizSession quiz = quizzes.startQuiz(MODULE, QuizKind.POST, Locale.ENGLISH);
		ScenarioView run = scenarios.startScenario(MODULE, "overdose-call", Locale.ENGLISH);
		fixture.signInAs(user(Role.CADET));
		assertThatThrownBy(() -> quizzes.quizSession(quiz.attemptId(), Locale.ENGLISH))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> quizzes.saveAnswer(quiz.attemptId(), "signs", new GivenAnswer.Choices(Set.of())))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> scenarios.choose(run.runId(), "check-kit", Locale.ENGLISH))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aChoiceThatIsNotOnOfferIsRefused() {
		ScenarioView view = scenarios.startScenario(MODULE, "overdose-call", Locale.ENGLISH);
		view = scenarios.choose(view.runId(), "go-straight", Locale.ENGLISH);
		long runId = view.runId();
		assertThatThrownBy(() -> scenarios.choose(runId, "give-naloxone", Locale.ENGLISH))
			.isInstanceOf(LearningException.class)
			.hasMessage("scenario.error.choiceNotOffered");
	}

	private void readEverySection() {
		for (String[] section : List.of(new String[] { "signs-of-overdose", "what-it-looks-like" },
				new String[] { "signs-of-overdose", "minutes-matter" },
				new String[] { "first-steps", "call-for-help" })) {
			LessonPage page = reader.openSection(MODULE, section[0], section[1], Locale.ENGLISH);
			assertThat(page.html()).isNotBlank();
		}
	}

	private void answerCorrectly(QuizSession quiz) {
		Map<String, GivenAnswer> correct = Map.of("naloxone-effect", new GivenAnswer.Choices(Set.of("reverses")),
				"signs", new GivenAnswer.Choices(Set.of("slow-breathing", "pinpoint")), "arrest-at-scene",
				new GivenAnswer.TrueFalse(false), "match-services",
				new GivenAnswer.Matches(Map.of("nsp", "nsp", "oat", "oat")), "order-steps",
				new GivenAnswer.Order(List.of("safety", "call", "naloxone")));
		for (QuizSession.QuestionView question : quiz.questions()) {
			quizzes.saveAnswer(quiz.attemptId(), question.id(), correct.get(question.id()));
		}
	}

	private UserAccount user(Role role) {
		return SystemAccess.asAdministrator(
				() -> accounts.createUser(new NewUser(role.name().toLowerCase() + ".learner." + System.nanoTime(),
						"Learner", null, Locale.ENGLISH, Set.of(role), null, "learner-password-1", false)));
	}

}
