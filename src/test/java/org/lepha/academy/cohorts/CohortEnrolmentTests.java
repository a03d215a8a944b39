package org.lepha.academy.cohorts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.audit.AuditAction;
import org.lepha.academy.audit.AuditEvent;
import org.lepha.academy.audit.AuditFilter;
import org.lepha.academy.audit.AuditLog;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Enrolment, moves, withdrawals, join codes and assignments, with the trainer's
 * object-level access and the audit trail.
 */
@IntegrationTest
class CohortEnrolmentTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	CohortService cohorts;

	@Autowired
	UserAccountService accounts;

	@Autowired
	AuditLog audit;

	AcademyFixture fixtures;

	Academy academy;

	UserAccount trainer;

	UserAccount cadet;

	CohortSummary first;

	CohortSummary second;

	@BeforeEach
	void setUp() {
		fixtures = new AcademyFixture(context);
		academy = fixtures.academy();
		trainer = fixtures.user(Role.TRAINER, academy, "Trainer");
		cadet = fixtures.user(Role.CADET, academy, "Тимур Садыков");
		first = fixtures.cohort(academy, trainer);
		second = fixtures.cohort(academy, trainer);
	}

	@AfterEach
	void tearDown() {
		AcademyFixture.signOut();
	}

	@Test
	void movingAndWithdrawingACadetKeepsTheHistoryAndIsAudited() {
		fixtures.signInAs(trainer);
		cohorts.enrol(first.id(), cadet.id());
		cohorts.move(first.id(), second.id(), cadet.id());
		assertThat(cohorts.cadets(first.id())).isEmpty();
		assertThat(cohorts.cadets(second.id())).extracting(EnrolledCadet::userId).containsExactly(cadet.id());
		cohorts.withdraw(second.id(), cadet.id());
		assertThat(cohorts.cadets(second.id())).isEmpty();

		assertThat(cohorts.enrolmentHistory(first.id(), cadet.id()))
			.extracting(EnrolmentRecord::cohortId, EnrolmentRecord::endReason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(first.id(), "MOVED"),
					org.assertj.core.groups.Tuple.tuple(second.id(), "WITHDRAWN"));
		assertThat(SystemAccess
			.asAdministrator(() -> audit.search(new AuditFilter(null, trainer.username(), null, null), 0, 50)))
			.extracting(AuditEvent::action)
			.contains(AuditAction.ENROLMENT, AuditAction.MOVE, AuditAction.WITHDRAWAL);
	}

	@Test
	void aCadetIsInOneCohortAtATime() {
		fixtures.signInAs(trainer);
		cohorts.enrol(first.id(), cadet.id());
		assertThatThrownBy(() -> cohorts.enrol(second.id(), cadet.id())).isInstanceOf(CohortException.class)
			.hasMessage("cohort.error.alreadyEnrolled");
	}

	@Test
	void aTrainerSeesOnlyTheirOwnCohortsAndIsRefusedAnotherCohortById() {
		UserAccount otherTrainer = fixtures.user(Role.TRAINER, academy, "Other");
		CohortSummary foreign = fixtures.cohort(academy, otherTrainer);
		fixtures.signInAs(trainer);
		assertThat(cohorts.myCohorts()).extracting(CohortSummary::id)
			.contains(first.id(), second.id())
			.doesNotContain(foreign.id());
		assertThatThrownBy(() -> cohorts.cohort(foreign.id())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> cohorts.cadets(foreign.id())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> cohorts.enrol(foreign.id(), cadet.id())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> cohorts.assign(foreign.id(), "harm-reduction-policing", null))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> cohorts.setJoinCode(foreign.id(), true, null))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> cohorts.cohort(Long.MAX_VALUE)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void anAdministratorSeesEveryCohort() {
		SystemAccess.asAdministrator(() -> {
			assertThat(cohorts.myCohorts()).extracting(CohortSummary::id).contains(first.id(), second.id());
			return null;
		});
	}

	@Test
	void cadetJoinsWithAValidCodeButNotWithADisabledOrExpiredOne() {
		fixtures.signInAs(trainer);
		JoinCode code = cohorts.setJoinCode(first.id(), true, Instant.now().plus(7, ChronoUnit.DAYS));
		JoinCode expiredCode = cohorts.setJoinCode(second.id(), true, Instant.now().minus(1, ChronoUnit.MINUTES));
		fixtures.signInAs(cadet);
		assertThatThrownBy(() -> cohorts.joinWithCode(expiredCode.code())).isInstanceOf(CohortException.class)
			.hasMessage("join.error.invalid");
		assertThatThrownBy(() -> cohorts.joinWithCode("NOSUCH99")).isInstanceOf(CohortException.class);
		assertThat(cohorts.joinWithCode(code.code().toLowerCase()).id()).isEqualTo(first.id());

		fixtures.signInAs(trainer);
		cohorts.withdraw(first.id(), cadet.id());
		cohorts.setJoinCode(first.id(), false, null);
		fixtures.signInAs(cadet);
		assertThatThrownBy(() -> cohorts.joinWithCode(code.code())).isInstanceOf(CohortException.class)
			.hasMessage("join.error.invalid");
	}

	@Test
	void assignedModulesWithDueDatesReachTheCadetAndChangesAreAudited() {
		fixtures.signInAs(trainer);
		cohorts.enrol(first.id(), cadet.id());
		cohorts.assign(first.id(), "example-module", LocalDate.of(2026, 10, 1));
		cohorts.assign(first.id(), "example-module", LocalDate.of(2026, 10, 15));
		assertThatThrownBy(() -> cohorts.assign(first.id(), "no-such-module", null)).isInstanceOf(CohortException.class)
			.hasMessage("assignment.error.unknownModule");

		fixtures.signInAs(cadet);
		assertThat(cohorts.myAssignments()).extracting(Assignment::moduleId, Assignment::dueDate)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("example-module", LocalDate.of(2026, 10, 15)));
		assertThat(cohorts.myAssignments().get(0).isOverdue(LocalDate.of(2026, 10, 16))).isTrue();
		assertThatThrownBy(() -> cohorts.assignments(first.id())).isInstanceOf(AccessDeniedException.class);

		assertThat(SystemAccess.asAdministrator(() -> audit
			.search(new AuditFilter(AuditAction.DUE_DATE_CHANGED, trainer.username(), null, null), 0, 10)))
			.singleElement()
			.satisfies((e) -> assertThat(e.details()).contains("2026-10-01").contains("2026-10-15"));
		assertThat(SystemAccess.asAdministrator(
				() -> audit.search(new AuditFilter(AuditAction.ASSIGNMENT, trainer.username(), null, null), 0, 10)))
			.hasSize(1);
	}

}
