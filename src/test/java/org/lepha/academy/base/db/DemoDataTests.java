package org.lepha.academy.base.db;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh install with demo data: an administrator, a trainer, a Russian and a Dari
 * translator, and a cohort of at least ten cadets, with the accounts printed once.
 */
@SpringBootTest(properties = "app.demo-data=true")
@ExtendWith(OutputCaptureExtension.class)
class DemoDataTests {

	private static final String URL = TestDatabases.freshSchema("demo");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("app.db.url", () -> URL);
		registry.add("app.db.user", () -> "root");
	}

	@Autowired
	UserAccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void freshInstallHasOneAccountPerRoleAndACohortOfCadets() {
		List<UserAccount> users = SystemAccess.asAdministrator(accounts::listUsers);
		assertThat(users.stream().filter((u) -> u.hasRole(Role.ADMIN))).hasSize(1);
		assertThat(users.stream().filter((u) -> u.hasRole(Role.TRAINER))).hasSize(1);
		assertThat(users.stream().filter((u) -> u.hasRole(Role.TRANSLATOR))).hasSize(2);
		assertThat(users.stream().filter((u) -> u.hasRole(Role.CADET)).count()).isGreaterThanOrEqualTo(10);
		assertThat(jdbc.sql("SELECT locale FROM translator_locale ORDER BY locale").query(String.class).list())
			.containsExactly("fa-AF", "ru");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM enrolment").query(Long.class).single()).isGreaterThanOrEqualTo(10);
		assertThat(jdbc.sql("SELECT module_id FROM cohort_assignment").query(String.class).list())
			.containsExactly("example-module");
		assertThat(users).extracting(UserAccount::fullName).contains("Мадина Ахметова", "محمد ژوبل پیگیر");
		assertThat(users.stream().filter((u) -> u.locale().equals(Locale.forLanguageTag("fa-AF")))).isNotEmpty();
	}

	@Test
	void theDemoAccountsArePrintedAtStartUpAndStoredOnlyAsHashes(CapturedOutput output) {
		// The context for this class starts inside the capture (OutputCaptureExtension
		// starts
		// capturing before Spring builds the test instance).
		assertThat(output.getOut()).contains("Demo accounts").contains("cadet01").contains("translator.fa");
		List<String> hashes = jdbc.sql("SELECT password_hash FROM app_user").query(String.class).list();
		assertThat(hashes).allSatisfy((h) -> assertThat(h).startsWith("{bcrypt}"));
	}

}
