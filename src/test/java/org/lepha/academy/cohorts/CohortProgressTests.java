package org.lepha.academy.cohorts;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.learning.GivenAnswer;
import org.lepha.academy.learning.LearningService;
import org.lepha.academy.learning.ScenarioService;
import org.lepha.academy.learning.LessonReader;
import org.lepha.academy.learning.QuizService;
import org.lepha.academy.learning.ModuleStatus;
import org.lepha.academy.learning.QuizSession;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trainer's progress matrix on a fixed data set: one cadet completed the module, one
 * started and failed the quiz, one did nothing; the module was due yesterday.
 */
@IntegrationTest
class CohortProgressTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	CohortProgress progress;

	@Autowired
	CohortService cohorts;

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

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	@Test
	void matrixAndSummaryShowEachCadetsStandingAndTheOverdueCount() {
		AcademyFixture fixtures = new AcademyFixture(context);
		Academy academy = fixtures.academy();
		UserAccount trainer = fixtures.user(Role.TRAINER, academy, "Trainer");
		UserAccount done = fixtures.user(Role.CADET, academy, "A Done");
		UserAccount started = fixtures.user(Role.CADET, academy, "B Started");
		UserAccount idle = fixtures.user(Role.CADET, academy, "C Idle");
		CohortSummary cohort = fixtures.cohort(academy, trainer);
		fixtures.signInAs(trainer);
		for (UserAccount cadet : List.of(done, started, idle)) {
			cohorts.enrol(cohort.id(), cadet.id());
		}
		LocalDate today = LocalDate.now();
		cohorts.assign(cohort.id(), "example-module", today.minusDays(1));

		fixtures.signInAs(done);
		for (String[] s : List.of(new String[] { "signs-of-overdose", "what-it-looks-like" },
				new String[] { "signs-of-overdose", "minutes-matter" },
				new String[] { "first-steps", "call-for-help" })) {
			reader.openSection("example-module", s[0], s[1], Locale.ENGLISH);
		}
		QuizSession quiz = quizzes.startQuiz("example-module", QuizKind.POST, Locale.ENGLISH);
		Map<String, GivenAnswer> right = Map.of("naloxone-effect", new GivenAnswer.Choices(Set.of("reverses")), "signs",
				new GivenAnswer.Choices(Set.of("slow-breathing", "pinpoint")), "arrest-at-scene",
				new GivenAnswer.TrueFalse(false), "match-services",
				new GivenAnswer.Matches(Map.of("nsp", "nsp", "oat", "oat")), "order-steps",
				new GivenAnswer.Order(List.of("safety", "call", "naloxone")));
		quiz.questions().forEach((q) -> quizzes.saveAnswer(quiz.attemptId(), q.id(), right.get(q.id())));
		quizzes.submitQuiz(quiz.attemptId(), Locale.ENGLISH);
		var run = scenarios.startScenario("example-module", "overdose-call", Locale.ENGLISH);
		scenarios.choose(run.runId(), "check-kit", Locale.ENGLISH);
		scenarios.choose(run.runId(), "give-naloxone", Locale.ENGLISH);

		fixtures.signInAs(started);
		reader.openSection("example-module", "signs-of-overdose", "what-it-looks-like", Locale.ENGLISH);
		quizzes.submitQuiz(quizzes.startQuiz("example-module", QuizKind.POST, Locale.ENGLISH).attemptId(),
				Locale.ENGLISH);

		fixtures.signInAs(trainer);
		List<CohortProgress.Row> rows = progress.page(cohort.id(), 0, 50, today);
		assertThat(rows).extracting((r) -> r.cadet().fullName()).containsExactly("A Done", "B Started", "C Idle");
		assertThat(rows).extracting((r) -> r.modules().get("example-module").status())
			.containsExactly(ModuleStatus.COMPLETED, ModuleStatus.IN_PROGRESS, ModuleStatus.NOT_STARTED);
		assertThat(rows).extracting((r) -> r.modules().get("example-module").bestScore()).containsExactly(100, 0, null);
		assertThat(rows).extracting(CohortProgress.Row::overdue).containsExactly(0, 1, 1);
		assertThat(progress.page(cohort.id(), 1, 1, today)).extracting((r) -> r.cadet().fullName())
			.containsExactly("B Started");
		assertThat(progress.count(cohort.id())).isEqualTo(3);
		// Sorted and filtered in the database: by name, descending; a % in the filter is
		// literal.
		assertThat(progress.page(cohort.id(), 0, 50, today, null, true)).extracting((r) -> r.cadet().fullName())
			.containsExactly("C Idle", "B Started", "A Done");
		assertThat(progress.page(cohort.id(), 0, 50, today, "start", false)).extracting((r) -> r.cadet().fullName())
			.containsExactly("B Started");
		assertThat(progress.count(cohort.id(), "start")).isEqualTo(1);
		assertThat(progress.count(cohort.id(), "%")).isZero();

		CohortProgress.Summary summary = progress.summary(cohort.id(), today);
		assertThat(summary.cadets()).isEqualTo(3);
		assertThat(summary.completionPercent()).isEqualTo(33);
		assertThat(summary.averageScore()).isEqualTo(50.0);
		assertThat(summary.overdue()).isEqualTo(2);

		UserAccount stranger = fixtures.user(Role.TRAINER, academy, "Stranger");
		fixtures.signInAs(stranger);
		assertThatThrownBy(() -> progress.page(cohort.id(), 0, 50, today)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> progress.summary(cohort.id(), today)).isInstanceOf(AccessDeniedException.class);
	}

}
