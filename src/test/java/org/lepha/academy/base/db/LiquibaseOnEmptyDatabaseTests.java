package org.lepha.academy.base.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The changelog builds the whole schema on an empty MariaDB, and applying it twice
 * changes nothing (what a restart or a second node does).
 */
class LiquibaseOnEmptyDatabaseTests {

	@Test
	void changelogAppliesToAnEmptyDatabaseAndIsIdempotent() throws Exception {
		String url = TestDatabases.freshSchema("liquibase");
		// Liquibase closes the connection it is given, so each step gets its own.
		update(DriverManager.getConnection(url, "root", ""));
		List<String> tables = tables(url);
		assertThat(tables).contains("app_user", "user_role", "translator_locale", "login_failure", "academy", "cohort",
				"cohort_trainer", "enrolment", "DATABASECHANGELOG");
		update(DriverManager.getConnection(url, "root", ""));
		assertThat(tables(url)).isEqualTo(tables);
	}

	private static void update(Connection connection) throws Exception {
		Database database = DatabaseFactory.getInstance()
			.findCorrectDatabaseImplementation(new JdbcConnection(connection));
		try (Liquibase liquibase = new Liquibase("db/changelog/db.changelog-master.yaml",
				new ClassLoaderResourceAccessor(), database)) {
			liquibase.update("");
		}
	}

	private static List<String> tables(String url) throws Exception {
		List<String> tables = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, "root", "");
				var rs = connection.getMetaData()
					.getTables(connection.getCatalog(), null, "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				tables.add(rs.getString("TABLE_NAME"));
			}
		}
		tables.sort(String::compareTo);
		return tables;
	}

}
