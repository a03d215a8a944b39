package org.lepha.academy.base.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Checks, before Spring starts, that an external database given by {@code DB_URL}
 * answers, so that an operator who mistyped the URL gets one clear line instead of a wall
 * of stack traces.
 */
public final class DatabaseStartupCheck {

	private DatabaseStartupCheck() {
	}

	/**
	 * Returns the one-line problem description, or empty when the database answers or no
	 * external database is configured.
	 */
	public static Optional<String> problem(Map<String, String> environment) {
		String url = environment.get("DB_URL");
		if (url == null || url.isBlank()) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		properties.setProperty("user", environment.getOrDefault("DB_USER", ""));
		properties.setProperty("password", environment.getOrDefault("DB_PASSWORD", ""));
		properties.setProperty("connectTimeout", "5000");
		try (Connection connection = DriverManager.getConnection(url, properties)) {
			return Optional.empty();
		}
		catch (SQLException ex) {
			return Optional.of(describe(url, ex));
		}
	}

	/**
	 * The operator's line for a database that does not answer: the URL, the driver's
	 * first line, and what to check. Also used when the database goes away between this
	 * check and the start of the connection pool
	 * ({@code base/startup/StartupFailureAnalyzer}).
	 */
	public static String describe(String url, SQLException ex) {
		String reason = Optional.ofNullable(ex.getMessage())
			.orElse(ex.getClass().getSimpleName())
			.lines()
			.findFirst()
			.orElse("");
		return "Cannot connect to the database at " + url + " (" + reason
				+ "). Check DB_URL, DB_USER and DB_PASSWORD, and that MariaDB is running.";
	}

}
