package org.lepha.academy.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.EnrolledCadet;
import org.lepha.academy.security.SecurityWorld.Caller;
import org.lepha.academy.security.internal.AccountDeactivatedException;
import org.lepha.academy.security.internal.LoginThrottle;
import org.lepha.academy.translation.SegmentFilter;
import org.lepha.academy.translation.UiStringsWorkspace;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Account recovery and administration on the real database: password resets (a trainer
 * for the cadets of their own cohorts, an administrator for anyone), sign-in locks and
 * unlocking, deactivation and reactivation; and the audit rows each of them writes.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountAdministrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountAdministration administration;

	@Autowired
	UserAccountService accounts;

	@Autowired
	CohortService cohorts;

	@Autowired
	AuthenticationManager authentication;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UiStringsWorkspace uiStrings;

	SecurityWorld world;

	@BeforeAll
	void buildTheAcademy() {
		world = new SecurityWorld(context).build();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void trainerResetsTheirOwnCadetsPasswordWhichMustBeChangedAtTheNextSignIn() {
		UserAccount cadet = enrolledCadet();
		UserAccount trainer = world.user(Caller.TRAINER);

		OneTimePassword otp = world.as(trainer, () -> administration.resetPassword(cadet.id()));

		assertThat(otp.username()).isEqualTo(cadet.username());
		assertThat(otp.password()).hasSize(12);
		assertThat(signIn(cadet.username(), otp.password())).isTrue();
		assertThatThrownBy(() -> signIn(cadet.username(), SecurityWorld.PASSWORD))
			.isInstanceOf(BadCredentialsException.class);
		assertThat(account(cadet).mustChangePassword()).isTrue();
		assertThat(auditRow("PASSWORD_RESET", cadet.username())).containsExactly(trainer.username());
	}

	@Test
	void trainerCannotResetCadetsOfOtherCohortsNorStaffNorCadetsInNoCohort() {
		world.signInAs(Caller.TRAINER);
		for (UserAccount target : List.of(world.otherCadet, world.spareCadet, world.otherTrainer,
				world.user(Caller.ADMIN))) {
			assertThatThrownBy(() -> administration.resetPassword(target.id())).as(target.username())
				.isInstanceOf(AccessDeniedException.class);
		}
		assertThatThrownBy(() -> administration.resetPassword(Long.MAX_VALUE)).as("no such account")
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void cadetsAndTranslatorsCannotResetPasswords() {
		for (Caller caller : List.of(Caller.CADET, Caller.TRANSLATOR, Caller.ANONYMOUS)) {
			world.signInAs(caller);
			assertThatThrownBy(() -> administration.resetPassword(world.otherCadet.id())).as(caller.name())
				.isInstanceOf(AccessDeniedException.class);
		}
	}

	@Test
	void administratorResetsAnyoneButNotThemselves() {
		UserAccount trainer = freshUser(Role.TRAINER);
		world.signInAs(Caller.ADMIN);

		OneTimePassword otp = administration.resetPassword(trainer.id());

		assertThat(signIn(trainer.username(), otp.password())).isTrue();
		assertThatThrownBy(() -> administration.resetPassword(world.user(Caller.ADMIN).id())).isInstanceOfSatisfying(
				AccountException.class, (e) -> assertThat(e.messageKey()).isEqualTo("account.error.self"));
	}

	@Test
	void aResetLiftsTheAccountsSignInLock() {
		UserAccount cadet = enrolledCadet();
		for (int i = 0; i < 5; i++) {
			throttle.recordFailure(cadet.username(), address());
		}
		world.signInAs(Caller.ADMIN);
		assertThat(administration.signInLocks())
			.anySatisfy((lock) -> assertThat(lock).extracting(SignInLock::kind, SignInLock::key, SignInLock::failures)
				.containsExactly(SignInLock.Kind.ACCOUNT, cadet.username(), 5));

		world.as(world.user(Caller.TRAINER), () -> administration.resetPassword(cadet.id()));

		world.signInAs(Caller.ADMIN);
		assertThat(administration.signInLocks()).noneMatch((lock) -> lock.key().equals(cadet.username()));
	}

	@Test
	void administratorSeesAndClearsALockedAddressBeforeTheFifteenMinutes() {
		String address = address();
		UserAccount cadet = enrolledCadet();
		for (int i = 0; i < 5; i++) {
			throttle.recordFailure(SecurityWorld.unique("guess."), address);
		}
		assertThat(throttle.lockedUntil(cadet.username(), address)).isPresent();
		world.signInAs(Caller.ADMIN);
		assertThat(administration.signInLocks())
			.anySatisfy((lock) -> assertThat(lock).extracting(SignInLock::kind, SignInLock::key)
				.containsExactly(SignInLock.Kind.ADDRESS, address));

		administration.unlock(SignInLock.Kind.ADDRESS, address);

		assertThat(throttle.lockedUntil(cadet.username(), address)).isEmpty();
		assertThat(administration.signInLocks()).noneMatch((lock) -> lock.key().equals(address));
		assertThat(auditRow("ADDRESS_UNLOCKED", address)).containsExactly(world.user(Caller.ADMIN).username());
	}

	@Test
	void onlyAdministratorsListAndClearLocks() {
		for (Caller caller : List.of(Caller.CADET, Caller.TRAINER, Caller.TRANSLATOR, Caller.ANONYMOUS)) {
			world.signInAs(caller);
			assertThatThrownBy(() -> administration.signInLocks()).as(caller.name())
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> administration.unlock(SignInLock.Kind.ADDRESS, "10.0.0.1")).as(caller.name())
				.isInstanceOf(AccessDeniedException.class);
		}
	}

	@Test
	void aDeactivatedCadetCannotSignInLeavesTheRosterAndKeepsRecordsUntilReactivated() {
		UserAccount cadet = enrolledCadet();
		world.as(cadet, () -> new AcademyFixture(context).completeTheModule());
		long certificates = certificatesOf(cadet);
		assertThat(certificates).isPositive();
		int rosterBefore = roster().size();

		world.as(world.user(Caller.ADMIN), () -> {
			administration.deactivate(cadet.id());
			return null;
		});

		assertThat(account(cadet).enabled()).isFalse();
		assertThatThrownBy(() -> signIn(cadet.username(), SecurityWorld.PASSWORD))
			.isInstanceOf(AccountDeactivatedException.class);
		assertThatThrownBy(() -> signIn(cadet.username(), "not-the-password"))
			.as("a wrong password learns nothing about the account")
			.isInstanceOf(BadCredentialsException.class);
		assertThat(auditDetails("SIGN_IN_REFUSED", cadet.username())).singleElement()
			.satisfies((details) -> assertThat(details).startsWith("deactivated, from 10.77."));
		assertThat(roster()).hasSize(rosterBefore - 1).noneMatch((c) -> c.userId() == cadet.id());
		assertThat(world.as(world.user(Caller.TRAINER), () -> cohorts.cohort(world.cohort.id()).cadetCount()))
			.as("the cohort's count on the trainer's home")
			.isEqualTo(rosterBefore - 1);
		assertThat(certificatesOf(cadet)).isEqualTo(certificates);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM enrolment WHERE user_id = ? AND withdrawn_at IS NULL")
			.param(cadet.id())
			.query(Long.class)
			.single()).as("still enrolled, only hidden").isEqualTo(1);

		world.as(world.user(Caller.ADMIN), () -> {
			administration.reactivate(cadet.id());
			return null;
		});

		assertThat(signIn(cadet.username(), SecurityWorld.PASSWORD)).isTrue();
		assertThat(roster()).hasSize(rosterBefore).anyMatch((c) -> c.userId() == cadet.id());
		assertThat(auditRow("ACCOUNT_DEACTIVATED", cadet.username()))
			.containsExactly(world.user(Caller.ADMIN).username());
		assertThat(auditRow("ACCOUNT_REACTIVATED", cadet.username()))
			.containsExactly(world.user(Caller.ADMIN).username());
	}

	@Test
	void onlyAdministratorsDeactivateAndNotThemselves() {
		UserAccount cadet = enrolledCadet();
		for (Caller caller : List.of(Caller.CADET, Caller.TRAINER, Caller.TRANSLATOR, Caller.ANONYMOUS)) {
			world.signInAs(caller);
			assertThatThrownBy(() -> administration.deactivate(cadet.id())).as(caller.name())
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> administration.reactivate(cadet.id())).as(caller.name())
				.isInstanceOf(AccessDeniedException.class);
		}
		world.signInAs(Caller.ADMIN);
		assertThatThrownBy(() -> administration.deactivate(world.user(Caller.ADMIN).id())).isInstanceOfSatisfying(
				AccountException.class, (e) -> assertThat(e.messageKey()).isEqualTo("account.error.self"));
		assertThat(account(cadet).enabled()).isTrue();
	}

	@Test
	void accountCreationLanguageAssignmentAndPasswordChangeAreAudited() {
		UserAccount translator = freshUser(Role.TRANSLATOR);
		world.as(world.user(Caller.ADMIN), () -> {
			accounts.assignTranslatorLocale(translator.id(), SecurityWorld.RUSSIAN);
			return null;
		});
		world.as(translator, () -> {
			accounts.changeMyPassword(SecurityWorld.PASSWORD, "lantern-orchard-58");
			return null;
		});

		assertThat(auditDetails("ACCOUNT_CREATED", translator.username())).containsExactly("roles TRANSLATOR");
		assertThat(auditDetails("TRANSLATOR_LANGUAGE_ASSIGNED", translator.username())).containsExactly("ru");
		assertThat(auditRow("PASSWORD_CHANGED", translator.username())).containsExactly(translator.username());
	}

	@Test
	void theNewPasswordMustPassThePolicyWhenChangedAndWhenAnAccountIsCreatedWithIt() {
		UserAccount cadet = enrolledCadet();
		world.signInAs(cadet);
		assertThatThrownBy(() -> accounts.changeMyPassword(SecurityWorld.PASSWORD, "aaaaaaaaaa"))
			.isInstanceOfSatisfying(PasswordRejectedException.class,
					(e) -> assertThat(e.messageKey()).isEqualTo("password.error.repeated"));
		assertThatThrownBy(() -> accounts.changeMyPassword(SecurityWorld.PASSWORD, cadet.username() + "!"))
			.isInstanceOfSatisfying(PasswordRejectedException.class,
					(e) -> assertThat(e.messageKey()).isEqualTo("password.error.username"));
		assertThatThrownBy(() -> accounts.changeMyPassword(SecurityWorld.PASSWORD, "password123"))
			.isInstanceOfSatisfying(PasswordRejectedException.class,
					(e) -> assertThat(e.messageKey()).isEqualTo("password.error.common"));
		assertThatThrownBy(() -> accounts.changeMyPassword(SecurityWorld.PASSWORD, world.academy.name() + "!"))
			.isInstanceOfSatisfying(PasswordRejectedException.class,
					(e) -> assertThat(e.messageKey()).isEqualTo("password.error.academy"));
		assertThat(signIn(cadet.username(), SecurityWorld.PASSWORD)).as("unchanged").isTrue();

		String username = SecurityWorld.unique("policy.");
		world.signInAs(Caller.ADMIN);
		assertThatThrownBy(() -> accounts.createUser(new NewUser(username, "Policy", null, Locale.ENGLISH,
				Set.of(Role.TRAINER), null, username + username, false)))
			.isInstanceOf(PasswordRejectedException.class);
		assertThat(accounts.takenUsernames(List.of(username))).isEmpty();
	}

	@Test
	void signInsAreAuditedWithUserNameButNeverThePassword() {
		UserAccount cadet = enrolledCadet();
		String wrong = "wrong-" + ThreadLocalRandom.current().nextLong(1_000_000);
		assertThatThrownBy(() -> signIn(cadet.username(), wrong)).isInstanceOf(BadCredentialsException.class);
		signIn(cadet.username(), SecurityWorld.PASSWORD);

		assertThat(auditRow("SIGN_IN_FAILED", cadet.username())).containsExactly(cadet.username());
		assertThat(auditRow("SIGN_IN", cadet.username())).containsExactly(cadet.username());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE details LIKE ? OR subject_id LIKE ?")
			.params("%" + wrong + "%", "%" + wrong + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void fiveFailuresAreAuditedAsALockout() {
		UserAccount cadet = enrolledCadet();
		for (int i = 0; i < 5; i++) {
			assertThatThrownBy(() -> signIn(cadet.username(), "not-the-password"))
				.isInstanceOf(BadCredentialsException.class);
		}
		assertThat(auditRow("SIGN_IN_LOCKED", cadet.username())).hasSize(1);
		world.signInAs(Caller.ADMIN);
		administration.unlock(SignInLock.Kind.ACCOUNT, cadet.username());
		assertThat(auditRow("ACCOUNT_UNLOCKED", cadet.username())).hasSize(1);
	}

	@Test
	void aTranslationApprovalIsAudited() {
		String key = "users.locks.none";
		String dari = world.as(world.user(Caller.TRANSLATOR),
				() -> uiStrings.segments(SecurityWorld.DARI, SegmentFilter.all())
					.stream()
					.filter((s) -> s.key().equals(key))
					.findFirst()
					.orElseThrow()
					.target());
		try {
			world.as(world.user(Caller.TRANSLATOR), () -> uiStrings.save(SecurityWorld.DARI, key, dari));
			world.as(world.user(Caller.ADMIN), () -> uiStrings.approve(SecurityWorld.DARI, key));

			assertThat(auditDetails("TRANSLATION_APPROVED", key)).last().isEqualTo("fa-AF");
			assertThat(auditRow("TRANSLATION_APPROVED", key)).last().isEqualTo(world.user(Caller.ADMIN).username());
		}
		finally {
			// The text is the file's own; the edit goes again so other tests find the
			// file's state.
			jdbc.sql("DELETE FROM ui_string_edit WHERE string_key = ?").param(key).update();
		}
	}

	@Test
	void cohortCreationIsAudited() {
		assertThat(auditDetails("COHORT_CREATED", String.valueOf(world.otherCohort.id())))
			.containsExactly(world.otherCohort.name());
	}

	/** A new cadet in the world's cohort run by the trainer. */
	private UserAccount enrolledCadet() {
		return SystemAccess.asAdministrator(() -> {
			UserAccount cadet = freshUser(Role.CADET);
			cohorts.enrol(world.cohort.id(), cadet.id());
			return cadet;
		});
	}

	private UserAccount freshUser(Role role) {
		return SystemAccess.asAdministrator(() -> accounts
			.createUser(new NewUser(SecurityWorld.unique("acct."), "Account " + role.name(), null, Locale.ENGLISH,
					Set.of(role), role == Role.CADET || role == Role.TRAINER ? world.academy.id() : null,
					SecurityWorld.PASSWORD, false)));
	}

	private List<EnrolledCadet> roster() {
		return world.as(world.user(Caller.TRAINER), () -> cohorts.cadets(world.cohort.id()));
	}

	private UserAccount account(UserAccount user) {
		return SystemAccess.asAdministrator(
				() -> accounts.listUsers().stream().filter((u) -> u.id() == user.id()).findFirst().orElseThrow());
	}

	/**
	 * A sign-in as the login form's would be, each from its own client address so that
	 * the failures of one test never lock an address another one uses.
	 */
	private boolean signIn(String username, String password) {
		var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
		token.setDetails(new WebAuthenticationDetails(address(), null));
		return authentication.authenticate(token).isAuthenticated();
	}

	private long certificatesOf(UserAccount user) {
		return jdbc.sql("SELECT COUNT(*) FROM certificate WHERE user_id = ?")
			.param(user.id())
			.query(Long.class)
			.single();
	}

	/** The actors of the audit rows with this action about this subject. */
	private List<String> auditRow(String action, String subject) {
		return jdbc.sql("SELECT actor_name FROM audit_event WHERE action = ? AND subject_id = ? ORDER BY id")
			.params(action, subject)
			.query(String.class)
			.list();
	}

	private List<String> auditDetails(String action, String subject) {
		return jdbc.sql("SELECT details FROM audit_event WHERE action = ? AND subject_id = ? ORDER BY id")
			.params(action, subject)
			.query(String.class)
			.list();
	}

	private static String address() {
		return "10.77." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
	}

}
