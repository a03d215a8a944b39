package org.lepha.academy.cohorts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.content.QuestionType;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Item analysis and knowledge gain on a fixed data set of four cadets whose first
 * post-tests scored 100, 75, 50 and 25, plus attempts that must not count: a later
 * attempt, an unsubmitted one and a withdrawn cadet's.
 */
@IntegrationTest
class CohortAnalyticsTests {

	@Autowired
	ApplicationContext context;

	static final String CHOICES = "{\"kind\":\"choices\",\"ids\":[%s]}";

	@Autowired
	ItemAnalysis itemAnalysis;

	@Autowired
	KnowledgeGain knowledgeGain;

	@Autowired
	ScenarioAnalytics scenarioAnalytics;

	@Autowired
	CohortService cohorts;

	@Autowired
	UserAccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	@Test
	void itemAnalysisAndKnowledgeGainOnAFixedDataSet() {
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
		cohorts.assign(cohort.id(), AnalyticsData.MODULE, null);

		AnalyticsData data = new AnalyticsData(jdbc);
		Instant t = Instant.parse("2026-10-05T08:00:00Z");
		long qa = data.attempt(a.id(), "POST", 1, 100, true, t);
		long qb = data.attempt(b.id(), "POST", 1, 75, true, t);
		long qc = data.attempt(c.id(), "POST", 1, 50, false, t);
		long qd = data.attempt(d.id(), "POST", 1, 25, false, t);
		data.answer(qa, "naloxone-effect", CHOICES.formatted("\"reverses\""), 1);
		data.answer(qb, "naloxone-effect", CHOICES.formatted("\"sedates\""), 0);
		data.answer(qc, "naloxone-effect", CHOICES.formatted("\"sedates\""), 0);
		data.answer(qd, "naloxone-effect", CHOICES.formatted("\"sedates\""), 0);
		data.answer(qa, "signs", CHOICES.formatted("\"pinpoint\",\"slow-breathing\""), 1);
		data.answer(qb, "signs", CHOICES.formatted("\"agitation\",\"slow-breathing\""), 0.5);
		data.answer(qc, "signs", CHOICES.formatted("\"agitation\""), 0);
		data.answer(qa, "arrest-at-scene", "{\"kind\":\"truefalse\",\"value\":false}", 1);
		data.answer(qb, "arrest-at-scene", "{\"kind\":\"truefalse\",\"value\":true}", 0);
		data.answer(qc, "arrest-at-scene", "{\"kind\":\"truefalse\",\"value\":false}", 1);
		data.answer(qd, "arrest-at-scene", "{\"kind\":\"truefalse\",\"value\":true}", 0);
		data.answer(qa, "match-services", "{\"kind\":\"matches\",\"pairs\":{\"nsp\":\"oat\",\"oat\":\"nsp\"}}", 0);
		data.answer(qd, "match-services", "{\"kind\":\"matches\",\"pairs\":{\"nsp\":\"nsp\",\"oat\":\"oat\"}}", 1);
		// Not counted: a later attempt, an unsubmitted attempt, a withdrawn cadet.
		long later = data.attempt(a.id(), "POST", 2, 90, true, t.plusSeconds(3600));
		data.answer(later, "naloxone-effect", CHOICES.formatted("\"sedates\""), 0);
		long open = data.attempt(b.id(), "POST", 2, null, null, null);
		data.answer(open, "naloxone-effect", CHOICES.formatted("\"reverses\""), 1);
		long withdrawn = data.attempt(gone.id(), "POST", 1, 0, false, t);
		data.answer(withdrawn, "naloxone-effect", CHOICES.formatted("\"sedates\""), 0);
		data.attempt(gone.id(), "PRE", 1, 0, null, t.minusSeconds(86400));
		cohorts.withdraw(cohort.id(), gone.id());
		// Pre-tests: A's second pre-test does not replace the first; D took none.
		data.attempt(a.id(), "PRE", 1, 20, null, t.minusSeconds(86400));
		data.attempt(a.id(), "PRE", 2, 90, null, t.minusSeconds(86000));
		data.attempt(b.id(), "PRE", 1, 40, null, t.minusSeconds(86400));
		data.attempt(c.id(), "PRE", 1, 60, null, t.minusSeconds(86400));
		data.attempt(c.id(), "PRE", 2, null, null, null);

		ItemAnalysis.Result result = itemAnalysis.analyse(cohort.id(), AnalyticsData.MODULE, Locale.ENGLISH);
		assertThat(result.cadets()).isEqualTo(4);
		assertThat(result.groupSize()).isEqualTo(1);
		assertThat(result.questions()).extracting(ItemAnalysis.QuestionStats::questionId)
			.containsExactly("naloxone-effect", "signs", "arrest-at-scene", "match-services", "order-steps");

		ItemAnalysis.QuestionStats single = result.questions().get(0);
		assertThat(single.type()).isEqualTo(QuestionType.SINGLE);
		assertThat(single.text()).isEqualTo("What does naloxone do?");
		assertThat(single.answers()).isEqualTo(4);
		assertThat(single.percentCorrect()).isCloseTo(25.0, within(1e-9));
		assertThat(single.facility()).isCloseTo(0.25, within(1e-9));
		assertThat(single.mostChosenWrongOption()).isEqualTo("sedates");
		assertThat(single.mostChosenWrongText())
			.isEqualTo("It sedates the person so that they stay calm until help comes.");
		assertThat(single.mostChosenWrongCount()).isEqualTo(3);
		assertThat(single.discrimination()).isCloseTo(1.0, within(1e-9));

		ItemAnalysis.QuestionStats multiple = result.questions().get(1);
		assertThat(multiple.answers()).isEqualTo(3);
		assertThat(multiple.percentCorrect()).isCloseTo(100.0 / 3, within(1e-9));
		assertThat(multiple.facility()).isCloseTo(0.5, within(1e-9));
		assertThat(multiple.mostChosenWrongOption()).isEqualTo("agitation");
		assertThat(multiple.mostChosenWrongCount()).isEqualTo(2);
		assertThat(multiple.discrimination()).as("nobody of the lower group answered").isNull();

		ItemAnalysis.QuestionStats trueFalse = result.questions().get(2);
		assertThat(trueFalse.answers()).isEqualTo(4);
		assertThat(trueFalse.percentCorrect()).isCloseTo(50.0, within(1e-9));
		assertThat(trueFalse.facility()).isCloseTo(0.5, within(1e-9));
		assertThat(trueFalse.mostChosenWrongOption()).isEqualTo("true");
		assertThat(trueFalse.mostChosenWrongText()).isNull();
		assertThat(trueFalse.mostChosenWrongCount()).isEqualTo(2);
		assertThat(trueFalse.discrimination()).isCloseTo(1.0, within(1e-9));

		ItemAnalysis.QuestionStats matching = result.questions().get(3);
		assertThat(matching.answers()).isEqualTo(2);
		assertThat(matching.percentCorrect()).isCloseTo(50.0, within(1e-9));
		assertThat(matching.mostChosenWrongOption()).isNull();
		assertThat(matching.discrimination()).isCloseTo(-1.0, within(1e-9));

		ItemAnalysis.QuestionStats unanswered = result.questions().get(4);
		assertThat(unanswered.answers()).isZero();
		assertThat(unanswered.percentCorrect()).isNull();
		assertThat(unanswered.facility()).isNull();
		assertThat(unanswered.discrimination()).isNull();

		List<KnowledgeGain.ModuleGain> gains = knowledgeGain.gains(cohort.id(), Locale.ENGLISH);
		assertThat(gains).hasSize(1);
		KnowledgeGain.ModuleGain gain = gains.get(0);
		assertThat(gain.moduleId()).isEqualTo(AnalyticsData.MODULE);
		assertThat(gain.title()).isEqualTo("Responding to an overdose");
		assertThat(gain.cadets()).isEqualTo(3);
		assertThat(gain.preAverage()).isCloseTo(40.0, within(1e-9));
		assertThat(gain.postAverage()).isCloseTo(75.0, within(1e-9));
		assertThat(gain.gain()).isCloseTo(35.0, within(1e-9));

		UserAccount stranger = fixtures.user(Role.TRAINER, academy, "Stranger");
		fixtures.signInAs(stranger);
		assertThatThrownBy(() -> itemAnalysis.analyse(cohort.id(), AnalyticsData.MODULE, Locale.ENGLISH))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> knowledgeGain.gains(cohort.id(), Locale.ENGLISH))
			.isInstanceOf(AccessDeniedException.class);
		fixtures.signInAs(a);
		assertThatThrownBy(() -> itemAnalysis.analyse(cohort.id(), AnalyticsData.MODULE, Locale.ENGLISH))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void scenarioChoicesAndEndingsAreCountedAndDrawn() {
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
		String s = "overdose-call";
		data.run(a.id(), s, "recovered", "arrival", "check-kit", "at-his-side", "give-naloxone");
		data.run(a.id(), s, "recovered", "arrival", "check-kit", "at-his-side", "give-naloxone");
		data.run(b.id(), s, "harmed", "arrival", "check-kit", "at-his-side", "search");
		data.run(c.id(), s, "late", "arrival", "go-straight", "at-his-side", "wait-ambulance");
		data.run(d.id(), s, null, "arrival", "go-straight");
		data.run(gone.id(), s, "harmed", "arrival", "go-straight", "at-his-side", "search");
		cohorts.withdraw(cohort.id(), gone.id());

		List<ScenarioAnalytics.ScenarioStats> scenarios = scenarioAnalytics.scenarios(cohort.id(), AnalyticsData.MODULE,
				Locale.ENGLISH);
		assertThat(scenarios).hasSize(1);
		ScenarioAnalytics.ScenarioStats stats = scenarios.get(0);
		assertThat(stats.runs()).isEqualTo(5);
		assertThat(stats.finished()).isEqualTo(4);
		assertThat(stats.nodes())
			.extracting(ScenarioAnalytics.NodeStats::nodeId, ScenarioAnalytics.NodeStats::depth,
					ScenarioAnalytics.NodeStats::runs)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("arrival", 0, 5),
					org.assertj.core.groups.Tuple.tuple("at-his-side", 1, 4));
		assertThat(stats.nodes().get(0).choices())
			.extracting(ScenarioAnalytics.ChoiceStats::choiceId, ScenarioAnalytics.ChoiceStats::runs,
					ScenarioAnalytics.ChoiceStats::percent)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("check-kit", 3, 60.0),
					org.assertj.core.groups.Tuple.tuple("go-straight", 2, 40.0));
		assertThat(stats.nodes().get(1).choices())
			.extracting(ScenarioAnalytics.ChoiceStats::choiceId, ScenarioAnalytics.ChoiceStats::runs,
					ScenarioAnalytics.ChoiceStats::percent)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("give-naloxone", 2, 50.0),
					org.assertj.core.groups.Tuple.tuple("wait-ambulance", 1, 25.0),
					org.assertj.core.groups.Tuple.tuple("search", 1, 25.0));
		assertThat(stats.endings())
			.extracting(ScenarioAnalytics.EndingStats::endingId, ScenarioAnalytics.EndingStats::title,
					ScenarioAnalytics.EndingStats::depth, ScenarioAnalytics.EndingStats::runs,
					ScenarioAnalytics.EndingStats::percent)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("recovered", "A life saved", 2, 2, 50.0),
					org.assertj.core.groups.Tuple.tuple("late", "Help arrived in time", 2, 1, 25.0),
					org.assertj.core.groups.Tuple.tuple("harmed", "Minutes lost", 2, 1, 25.0));

		String svg = ScenarioDiagram.svg(stats);
		assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
			.contains(">check-kit: 3 (60%)<", ">go-straight: 2 (40%)<", ">give-naloxone: 2 (50%)<",
					">wait-ambulance: 1 (25%)<", ">search: 1 (25%)<", ">A life saved<", ">2 (50%)<",
					">Help arrived in time<", ">Minutes lost<", "fill=\"#c8e6c9\"", "fill=\"#fff3bf\"",
					"fill=\"#ffcdd2\"")
			.doesNotContain("<script", "href=")
			.doesNotContainPattern("\\son[a-z]+=");
		assertThat(ScenarioDiagram.svg(stats, Locale.forLanguageTag("fa-AF"))).contains(">check-kit: ۳ (")
			.contains("۶۰");
		assertThat(ScenarioDiagram.dataUrl(svg)).startsWith("data:image/svg+xml;base64,");
		assertThat(ScenarioDiagram.escape("<b onload=\"x\">Tom & Jerry's</b>"))
			.isEqualTo("&lt;b onload=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;");

		fixtures.signInAs(fixtures.user(Role.TRAINER, academy, "Stranger"));
		assertThatThrownBy(() -> scenarioAnalytics.scenarios(cohort.id(), AnalyticsData.MODULE, Locale.ENGLISH))
			.isInstanceOf(AccessDeniedException.class);
	}

}
