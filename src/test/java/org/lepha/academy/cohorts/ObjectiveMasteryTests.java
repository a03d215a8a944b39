package org.lepha.academy.cohorts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.cohorts.ObjectiveMastery.ObjectiveStats;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * Mastery per objective on a hand-built cohort. The example module has two objectives:
 * {@code recognise} (post-test questions naloxone-effect, signs) and {@code act}
 * (arrest-at-scene, match-services, order-steps).
 */
@IntegrationTest
class ObjectiveMasteryTests {

	static final String ANSWER = "{\"kind\":\"choices\",\"ids\":[]}";

	static final String[] FOUR = { "naloxone-effect", "signs", "arrest-at-scene", "match-services" };

	@Autowired
	ApplicationContext context;

	@Autowired
	ObjectiveMastery mastery;

	@Autowired
	CohortService cohorts;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	@Test
	void latestAttemptOfActiveCadetsWithUnansweredDrawnQuestionsCountingZero() {
		AcademyFixture fixtures = new AcademyFixture(context);
		AnalyticsData.Classroom room = AnalyticsData.classroom(fixtures, cohorts);
		Academy academy = room.academy();
		UserAccount trainer = room.trainer();
		UserAccount a = room.a();
		UserAccount b = room.b();
		UserAccount c = room.c();
		UserAccount d = room.d();
		UserAccount gone = room.gone();
		CohortSummary cohort = room.cohort();
		AnalyticsData data = new AnalyticsData(jdbc);
		Instant t = Instant.parse("2026-10-05T08:00:00Z");

		// A: the first attempt failed everything; only the latest submitted one counts
		// (recognise 1.0 mastered, act 0.75 not), and an open third attempt does not.
		answer(data, attempt(data, a, 1, t, FOUR), FOUR, 0, 0, 0, 0);
		String[] latest = { "naloxone-effect", "signs", "arrest-at-scene", "order-steps" };
		answer(data, attempt(data, a, 2, t.plusSeconds(3600), latest), latest, 1, 1, 1, 0.5);
		long open = data.attempt(a.id(), "POST", 3, null, null, null);
		data.drawn(open, FOUR);
		answer(data, open, FOUR, 0, 0, 0, 0);
		// B: recognise 0.75; act 0.5, since the drawn match-services left unanswered
		// counts 0.
		answer(data, attempt(data, b, 1, t, FOUR), new String[] { "naloxone-effect", "signs", "arrest-at-scene" }, 1,
				0.5, 1);
		// C: recognise 1.0; act (1 + 1 + 0.4) / 3 = 0.8, exactly the threshold: mastered.
		String[] cDrawn = { "naloxone-effect", "arrest-at-scene", "match-services", "order-steps" };
		answer(data, attempt(data, c, 1, t, cDrawn), cDrawn, 1, 1, 1, 0.4);
		// D: answered none of recognise's drawn questions, so not counted there; act 0.
		// Its
		// correct pre-test answer to a recognise question does not count.
		answer(data, attempt(data, d, 1, t, FOUR), new String[] { "arrest-at-scene", "match-services" }, 0, 0);
		long pre = data.attempt(d.id(), "PRE", 1, 100, null, t.minusSeconds(86400));
		data.drawn(pre, "first-check");
		data.answer(pre, "first-check", ANSWER, 1);
		// E: perfect, but withdrawn.
		answer(data, attempt(data, gone, 1, t, FOUR), FOUR, 1, 1, 1, 1);
		cohorts.withdraw(cohort.id(), gone.id());

		List<ObjectiveStats> stats = mastery.mastery(cohort.id(), AnalyticsData.MODULE, Locale.ENGLISH);
		assertThat(stats).extracting(ObjectiveStats::objectiveId).containsExactly("recognise", "act");

		ObjectiveStats recognise = stats.get(0);
		assertThat(recognise.text()).isEqualTo("Recognise the signs of an opioid overdose.");
		assertThat(recognise.cadets()).isEqualTo(3);
		assertThat(recognise.percentMastered()).isCloseTo(200.0 / 3, within(1e-9));
		assertThat(recognise.meanCreditPercent()).isCloseTo(100 * (1 + 0.75 + 1) / 3, within(1e-9));

		ObjectiveStats act = stats.get(1);
		assertThat(act.text()).isEqualTo("Call for medical help and keep the person breathing.");
		assertThat(act.cadets()).isEqualTo(4);
		assertThat(act.percentMastered()).isCloseTo(25.0, within(1e-9));
		assertThat(act.meanCreditPercent()).isCloseTo(100 * (0.75 + 0.5 + 0.8 + 0) / 4, within(1e-9));
	}

	@Test
	void objectivesNobodyAnsweredHaveNoFigures() {
		AcademyFixture fixtures = new AcademyFixture(context);
		Academy academy = fixtures.academy();
		UserAccount trainer = fixtures.user(Role.TRAINER, academy, "Trainer");
		UserAccount a = fixtures.user(Role.CADET, academy, "A");
		CohortSummary cohort = fixtures.cohort(academy, trainer);
		fixtures.signInAs(trainer);
		cohorts.enrol(cohort.id(), a.id());
		// Drawn only act's questions, and answered one of them.
		AnalyticsData data = new AnalyticsData(jdbc);
		long attempt = attempt(data, a, 1, Instant.parse("2026-10-05T08:00:00Z"), "arrest-at-scene", "order-steps");
		data.answer(attempt, "arrest-at-scene", ANSWER, 1);

		List<ObjectiveStats> stats = mastery.mastery(cohort.id(), AnalyticsData.MODULE, Locale.ENGLISH);
		assertThat(stats)
			.extracting(ObjectiveStats::objectiveId, ObjectiveStats::cadets, ObjectiveStats::percentMastered,
					ObjectiveStats::meanCreditPercent)
			.containsExactly(tuple("recognise", 0, null, null), tuple("act", 1, 0.0, 50.0));
	}

	@Test
	void anotherAcademysTrainerAndCadetsAreRefused() {
		AcademyFixture fixtures = new AcademyFixture(context);
		Academy academy = fixtures.academy();
		UserAccount trainer = fixtures.user(Role.TRAINER, academy, "Trainer");
		UserAccount cadet = fixtures.user(Role.CADET, academy, "A");
		CohortSummary cohort = fixtures.cohort(academy, trainer);
		fixtures.enrol(cohort, cadet);

		fixtures.signInAs(fixtures.user(Role.TRAINER, fixtures.academy(), "Foreign trainer"));
		assertThatThrownBy(() -> mastery.mastery(cohort.id(), AnalyticsData.MODULE, Locale.ENGLISH))
			.isInstanceOf(AccessDeniedException.class);
		fixtures.signInAs(cadet);
		assertThatThrownBy(() -> mastery.mastery(cohort.id(), AnalyticsData.MODULE, Locale.ENGLISH))
			.isInstanceOf(AccessDeniedException.class);
		fixtures.signInAs(trainer);
		assertThat(mastery.mastery(cohort.id(), AnalyticsData.MODULE, Locale.ENGLISH)).hasSize(2);
	}

	private static long attempt(AnalyticsData data, UserAccount cadet, int attemptNo, Instant submittedAt,
			String... drawn) {
		long id = data.attempt(cadet.id(), "POST", attemptNo, 0, false, submittedAt);
		data.drawn(id, drawn);
		return id;
	}

	private static void answer(AnalyticsData data, long attemptId, String[] questions, double... credits) {
		for (int i = 0; i < questions.length; i++) {
			data.answer(attemptId, questions[i], ANSWER, credits[i]);
		}
	}

}
