package org.lepha.academy.base.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Backup and restore of the embedded database, run as {@code java -jar app.jar
 * --backup=FILE} or {@code --restore=FILE} before Spring starts (see
 * {@code Application.main}), with the MariaDB tools that come with the embedded server
 * ({@code mariadb-dump} and {@code mariadb} in {@code DATA_DIR/mariadb-server/bin}).
 * <p>
 * A backup connects to the server that the running application started on the same
 * {@code DATA_DIR}: its port is in {@link EmbeddedMariaDb#PORT_FILE}. The dump is taken
 * in one transaction ({@code --single-transaction}, every table is InnoDB), so it is
 * consistent while cadets keep working, and binary columns (certificate PDFs) are written
 * in hexadecimal so they come back byte for byte. A file name ending in {@code .gz} is
 * gzipped. A restore starts an embedded server on a fresh {@code DATA_DIR}, loads the
 * dump and stops it; the application is then started on that folder.
 * <p>
 * Every failure is one line for the operator's console ({@link BackupException}).
 */
public final class DatabaseBackup {

	private DatabaseBackup() {
	}

	/**
	 * Runs {@code --backup=FILE} or {@code --restore=FILE} if one is among the arguments.
	 * @param environment where {@code DATA_DIR} and {@code DB_URL} are read
	 * @return the process exit code, or empty when neither argument was given (the
	 * application then starts as usual)
	 */
	public static OptionalInt runCommand(String[] args, Map<String, String> environment, PrintStream out,
			PrintStream err) {
		String backup = argument(args, "--backup=");
		String restore = argument(args, "--restore=");
		if (backup == null && restore == null) {
			return OptionalInt.empty();
		}
		Runnable restoreLogLevel = quietLibraryLogs();
		try {
			if (backup != null && restore != null) {
				throw new BackupException("Give either --backup or --restore, not both.");
			}
			String url = environment.get("DB_URL");
			if (url != null && !url.isBlank()) {
				throw new BackupException("DB_URL is set: the database is external. Back it up with mariadb-dump "
						+ "--single-transaction and restore it with mariadb (docs/deployment.md, \"Backup and restore\").");
			}
			Path dataDir = Path.of(environment.getOrDefault("DATA_DIR", "data")).toAbsolutePath().normalize();
			if (backup != null) {
				Result result = backup(dataDir, Path.of(backup).toAbsolutePath().normalize());
				out.println("Backup of " + dataDir + " written to " + result.file() + " (" + size(result.bytes())
						+ " in " + seconds(result.took()) + ").");
			}
			else {
				Result result = restore(dataDir, Path.of(restore).toAbsolutePath().normalize());
				out.println("Restored " + result.file() + " (" + size(result.bytes()) + ") into " + dataDir + " in "
						+ seconds(result.took()) + ". Start the application with DATA_DIR=" + dataDir + ".");
			}
			return OptionalInt.of(0);
		}
		catch (BackupException ex) {
			err.println(ex.getMessage());
			return OptionalInt.of(1);
		}
		finally {
			restoreLogLevel.run();
		}
	}

	/**
	 * Dumps the running embedded server of {@code dataDir} into {@code file}, which must
	 * not exist yet (it appears only once the dump is complete).
	 */
	public static Result backup(Path dataDir, Path file) throws BackupException {
		long started = System.nanoTime();
		if (Files.exists(file)) {
			throw new BackupException(file + " exists already: choose a new file name for the backup.");
		}
		if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
			throw new BackupException("The folder " + file.getParent() + " does not exist.");
		}
		int port = runningPort(dataDir);
		Path dump = tool(dataDir, "mariadb-dump");
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		List<String> command = new ArrayList<>(List.of(dump.toString()));
		command.addAll(connection(port));
		command.addAll(List.of("--single-transaction", "--hex-blob", "--routines", "--triggers",
				"--default-character-set=utf8mb4", "--databases", EmbeddedMariaDb.SCHEMA));
		try {
			Files.deleteIfExists(partial);
			try (OutputStream target = gzipped(file) ? new GZIPOutputStream(Files.newOutputStream(partial), 1 << 16)
					: Files.newOutputStream(partial)) {
				run(command, dataDir, null, target, "mariadb-dump on port " + port);
			}
			Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
			return new Result(file, Files.size(file), Duration.ofNanos(System.nanoTime() - started));
		}
		catch (IOException ex) {
			throw new BackupException("Could not write the backup " + file + ": " + ex.getMessage());
		}
		finally {
			try {
				Files.deleteIfExists(partial);
			}
			catch (IOException ex) {
				// Only a leftover partial file; the message above says what went wrong.
			}
		}
	}

	/**
	 * Loads {@code file} into a new embedded server on {@code dataDir}, which must hold
	 * no database yet, and stops the server again.
	 */
	public static Result restore(Path dataDir, Path file) throws BackupException {
		long started = System.nanoTime();
		if (!Files.isRegularFile(file)) {
			throw new BackupException("The backup " + file + " does not exist.");
		}
		Path tables = dataDir.resolve("mariadb");
		if (!isEmptyOrMissing(tables) || Files.exists(dataDir.resolve(EmbeddedMariaDb.PORT_FILE))) {
			throw new BackupException("The data folder " + dataDir + " already holds a database: restore into a new, "
					+ "empty folder (set DATA_DIR to it).");
		}
		EmbeddedMariaDb server;
		try {
			server = EmbeddedMariaDb.startSeparate(dataDir, 0);
		}
		catch (RuntimeException ex) {
			throw new BackupException("Could not start the embedded database in " + dataDir + ": " + firstLine(ex));
		}
		try {
			List<String> command = new ArrayList<>(List.of(tool(dataDir, "mariadb").toString()));
			command.addAll(connection(server.port()));
			command.addAll(List.of("--default-character-set=utf8mb4", "--binary-mode"));
			try (InputStream source = gzipped(file) ? new GZIPInputStream(Files.newInputStream(file), 1 << 16)
					: Files.newInputStream(file)) {
				run(command, dataDir, source, null, "mariadb loading " + file.getFileName());
			}
			return new Result(file, Files.size(file), Duration.ofNanos(System.nanoTime() - started));
		}
		catch (IOException ex) {
			throw new BackupException("Could not read the backup " + file + ": " + ex.getMessage());
		}
		finally {
			server.stop();
		}
	}

	private static int runningPort(Path dataDir) throws BackupException {
		Path portFile = dataDir.resolve(EmbeddedMariaDb.PORT_FILE);
		try {
			return Integer.parseInt(Files.readString(portFile).strip());
		}
		catch (NoSuchFileException ex) {
			throw new BackupException("No embedded database is running on " + dataDir + " (no "
					+ EmbeddedMariaDb.PORT_FILE + "): start the application with this DATA_DIR first.");
		}
		catch (IOException | NumberFormatException ex) {
			throw new BackupException("Cannot read the database port from " + portFile + ": " + ex.getMessage());
		}
	}

	private static Path tool(Path dataDir, String name) throws BackupException {
		Path tool = dataDir.resolve("mariadb-server").resolve("bin").resolve(name);
		if (!Files.isExecutable(tool)) {
			throw new BackupException(
					"The MariaDB tool " + tool + " is missing: is " + dataDir + " the DATA_DIR of this application?");
		}
		return tool;
	}

	/**
	 * Over TCP to 127.0.0.1 as root without a password, as the application connects; no
	 * TLS, as the server runs with {@code --skip-ssl} (see {@link EmbeddedMariaDb}) and
	 * the 11.4 clients would otherwise insist on it.
	 */
	private static List<String> connection(int port) {
		return List.of("--no-defaults", "--protocol=TCP", "--host=127.0.0.1", "--port=" + port, "--user=root",
				"--skip-ssl");
	}

	/**
	 * Runs a MariaDB tool with the libraries that come with it, piping {@code input} to
	 * it or its output to {@code output}; its error output is kept apart for the message.
	 */
	private static void run(List<String> command, Path dataDir, InputStream input, OutputStream output, String what)
			throws BackupException, IOException {
		Path errors = Files.createTempFile("lepha-db-tool", ".err");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
			builder.environment().put("LD_LIBRARY_PATH", dataDir.resolve("mariadb-server").resolve("libs").toString());
			if (input == null) {
				builder.redirectInput(ProcessBuilder.Redirect.from(nullFile()));
			}
			if (output == null) {
				builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
			}
			Process process = builder.start();
			if (input != null) {
				try (OutputStream stdin = process.getOutputStream()) {
					input.transferTo(stdin);
				}
				catch (IOException ex) {
					// The tool stopped reading (it failed): its own message says why.
				}
			}
			if (output != null) {
				try (InputStream stdout = process.getInputStream()) {
					stdout.transferTo(output);
				}
			}
			int exit = process.waitFor();
			if (exit != 0) {
				String message = Files.readAllLines(errors, StandardCharsets.UTF_8)
					.stream()
					.filter((line) -> !line.isBlank())
					.findFirst()
					.orElse("exit code " + exit);
				if (message.contains("Can't connect")) {
					throw new BackupException("The embedded database of " + dataDir
							+ " does not answer: is the application running on this DATA_DIR? (" + message + ")");
				}
				throw new BackupException(what + " failed: " + message);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BackupException(what + " was interrupted.");
		}
		finally {
			Files.deleteIfExists(errors);
		}
	}

	private static java.io.File nullFile() {
		return new java.io.File("/dev/null");
	}

	private static boolean isEmptyOrMissing(Path folder) throws BackupException {
		if (!Files.exists(folder)) {
			return true;
		}
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.findAny().isEmpty();
		}
		catch (IOException ex) {
			throw new BackupException("Cannot read the data folder " + folder + ": " + ex.getMessage());
		}
	}

	/**
	 * Before Spring starts, Logback logs everything at DEBUG; the embedded server's
	 * start-up chatter would bury the command's one line of result. Warnings still show.
	 */
	private static Runnable quietLibraryLogs() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
			Level before = root.getLevel();
			root.setLevel(Level.WARN);
			return () -> root.setLevel(before);
		}
		return () -> {
		};
	}

	private static boolean gzipped(Path file) {
		return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
	}

	private static String argument(String[] args, String prefix) {
		for (String arg : args) {
			if (arg.startsWith(prefix)) {
				return arg.substring(prefix.length());
			}
		}
		return null;
	}

	private static String firstLine(Throwable ex) {
		String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		return message.lines().findFirst().orElse(message);
	}

	private static String size(long bytes) {
		return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
				: String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
	}

	private static String seconds(Duration took) {
		return String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
	}

	/** What was written or read, and how long it took. */
	public record Result(Path file, long bytes, Duration took) {
	}

	/** A backup or restore that cannot go on; the message is one line for the console. */
	public static final class BackupException extends Exception {

		BackupException(String message) {
			super(message);
		}

	}

}
