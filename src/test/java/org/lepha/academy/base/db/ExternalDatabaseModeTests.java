package org.lepha.academy.base.db;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production mode: with {@code DB_URL} set, the app uses that database, applies its
 * Liquibase changes to the empty schema, starts no embedded server, creates no demo data,
 * and takes the first administrator from {@code ADMIN_USERNAME} / {@code ADMIN_PASSWORD}.
 */
@SpringBootTest(properties = { "app.admin.username=chief", "app.admin.password=a-long-admin-password" })
class ExternalDatabaseModeTests {

	private static final String URL = TestDatabases.freshSchema("external");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("app.db.url", () -> URL);
		registry.add("app.db.user", () -> "root");
		registry.add("app.db.password", () -> "");
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	UserAccountService accounts;

	@Test
	void usesTheGivenUrlAndStartsNoEmbeddedServer() throws Exception {
		assertThat(context.getBeanNamesForType(EmbeddedMariaDb.class)).isEmpty();
		assertThat(((HikariDataSource) dataSource).getJdbcUrl()).isEqualTo(URL);
		try (Connection connection = dataSource.getConnection()) {
			assertThat(connection.getCatalog()).isEqualTo(URL.substring(URL.lastIndexOf('/') + 1));
		}
	}

	@Test
	void liquibaseBuiltTheSchemaInTheEmptyDatabaseAndNoDemoDataWasCreated() {
		List<UserAccount> users = SystemAccess.asAdministrator(accounts::listUsers);
		assertThat(users).extracting(UserAccount::username).containsExactly("chief");
		assertThat(users.get(0).roles()).containsExactly(Role.ADMIN);
	}

}
