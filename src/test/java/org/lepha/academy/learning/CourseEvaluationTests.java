package org.lepha.academy.learning;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.TestAccounts;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.base.text.TextLimits.TooLongException;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.content.Evaluation;
import org.lepha.academy.learning.internal.EvaluationAnswerRepository;
import org.lepha.academy.learning.internal.ProgressRepository;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;
import org.lepha.academy.translation.TranslationWorkspace;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cadet's course evaluation on the real database: asked only after completion,
 * answered or skipped once and then final, with checked values, a length limit on the
 * free text, and Dari text stored as typed.
 */
@IntegrationTest
class CourseEvaluationTests {

	private static final String MODULE = AcademyFixture.MODULE;

	private static final String CLARITY = "evaluation.item.clarity.text";

	@Autowired
	TranslationWorkspace workspace;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccountService accounts;

	@Autowired
	AcademyFixture fixture;

	@Autowired
	CourseEvaluations evaluations;

	@Autowired
	EvaluationAnswerRepository answers;

	@Autowired
	ProgressRepository progress;

	UserAccount cadet;

	@BeforeEach
	void newCadet() {
		Academy academy = fixture.academy();
		cadet = fixture.user(Role.CADET, academy, "Evaluating Cadet");
		fixture.signInAs(cadet);
	}

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	@Test
	void nothingIsAskedBeforeTheModuleIsCompletedThenTheFormIsOfferedInTheCadetsLanguage() {
		assertThat(evaluations.evaluation(MODULE, Locale.ENGLISH).state()).isEqualTo(CourseEvaluation.State.NOT_YET);
		assertThat(evaluations.evaluation(MODULE, Locale.ENGLISH).likertItems()).isEmpty();
		assertThatThrownBy(() -> evaluations.answer(MODULE, Map.of("relevance", 5), null)).isInstanceOfSatisfying(
				LearningException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("evaluation.error.notCompleted"));
		assertThatThrownBy(() -> evaluations.skip(MODULE)).isInstanceOf(LearningException.class);
		assertThat(answers.outcome(cadet.id(), MODULE)).isEmpty();

		fixture.completeTheModule();

		CourseEvaluation english = evaluations.evaluation(MODULE, Locale.ENGLISH);
		assertThat(english.state()).isEqualTo(CourseEvaluation.State.OPEN);
		assertThat(english.scale()).containsExactly("Strongly disagree", "Disagree", "Neither agree nor disagree",
				"Agree", "Strongly agree");
		assertThat(english.likertItems()).extracting(CourseEvaluation.Question::itemId)
			.containsExactly("relevance", "clarity", "confidence");
		assertThat(english.freeText()).isNotNull();
		CourseEvaluation dari = evaluations.evaluation(MODULE, Locale.forLanguageTag("fa-AF"));
		assertThat(dari.scale().getFirst()).isEqualTo("کاملاً مخالف");
		assertThat(dari.freeText().text()).isEqualTo("در این ماژول چه چیزی را تغییر می‌دادید؟");
	}

	@Test
	void anAnswerIsStoredOnceAndCannotBeChangedOrSkippedAfterwards() {
		completed();
		evaluations.answer(MODULE, Map.of("relevance", 5, "clarity", 2), "More practice with the kit.");

		assertThat(evaluations.evaluation(MODULE, Locale.ENGLISH).state()).isEqualTo(CourseEvaluation.State.ANSWERED);
		assertThat(answers.ratings(cadet.id(), MODULE)).isEqualTo(Map.of("clarity", 2, "relevance", 5));
		assertThatThrownBy(() -> evaluations.answer(MODULE, Map.of("relevance", 1), "Changed my mind"))
			.isInstanceOfSatisfying(LearningException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("evaluation.error.alreadyDone"));
		assertThatThrownBy(() -> evaluations.skip(MODULE)).isInstanceOfSatisfying(LearningException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("evaluation.error.alreadyDone"));
		assertThat(answers.ratings(cadet.id(), MODULE)).isEqualTo(Map.of("clarity", 2, "relevance", 5));
		assertThat(answers.comment(cadet.id(), MODULE)).hasValue("More practice with the kit.");
	}

	@Test
	void aSkipIsFinalToo() {
		completed();
		evaluations.skip(MODULE);

		assertThat(evaluations.evaluation(MODULE, Locale.ENGLISH).state()).isEqualTo(CourseEvaluation.State.SKIPPED);
		assertThatThrownBy(() -> evaluations.answer(MODULE, Map.of("relevance", 4), null)).isInstanceOfSatisfying(
				LearningException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo("evaluation.error.alreadyDone"));
		assertThat(answers.outcome(cadet.id(), MODULE)).hasValue(EvaluationAnswerRepository.Outcome.SKIPPED);
		assertThat(answers.ratings(cadet.id(), MODULE)).isEmpty();
	}

	@Test
	void valuesOutsideTheScaleUnknownItemsAndEmptyAnswersAreRefusedAndNothingIsStored() {
		completed();
		for (Map<String, Integer> ratings : java.util.List.of(Map.of("relevance", 6), Map.of("relevance", 0),
				Map.of("no-such-item", 3), Map.of("change", 3))) {
			assertThatThrownBy(() -> evaluations.answer(MODULE, ratings, null)).isInstanceOfSatisfying(
					LearningException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo("evaluation.error.invalid"));
		}
		assertThatThrownBy(() -> evaluations.answer(MODULE, Map.of(), "   ")).isInstanceOfSatisfying(
				LearningException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo("evaluation.error.empty"));
		assertThat(answers.outcome(cadet.id(), MODULE)).isEmpty();
		assertThat(evaluations.evaluation(MODULE, Locale.ENGLISH).state()).isEqualTo(CourseEvaluation.State.OPEN);
	}

	@Test
	void theFreeTextIsLimitedAndALimitLengthTextIsKept() {
		completed();
		assertThatThrownBy(
				() -> evaluations.answer(MODULE, Map.of("relevance", 3), "x".repeat(TextLimits.EVALUATION_COMMENT + 1)))
			.isInstanceOfSatisfying(TooLongException.class,
					(ex) -> assertThat(ex.max()).isEqualTo(TextLimits.EVALUATION_COMMENT));
		assertThat(answers.outcome(cadet.id(), MODULE)).isEmpty();

		String longest = "y".repeat(TextLimits.EVALUATION_COMMENT);
		evaluations.answer(MODULE, Map.of(), longest);
		assertThat(answers.comment(cadet.id(), MODULE)).hasValue(longest);
	}

	@Test
	void dariTextIsStoredIntact() {
		completed();
		// Persian letters, a zero-width non-joiner and Persian digits, with markup a page
		// must escape.
		String dari = "تمرین‌های بیشتر با کیت نالوکسون، لطفاً ۳ ساعت <b>بیشتر</b>";
		evaluations.answer(MODULE, Map.of("relevance", 4), dari);
		assertThat(answers.comment(cadet.id(), MODULE)).hasValue(dari);
	}

	@Test
	void aDariEditSavedInTheTranslatorWorkspaceReachesTheCadet() {
		completed();
		Locale dari = Locale.forLanguageTag("fa-AF");
		String edited = "ماژول واضح و آسان بود.";
		// Saved as an administrator (who may edit any language), as in the workspace.
		UserAccount admin = SystemAccess.asAdministrator(() -> accounts.listUsers())
			.stream()
			.filter((u) -> u.username().equals(TestAccounts.ADMIN))
			.findFirst()
			.orElseThrow();
		fixture.signInAs(admin);
		workspace.save(Evaluation.TRANSLATION_ID, dari, CLARITY, edited);
		fixture.signInAs(cadet);
		try {
			assertThat(evaluations.evaluation(MODULE, dari).likertItems())
				.filteredOn((q) -> q.itemId().equals("clarity"))
				.extracting(CourseEvaluation.Question::text)
				.containsExactly(edited);
		}
		finally {
			// The test database is kept: other tests read the file's Dari.
			jdbc.sql("DELETE FROM translation_edit WHERE module_id = ? AND segment_key = ?")
				.params(Evaluation.TRANSLATION_ID, CLARITY)
				.update();
		}
	}

	/**
	 * The cadet has completed the module (recorded directly: the path there is tested
	 * above).
	 */
	private void completed() {
		progress.recordCompletion(cadet.id(), MODULE, Instant.now());
	}

}
