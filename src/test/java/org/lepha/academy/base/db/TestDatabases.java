package org.lepha.academy.base.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh, empty schemas on the test JVM's embedded server, for tests that need a database
 * nobody else has touched.
 */
public final class TestDatabases {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private TestDatabases() {
	}

	public static EmbeddedMariaDb server() {
		return EmbeddedMariaDb.startShared(Path.of("target/test-data").toAbsolutePath(), 0);
	}

	/** Creates an empty schema and returns its JDBC URL (user root, no password). */
	public static String freshSchema(String prefix) {
		EmbeddedMariaDb server = server();
		String name = prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
		try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.port() + "/", "root", "");
				Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return "jdbc:mariadb://127.0.0.1:" + server.port() + "/" + name;
	}

}
