package org.lepha.academy.base.db;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.TestAccounts;
import org.lepha.academy.TestTags;
import org.lepha.academy.base.ui.UserFacingErrorHandler;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The database goes away while the server runs: the user's action fails with the
 * "database unavailable" message, and once the database is back the same action works
 * without a restart.
 */
@IntegrationTest
@Tag(TestTags.FAILURE)
class DatabaseOutageTests {

	@Autowired
	EmbeddedMariaDb database;

	@Autowired
	UserAccountService accounts;

	@Test
	@WithUserDetails(TestAccounts.TRANSLATOR)
	void actionsFailWithAClearMessageWhileTheDatabaseIsDownAndWorkAgainAfter() {
		assertThat(accounts.myTranslatorLocales()).isNotEmpty();
		database.stop();
		try {
			Throwable failure = catchThrowable(() -> accounts.changeMyLanguage(Locale.forLanguageTag("ru")));
			assertThat(failure).isNotNull();
			assertThat(UserFacingErrorHandler.messageKey(failure)).isEqualTo("error.database");
		}
		finally {
			database.startProcess();
		}
		// Users retry; the connection pool reconnects by itself once the server answers
		// again.
		assertThat(
				retryUntilItWorks(() -> accounts.changeMyLanguage(Locale.forLanguageTag("ru")), Duration.ofSeconds(30)))
			.isTrue();
		assertThat(accounts.currentUser().orElseThrow().locale()).isEqualTo(Locale.forLanguageTag("ru"));
		accounts.changeMyLanguage(Locale.ENGLISH);
	}

	private static boolean retryUntilItWorks(Runnable action, Duration patience) {
		Instant deadline = Instant.now().plus(patience);
		while (Instant.now().isBefore(deadline)) {
			try {
				action.run();
				return true;
			}
			catch (RuntimeException ex) {
				assertThat(UserFacingErrorHandler.messageKey(ex)).isEqualTo("error.database");
			}
		}
		return false;
	}

}
