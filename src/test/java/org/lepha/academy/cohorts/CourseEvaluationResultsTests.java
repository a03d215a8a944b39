package org.lepha.academy.cohorts;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.cohorts.CourseEvaluationResults.ItemResult;
import org.lepha.academy.cohorts.CourseEvaluationResults.ModuleResults;
import org.lepha.academy.learning.CourseEvaluations;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trainer's view of the course evaluation on a fixed data set: nothing but the count
 * below five answers (skips do not count), then counts, means and distributions per item
 * and the free texts sorted and without names; only the cohort's own cadets count, and
 * only its trainers (and administrators) may look.
 */
@IntegrationTest
class CourseEvaluationResultsTests {

	private static final String MODULE = AcademyFixture.MODULE;

	@Autowired
	AcademyFixture fixture;

	@Autowired
	CourseEvaluations evaluations;

	@Autowired
	CourseEvaluationResults results;

	Academy academy;

	UserAccount trainer;

	CohortSummary cohort;

	@BeforeEach
	void cohortWithTheModule() {
		academy = fixture.academy();
		trainer = fixture.user(Role.TRAINER, academy, "Evaluation Trainer");
		cohort = fixture.cohort(academy, trainer);
		fixture.assignTheModule(cohort);
	}

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	@Test
	void figuresAppearAtFiveAnswersNotAtFourAndSkipsDoNotCount() {
		answer("Cadet Aziza Karimi", Map.of("relevance", 5, "clarity", 3, "confidence", 1), "Shorter videos");
		answer("Cadet Bakyt Osmonov", Map.of("relevance", 4, "clarity", 3, "confidence", 2),
				"A second scenario about a school");
		answer("Cadet Dilnoza Rahimova", Map.of("relevance", 4, "clarity", 4, "confidence", 3), null);
		answer("Cadet Farid Noori", Map.of("relevance", 2, "clarity", 5, "confidence", 4),
				"Add a lesson on women in custody");
		skip("Cadet Gulnara Sadykova");
		// A cadet of another cohort answers too: never part of this cohort's figures.
		CohortSummary other = fixture.cohort(academy, fixture.user(Role.TRAINER, academy, "Other Trainer"));
		answerIn(other, "Cadet Other Cohort", Map.of("relevance", 1, "clarity", 1, "confidence", 1),
				"From another cohort");

		ModuleResults four = asTrainer();
		assertThat(four.answered()).isEqualTo(4);
		assertThat(four.skipped()).isEqualTo(1);
		assertThat(four.shown()).isFalse();
		assertThat(four.items()).isEmpty();
		assertThat(four.comments()).isEmpty();

		answer("Cadet Hamid Sultani", Map.of("relevance", 5, "confidence", 5), "Nothing");

		ModuleResults five = asTrainer();
		assertThat(five.answered()).isEqualTo(5);
		assertThat(five.shown()).isTrue();
		assertThat(five.scale()).containsExactly("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree",
				"Strongly agree");
		assertThat(five.items()).extracting(ItemResult::itemId).containsExactly("relevance", "clarity", "confidence");
		ItemResult relevance = five.items().get(0);
		assertThat(relevance.answers()).isEqualTo(5);
		assertThat(relevance.mean()).isEqualTo(4.0);
		assertThat(relevance.distribution()).containsExactly(0, 1, 0, 2, 2);
		ItemResult clarity = five.items().get(1);
		assertThat(clarity.answers()).as("one cadet left clarity out").isEqualTo(4);
		assertThat(clarity.mean()).isEqualTo(3.75);
		assertThat(clarity.distribution()).containsExactly(0, 0, 2, 1, 1);
		ItemResult confidence = five.items().get(2);
		assertThat(confidence.mean()).isEqualTo(3.0);
		assertThat(confidence.distribution()).containsExactly(1, 1, 1, 1, 1);
		assertThat(five.freeTextQuestion()).isEqualTo("What would you change in this module?");

		// The academy's figures pool its cohorts: the other cohort's answer counts there.
		ModuleResults academyWide = SystemAccess
			.asAdministrator(() -> results.academyResults(academy.id(), Locale.ENGLISH))
			.stream()
			.filter((m) -> m.moduleId().equals(MODULE))
			.findFirst()
			.orElseThrow();
		assertThat(academyWide.answered()).isEqualTo(6);
		assertThat(academyWide.items().getFirst().distribution()).containsExactly(1, 1, 0, 2, 2);
		assertThat(academyWide.comments()).contains("From another cohort", "Shorter videos");
	}

	@Test
	void freeTextsAreSortedByTextNotByTimeAndCarryNoNames() {
		answer("Cadet Zarina Ahmadi", Map.of("relevance", 3), "Shorter videos");
		answer("Cadet Yusuf Habibi", Map.of("relevance", 3), "A second scenario about a school");
		answer("Cadet Xenia Petrova", Map.of("relevance", 3), "Add a lesson on women in custody");
		answer("Cadet Wali Rasuli", Map.of("relevance", 3), null);
		answer("Cadet Vera Ivanova", Map.of("relevance", 3), "Nothing");

		ModuleResults shown = asTrainer();
		assertThat(shown.comments()).containsExactly("A second scenario about a school",
				"Add a lesson on women in custody", "Nothing", "Shorter videos");
		assertThat(shown.toString()).doesNotContain("Zarina", "Yusuf", "Xenia", "Wali", "Vera", "cadet.");
	}

	@Test
	void anotherCohortsTrainerAndCadetsAreRefusedAnAdministratorMayLook() {
		UserAccount otherTrainer = fixture.user(Role.TRAINER, academy, "Another Trainer");
		fixture.cohort(academy, otherTrainer);
		fixture.signInAs(otherTrainer);
		assertThatThrownBy(() -> results.results(cohort.id(), MODULE, Locale.ENGLISH))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> results.results(cohort.id(), Locale.ENGLISH))
			.isInstanceOf(AccessDeniedException.class);
		fixture.signInAs(trainer);
		assertThatThrownBy(() -> results.academyResults(academy.id(), Locale.ENGLISH))
			.as("the academy's figures include other trainers' cohorts")
			.isInstanceOf(AccessDeniedException.class);

		UserAccount cadet = fixture.user(Role.CADET, academy, "Curious Cadet");
		fixture.enrol(cohort, cadet);
		fixture.signInAs(cadet);
		assertThatThrownBy(() -> results.results(cohort.id(), MODULE, Locale.ENGLISH))
			.isInstanceOf(AccessDeniedException.class);

		List<ModuleResults> all = SystemAccess.asAdministrator(() -> results.results(cohort.id(), Locale.ENGLISH));
		assertThat(all).extracting(ModuleResults::moduleId).containsExactly(MODULE);
		assertThat(all.getFirst().shown()).isFalse();
	}

	private ModuleResults asTrainer() {
		fixture.signInAs(trainer);
		return results.results(cohort.id(), MODULE, Locale.ENGLISH).orElseThrow();
	}

	private void answer(String name, Map<String, Integer> ratings, String comment) {
		answerIn(cohort, name, ratings, comment);
	}

	private void answerIn(CohortSummary in, String name, Map<String, Integer> ratings, String comment) {
		fixture.completedCadet(academy, in, name);
		evaluations.answer(MODULE, ratings, comment);
	}

	private void skip(String name) {
		fixture.completedCadet(academy, cohort, name);
		evaluations.skip(MODULE);
	}

}
