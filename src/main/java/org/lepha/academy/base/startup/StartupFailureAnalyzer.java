package org.lepha.academy.base.startup;

import java.net.BindException;
import java.nio.file.NoSuchFileException;
import java.io.FileNotFoundException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.lepha.academy.base.db.DatabaseStartupCheck;
import org.lepha.academy.base.db.EmbeddedMariaDb.EmbeddedDatabaseException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.tomcat.ConnectorStartFailedException;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Turns the start-up failures an operator can cause into one line naming what is wrong
 * and where (README, "Production"): a course folder, the keystore, the port, the
 * database. Registered in {@code META-INF/spring.factories}; ahead of Spring Boot's own
 * analyzers so that the port's message names the {@code PORT} setting. Anything else is
 * left to Spring Boot: an unknown failure is a bug and keeps its stack trace.
 * <p>
 * No constructor arguments: a failure while the environment is prepared (a course folder)
 * happens before there is an application context to take them from.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class StartupFailureAnalyzer implements FailureAnalyzer {

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		return describe(failure, System.getenv("DB_URL")).map((line) -> new FailureAnalysis(line, "", failure))
			.orElse(null);
	}

	/**
	 * The operator's line for a failure, if it is one of the known kinds.
	 * @param databaseUrl {@code DB_URL}, named when the database does not answer
	 */
	static Optional<String> describe(Throwable failure, @Nullable String databaseUrl) {
		CourseFolderException course = find(failure, CourseFolderException.class);
		if (course != null) {
			return Optional.ofNullable(course.getMessage());
		}
		MisconfigurationException misconfigured = find(failure, MisconfigurationException.class);
		if (misconfigured != null) {
			return Optional.ofNullable(misconfigured.getMessage());
		}
		PortInUseException port = find(failure, PortInUseException.class);
		ConnectorStartFailedException connector = find(failure, ConnectorStartFailedException.class);
		if (port != null || connector != null) {
			int number = port != null ? port.getPort() : connector.getPort();
			return Optional.of("Port " + number + " is already in use by another program. Stop it, or set "
					+ "PORT to a free port.");
		}
		String keystore = keystoreProblem(failure);
		if (keystore != null) {
			return Optional.of(keystore);
		}
		EmbeddedDatabaseException embedded = find(failure, EmbeddedDatabaseException.class);
		if (embedded != null) {
			return Optional.of(firstLine(embedded.getMessage()) + " Check DATA_DIR and EMBEDDED_DB_PORT.");
		}
		SQLException sql = find(failure, SQLNonTransientConnectionException.class);
		if (sql == null) {
			sql = connectionFailure(failure);
		}
		if (sql != null && databaseUrl != null && !databaseUrl.isBlank()) {
			return Optional.of(DatabaseStartupCheck.describe(databaseUrl, sql));
		}
		return Optional.empty();
	}

	/**
	 * A TLS key store (or trust store) that is not where {@code server.ssl.*} or an SSL
	 * bundle says: Spring Boot wraps the missing file in its own exceptions, whose
	 * message names the location.
	 */
	private static @Nullable String keystoreProblem(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			String message = t.getMessage();
			if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("store")
					&& (hasCause(t, FileNotFoundException.class) || hasCause(t, NoSuchFileException.class)
							|| message.contains("does not exist"))) {
				return "The TLS key store cannot be loaded: " + firstLine(message)
						+ ". Check server.ssl.key-store (SERVER_SSL_KEY_STORE) and its password.";
			}
		}
		return null;
	}

	private static @Nullable SQLException connectionFailure(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql
					&& (hasCause(sql, BindException.class) || hasCause(sql, java.net.ConnectException.class)
							|| hasCause(sql, java.net.UnknownHostException.class) || "08000".equals(sql.getSQLState())
							|| "08S01".equals(sql.getSQLState()))) {
				return sql;
			}
		}
		return null;
	}

	private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		return find(failure, type) != null;
	}

	private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}

	private static String firstLine(@Nullable String message) {
		return message == null ? "" : message.lines().findFirst().orElse("").strip();
	}

}
