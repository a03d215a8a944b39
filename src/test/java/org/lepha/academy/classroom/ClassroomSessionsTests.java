package org.lepha.academy.classroom;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.ClassroomRuns;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.cohorts.ScenarioAnalytics;
import org.lepha.academy.content.Rating;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Classroom sessions on the real database: who may join and steer, votes changed and
 * re-cast in a new round, majority, tie and the trainer's pick, reveal, the ending,
 * resuming, a late joiner, a cadet's own votes and the cohort's analytics. The example
 * scenario: at {@code arrival} the class takes {@code check-kit} or {@code go-straight};
 * at {@code at-his-side}, {@code give-naloxone} is offered only after {@code check-kit}
 * and {@code wait-ambulance} only without it.
 */
@IntegrationTest
class ClassroomSessionsTests {

	static final Locale EN = Locale.ENGLISH;

	static final Locale DARI = Locale.forLanguageTag("fa-AF");

	@Autowired
	ApplicationContext context;

	@Autowired
	ClassroomSessions classroom;

	@Autowired
	ScenarioAnalytics analytics;

	AcademyFixture fixture;

	UserAccount trainer;

	UserAccount otherTrainer;

	UserAccount a;

	UserAccount b;

	UserAccount c;

	UserAccount outsider;

	CohortSummary cohort;

	@BeforeEach
	void buildAClass() {
		fixture = new AcademyFixture(context);
		Academy academy = fixture.academy();
		trainer = fixture.user(Role.TRAINER, academy, "Trainer");
		otherTrainer = fixture.user(Role.TRAINER, academy, "Other trainer");
		a = fixture.user(Role.CADET, academy, "Cadet A");
		b = fixture.user(Role.CADET, academy, "Cadet B");
		c = fixture.user(Role.CADET, academy, "Cadet C");
		outsider = fixture.user(Role.CADET, academy, "Outsider");
		cohort = fixture.cohort(academy, trainer);
		CohortSummary otherCohort = fixture.cohort(academy, otherTrainer);
		fixture.enrol(cohort, a);
		fixture.enrol(cohort, b);
		fixture.enrol(cohort, c);
		fixture.enrol(otherCohort, outsider);
		fixture.assignTheModule(cohort);
	}

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	<T> T as(UserAccount user, Supplier<T> work) {
		fixture.signInAs(user);
		try {
			return work.get();
		}
		finally {
			AcademyFixture.signOut();
		}
	}

	void as(UserAccount user, Runnable work) {
		as(user, () -> {
			work.run();
			return null;
		});
	}

	long start() {
		return as(trainer, () -> classroom.start(cohort.id(), AcademyFixture.MODULE, "overdose-call"));
	}

	String code(long session) {
		return as(trainer, () -> classroom.projector(session, EN).joinCode());
	}

	@Test
	void membersJoinWithTheCodeAndEveryoneElseIsRefused() {
		long session = start();
		String code = code(session);
		assertThat(code).hasSize(ClassroomSessions.CODE_LENGTH).matches("[" + ClassroomSessions.CODE_ALPHABET + "]+");

		// Typed in lower case with spaces, as on a phone.
		String typed = " " + code.substring(0, 3).toLowerCase(Locale.ROOT) + " " + code.substring(3) + " ";
		assertThat(as(a, () -> classroom.join(typed))).isEqualTo(session);
		assertThat(as(trainer, () -> classroom.projector(session, EN).tally().joined())).isEqualTo(1);
		// The node's optional discussion prompt comes from the content, for the
		// projector.
		assertThat(as(trainer, () -> classroom.projector(session, EN).discussion()))
			.isEqualTo("What do you need in your hands before you reach him?");

		// A cadet of another cohort learns nothing more than from a wrong code.
		assertThatThrownBy(() -> as(outsider, () -> classroom.join(code))).isInstanceOf(ClassroomException.class)
			.hasMessage("classroom.error.code");
		assertThatThrownBy(() -> as(a, () -> classroom.join("ZZZZZZ"))).isInstanceOf(ClassroomException.class)
			.hasMessage("classroom.error.code");
		assertThatThrownBy(() -> as(outsider, () -> classroom.cadetView(session, EN)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(outsider, () -> classroom.vote(session, "check-kit")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(outsider, () -> classroom.subscribe(session, () -> {
		}))).isInstanceOf(AccessDeniedException.class);
		// Another cohort's trainer can neither see nor steer it; a cadet cannot steer.
		assertThatThrownBy(() -> as(otherTrainer, () -> classroom.projector(session, EN)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(otherTrainer, () -> classroom.reveal(session)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(a, () -> classroom.reveal(session))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(
				() -> as(otherTrainer, () -> classroom.start(cohort.id(), AcademyFixture.MODULE, "overdose-call")))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(as(otherTrainer, () -> classroom.liveSessions(EN))).noneMatch((s) -> s.sessionId() == session);
		assertThat(as(trainer, () -> classroom.liveSessions(EN))).anyMatch((s) -> s.sessionId() == session);
	}

	@Test
	void aCadetChangesTheVoteWhileTheRoundIsOpenAndARevoteIsANewRound() {
		long session = start();
		as(a, () -> classroom.vote(session, "check-kit"));
		as(a, () -> classroom.vote(session, "go-straight"));
		as(b, () -> classroom.vote(session, "go-straight"));
		ClassroomState projected = as(trainer, () -> classroom.projector(session, EN));
		assertThat(projected.tally().counts()).containsEntry("go-straight", 2).containsEntry("check-kit", 0);
		assertThat(projected.tally().votes()).isEqualTo(2);
		assertThat(projected.tally().joined()).isEqualTo(2);
		assertThat(projected.revealed()).isFalse();

		ClassroomState phone = as(a, () -> classroom.cadetView(session, EN));
		assertThat(phone.myChoiceId()).isEqualTo("go-straight");
		assertThat(phone.tally()).as("cadets do not see the counts").isNull();

		as(trainer, () -> classroom.reveal(session));
		assertThat(as(b, () -> classroom.cadetView(session, EN)).revealed()).isTrue();
		assertThatThrownBy(() -> as(b, () -> classroom.vote(session, "check-kit")))
			.isInstanceOf(ClassroomException.class)
			.hasMessage("classroom.error.votingClosed");

		as(trainer, () -> classroom.revote(session));
		ClassroomState revote = as(trainer, () -> classroom.projector(session, EN));
		assertThat(revote.nodeId()).isEqualTo("arrival");
		assertThat(revote.roundNo()).isEqualTo(2);
		assertThat(revote.revealed()).isFalse();
		assertThat(revote.tally().votes()).isZero();
		assertThat(as(a, () -> classroom.cadetView(session, EN)).myChoiceId()).isNull();

		as(a, () -> classroom.vote(session, "check-kit"));
		as(b, () -> classroom.vote(session, "check-kit"));
		as(trainer, () -> classroom.continueWithMajority(session));
		assertThat(as(trainer, () -> classroom.projector(session, EN)).nodeId()).isEqualTo("at-his-side");

		List<ClassroomRuns.ClassroomRun> runs = as(trainer,
				() -> analytics.classroomRuns(cohort.id(), AcademyFixture.MODULE, EN));
		assertThat(runs).hasSize(1);
		List<ClassroomRuns.Round> rounds = runs.get(0).rounds();
		assertThat(rounds).extracting(ClassroomRuns.Round::nodeId, ClassroomRuns.Round::roundNo)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("arrival", 1),
					org.assertj.core.groups.Tuple.tuple("arrival", 2),
					org.assertj.core.groups.Tuple.tuple("at-his-side", 1));
		assertThat(rounds.get(0).votes()).extracting(ClassroomRuns.Votes::votes).containsExactly(0, 2);
		assertThat(rounds.get(0).takenChoice()).isNull();
		assertThat(rounds.get(1).votes()).extracting(ClassroomRuns.Votes::votes).containsExactly(2, 0);
		assertThat(rounds.get(1).takenChoice()).isEqualTo("Take the naloxone kit from the car.");
		assertThat(rounds.get(1).trainersPick()).isFalse();
		// Classroom runs stay out of the individual runs' counts.
		assertThat(as(trainer, () -> analytics.scenarios(cohort.id(), AcademyFixture.MODULE, EN)).get(0).runs())
			.isZero();
	}

	@Test
	void aTieOrNoVoteNeedsTheTrainersPickAndConditionsFollowTheClassPath() {
		long session = start();
		assertThatThrownBy(() -> as(trainer, () -> classroom.continueWithMajority(session)))
			.isInstanceOf(ClassroomException.class)
			.hasMessage("classroom.error.noVotes");
		as(a, () -> classroom.vote(session, "check-kit"));
		as(b, () -> classroom.vote(session, "go-straight"));
		assertThatThrownBy(() -> as(trainer, () -> classroom.continueWithMajority(session)))
			.isInstanceOf(ClassroomException.class)
			.hasMessage("classroom.error.tie");
		as(trainer, () -> classroom.continueWith(session, "go-straight"));

		ClassroomState next = as(c, () -> classroom.cadetView(session, EN));
		assertThat(next.nodeId()).isEqualTo("at-his-side");
		assertThat(next.choices()).extracting(ClassroomState.Option::id).containsExactly("wait-ambulance", "search");
		assertThatThrownBy(() -> as(c, () -> classroom.vote(session, "give-naloxone")))
			.isInstanceOf(ClassroomException.class)
			.hasMessage("classroom.error.choiceNotOffered");
		assertThatThrownBy(() -> as(trainer, () -> classroom.continueWith(session, "give-naloxone")))
			.isInstanceOf(ClassroomException.class)
			.hasMessage("classroom.error.choiceNotOffered");

		List<ClassroomRuns.Round> rounds = as(trainer,
				() -> analytics.classroomRuns(cohort.id(), AcademyFixture.MODULE, EN))
			.get(0)
			.rounds();
		assertThat(rounds.get(0).trainersPick()).isTrue();
		assertThat(rounds.get(1).votes()).as("only the choices on offer on the class path")
			.extracting(ClassroomRuns.Votes::choiceText)
			.containsExactly("Wait for the ambulance.", "Search his pockets.");
	}

	@Test
	void theClassReachesAnEndingAndEachCadetFindsTheirOwnVotes() {
		long session = start();
		String code = code(session);
		as(a, () -> classroom.vote(session, "check-kit"));
		as(trainer, () -> classroom.continueWithMajority(session));
		// A late joiner enters at the current node, in their own language.
		assertThat(as(c, () -> classroom.join(code))).isEqualTo(session);
		ClassroomState late = as(c, () -> classroom.cadetView(session, DARI));
		assertThat(late.nodeId()).isEqualTo("at-his-side");
		assertThat(late.step()).isEqualTo(2);
		assertThat(late.choices()).extracting(ClassroomState.Option::id).containsExactly("give-naloxone", "search");
		assertThat(late.choices().get(0).text()).isNotEqualTo("Give naloxone.");
		// Reading again (a reload, a reconnect) resumes with the same state.
		as(c, () -> classroom.vote(session, "search"));
		as(a, () -> classroom.vote(session, "give-naloxone"));
		as(b, () -> classroom.vote(session, "give-naloxone"));
		assertThat(as(c, () -> classroom.cadetView(session, DARI)).myChoiceId()).isEqualTo("search");
		assertThat(as(trainer, () -> classroom.projector(session, EN)).tally().votes()).isEqualTo(3);

		as(trainer, () -> classroom.continueWithMajority(session));
		ClassroomState end = as(trainer, () -> classroom.projector(session, EN));
		assertThat(end.live()).isFalse();
		assertThat(end.ending().endingId()).isEqualTo("recovered");
		assertThat(end.ending().title()).isEqualTo("A life saved");
		assertThat(end.ending().rating()).isEqualTo("EXEMPLARY");
		assertThat(end.ending().debriefHtml()).contains("You prepared and acted.");
		assertThat(end.path()).containsExactly("Take the naloxone kit from the car.", "Give naloxone.");
		assertThatThrownBy(() -> as(a, () -> classroom.vote(session, "give-naloxone")))
			.isInstanceOf(ClassroomException.class)
			.hasMessage("classroom.error.ended");
		// The code is free once the session ended.
		assertThatThrownBy(() -> as(a, () -> classroom.join(code))).isInstanceOf(ClassroomException.class);
		assertThat(as(trainer, () -> classroom.liveSessions(EN))).noneMatch((s) -> s.sessionId() == session);

		List<ClassroomChoices.MyVote> mine = as(c, () -> classroom.myVotes(EN));
		assertThat(mine).filteredOn((v) -> v.sessionId() == session).singleElement().satisfies((v) -> {
			assertThat(v.choiceText()).isEqualTo("Search his pockets.");
			assertThat(v.taken()).isFalse();
			assertThat(v.roundNo()).isEqualTo(1);
		});
		assertThat(as(a, () -> classroom.myVotes(EN))).filteredOn((v) -> v.sessionId() == session)
			.extracting(ClassroomChoices.MyVote::taken)
			.containsExactly(true, true);

		ClassroomRuns.ClassroomRun run = as(trainer,
				() -> analytics.classroomRuns(cohort.id(), AcademyFixture.MODULE, EN))
			.get(0);
		assertThat(run.live()).isFalse();
		assertThat(run.rating()).isEqualTo(Rating.EXEMPLARY);
		assertThat(run.endingTitle()).isEqualTo("A life saved");
	}

	@Test
	void aTrainerEndingEarlyLeavesNoEndingAndNothingToSteer() {
		long session = start();
		as(trainer, () -> classroom.end(session));
		ClassroomState ended = as(trainer, () -> classroom.projector(session, EN));
		assertThat(ended.live()).isFalse();
		assertThat(ended.ending()).isNull();
		assertThatThrownBy(() -> as(trainer, () -> classroom.reveal(session))).isInstanceOf(ClassroomException.class)
			.hasMessage("classroom.error.ended");
	}

	@Test
	void theProjectorHearsOfVotesAndPhonesOnlyOfStateChanges() throws InterruptedException {
		long session = start();
		CountDownLatch projectorSignal = new CountDownLatch(1);
		CountDownLatch phoneSignal = new CountDownLatch(1);
		AtomicInteger phoneSignals = new AtomicInteger();
		Runnable stopProjector = as(trainer, () -> classroom.subscribe(session, projectorSignal::countDown));
		Runnable stopPhone = as(a, () -> classroom.subscribe(session, () -> {
			phoneSignals.incrementAndGet();
			phoneSignal.countDown();
		}));
		try {
			as(a, () -> classroom.vote(session, "check-kit"));
			assertThat(projectorSignal.await(10, TimeUnit.SECONDS)).isTrue();
			// Signalled after the commit: the reread sees the vote.
			assertThat(as(trainer, () -> classroom.projector(session, EN)).tally().votes()).isEqualTo(1);
			assertThat(phoneSignals.get()).as("phones are not told of votes").isZero();
			as(trainer, () -> classroom.reveal(session));
			assertThat(phoneSignal.await(10, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			stopProjector.run();
			stopPhone.run();
		}
	}

}
