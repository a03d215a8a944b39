package org.lepha.academy.security;

import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.base.text.TextLimits.TooLongException;
import org.lepha.academy.base.ui.UserFacingErrorHandler;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.NewCohort;
import org.lepha.academy.security.internal.LoginThrottle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Security finding 2 of issue 19: a 201-character cohort, academy or full name showed
 * "The database cannot be reached" (the database had said "Data too long"). The services
 * refuse over-long text with their own message naming the limit, and the error handler
 * tells a value the database refused apart from a lost database. On the real MariaDB.
 */
@IntegrationTest
class OverlongInputTests {

	private static final String NAME_201 = "N".repeat(201);

	@Autowired
	AcademyFixture fixture;

	@Autowired
	CohortService cohorts;

	@Autowired
	UserAccountService accounts;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	@Test
	void anOverLongAcademyNameIsRefusedWithTheLimit() {
		assertTooLong(() -> SystemAccess.asAdministrator(() -> cohorts.createAcademy(NAME_201)), 200);
		String longest = AcademyFixture.unique("A") + "a".repeat(150);
		longest = longest + "a".repeat(200 - longest.length());
		String name = longest;
		assertThat(SystemAccess.asAdministrator(() -> cohorts.createAcademy(name)).name()).hasSize(200);
	}

	@Test
	void anOverLongCohortNameIsRefusedWithTheLimit() {
		Academy academy = fixture.academy();
		UserAccount trainer = fixture.user(Role.TRAINER, academy, "Trainer Overlong");
		fixture.signInAs(trainer);
		assertTooLong(() -> cohorts.createCohort(new NewCohort(academy.id(), NAME_201, null, null, Set.of())), 200);
	}

	@Test
	void overLongUserNamesFullNamesAndEmailsAreRefusedWithTheLimit() {
		assertTooLong(() -> create(AcademyFixture.unique("u"), NAME_201, null), 200);
		assertTooLong(() -> create("u" + "x".repeat(64), "Full Name", null), 64);
		assertTooLong(() -> create(AcademyFixture.unique("u"), "Full Name", "e".repeat(250) + "@x.af"), 254);
	}

	@Test
	void theMessageNamesTheLimitInTheUsersLanguage() {
		TooLongException refusal = catchThrowableOfType(
				() -> SystemAccess.asAdministrator(() -> cohorts.createAcademy(NAME_201)));
		UserFacingErrorHandler.Message message = UserFacingErrorHandler.message(refusal);
		assertThat(message.key()).isEqualTo("error.tooLong");
		assertThat(message.arguments()).containsExactly(200);
	}

	@Test
	void aValueTheDatabaseRefusesIsInvalidDataNotALostDatabase() {
		// What MariaDB says about a value longer than its column: SQL state 22001.
		Throwable dataTooLong = catchThrowable(
				() -> jdbc.sql("INSERT INTO academy (name) VALUES (?)").param("D".repeat(201)).update());
		assertThat(dataTooLong).isNotNull().hasRootCauseInstanceOf(java.sql.SQLException.class);
		assertThat(((java.sql.SQLException) org.assertj.core.util.Throwables.getRootCause(dataTooLong)).getSQLState())
			.isEqualTo("22001");
		assertThat(UserFacingErrorHandler.messageKey(dataTooLong)).isEqualTo("error.invalidData");
		// A duplicate key: SQL state 23000.
		String user = AcademyFixture.unique("dup");
		create(user, "First", null);
		Throwable duplicate = catchThrowable(() -> create(user, "Second", null));
		assertThat(UserFacingErrorHandler.messageKey(duplicate)).isEqualTo("error.invalidData");
	}

	@Test
	void aLostDatabaseIsStillALostDatabase() {
		for (Throwable lost : new Throwable[] {
				new CannotGetJdbcConnectionException("no connection",
						new SQLTransientConnectionException("timed out", "08001")),
				new CannotCreateTransactionException("no connection"),
				new DataAccessResourceFailureException("gone") }) {
			assertThat(UserFacingErrorHandler.messageKey(lost)).as(lost.toString()).isEqualTo("error.database");
		}
	}

	@Test
	void aMegabyteUserNameIsCountedUnderItsFirstSixtyFourCharacters() {
		String address = "10.99." + (System.nanoTime() % 250) + ".1";
		String megabyte = "m".repeat(1_000_000);
		throttle.recordFailure(megabyte, address);
		try {
			assertThat(jdbc.sql("SELECT username FROM login_failure WHERE client_address = ?")
				.param(address)
				.query(String.class)
				.list()).singleElement().isEqualTo("m".repeat(64));
			assertThat(throttle.lockedUntil(megabyte, address)).isEmpty();
		}
		finally {
			jdbc.sql("DELETE FROM login_failure WHERE client_address = ?").param(address).update();
		}
	}

	private UserAccount create(String username, String fullName, String email) {
		return SystemAccess.asAdministrator(() -> accounts.createUser(new NewUser(username, fullName, email,
				Locale.ENGLISH, Set.of(Role.TRANSLATOR), null, "fixture-password-1", false)));
	}

	private static void assertTooLong(Runnable action, int max) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(TooLongException.class, (ex) -> {
			assertThat(ex.messageKey()).isEqualTo("error.tooLong");
			assertThat(ex.max()).isEqualTo(max);
		});
	}

	private static TooLongException catchThrowableOfType(Runnable action) {
		Throwable thrown = catchThrowable(action::run);
		assertThat(thrown).isInstanceOf(TooLongException.class);
		return (TooLongException) thrown;
	}

}
