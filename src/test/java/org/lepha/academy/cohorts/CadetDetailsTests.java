package org.lepha.academy.cohorts;

import java.math.BigDecimal;
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
 * A cadet's detail on fixed data: two sections viewed, one submitted post-test with one
 * right and one wrong answer, one scenario run of two choices.
 */
@IntegrationTest
class CadetDetailsTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	CadetDetails details;

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
	void showsSectionsAttemptsWithAnswersAndScenarioPathsToTheCohortsTrainerOnly() {
		AcademyFixture fixtures = new AcademyFixture(context);
		Academy academy = fixtures.academy();
		UserAccount trainer = fixtures.user(Role.TRAINER, academy, "Trainer");
		UserAccount cadet = fixtures.user(Role.CADET, academy, "Detail Cadet");
		UserAccount other = fixtures.user(Role.CADET, academy, "Other Cadet");
		CohortSummary cohort = fixtures.cohort(academy, trainer);
		fixtures.signInAs(trainer);
		cohorts.enrol(cohort.id(), cadet.id());

		fixtures.signInAs(cadet);
		reader.openSection("example-module", "signs-of-overdose", "what-it-looks-like", Locale.ENGLISH);
		reader.openSection("example-module", "signs-of-overdose", "minutes-matter", Locale.ENGLISH);
		QuizSession quiz = quizzes.startQuiz("example-module", QuizKind.POST, Locale.ENGLISH);
		Map<String, GivenAnswer> given = Map.of("naloxone-effect", new GivenAnswer.Choices(Set.of("reverses")),
				"arrest-at-scene", new GivenAnswer.TrueFalse(true));
		quiz.questions()
			.stream()
			.filter((q) -> given.containsKey(q.id()))
			.forEach((q) -> quizzes.saveAnswer(quiz.attemptId(), q.id(), given.get(q.id())));
		quizzes.submitQuiz(quiz.attemptId(), Locale.ENGLISH);
		var run = scenarios.startScenario("example-module", "overdose-call", Locale.ENGLISH);
		scenarios.choose(run.runId(), "check-kit", Locale.ENGLISH);
		scenarios.choose(run.runId(), "give-naloxone", Locale.ENGLISH);

		fixtures.signInAs(trainer);
		CadetDetail detail = details.detail(cohort.id(), cadet.id());
		assertThat(detail.fullName()).isEqualTo("Detail Cadet");
		assertThat(detail.sections()).containsExactly(new CadetDetail.ModuleSections("example-module", 2));
		assertThat(detail.quizAttempts()).hasSize(1);
		CadetDetail.QuizAttempt attempt = detail.quizAttempts().get(0);
		assertThat(attempt.moduleId()).isEqualTo("example-module");
		assertThat(attempt.kind()).isEqualTo("POST");
		assertThat(attempt.number()).isEqualTo(1);
		assertThat(attempt.submittedAt()).isNotNull();
		assertThat(attempt.passed()).isFalse();
		// The quiz draws from the bank: only the drawn ones of the two were answered.
		List<String> answered = quiz.questions().stream().map((q) -> q.id()).filter(given::containsKey).toList();
		assertThat(answered).isNotEmpty();
		assertThat(attempt.answers()).extracting(CadetDetail.Answer::questionId)
			.containsExactlyInAnyOrderElementsOf(answered);
		Map<String, BigDecimal> credit = new java.util.HashMap<>();
		attempt.answers().forEach((a) -> credit.put(a.questionId(), a.credit()));
		if (answered.contains("naloxone-effect")) {
			assertThat(credit.get("naloxone-effect")).isEqualByComparingTo("1");
		}
		if (answered.contains("arrest-at-scene")) {
			assertThat(credit.get("arrest-at-scene")).isEqualByComparingTo("0");
		}
		assertThat(detail.scenarioRuns()).hasSize(1);
		CadetDetail.ScenarioRun scenario = detail.scenarioRuns().get(0);
		assertThat(scenario.scenarioId()).isEqualTo("overdose-call");
		assertThat(scenario.path()).extracting(CadetDetail.Step::choiceId)
			.containsExactly("check-kit", "give-naloxone");
		assertThat(scenario.path()).extracting(CadetDetail.Step::number).isSorted();

		assertThatThrownBy(() -> details.detail(cohort.id(), other.id())).isInstanceOf(AccessDeniedException.class);
		UserAccount stranger = fixtures.user(Role.TRAINER, academy, "Stranger");
		fixtures.signInAs(stranger);
		assertThatThrownBy(() -> details.detail(cohort.id(), cadet.id())).isInstanceOf(AccessDeniedException.class);
		fixtures.signInAs(cadet);
		assertThatThrownBy(() -> details.detail(cohort.id(), cadet.id())).isInstanceOf(AccessDeniedException.class);
	}

}
