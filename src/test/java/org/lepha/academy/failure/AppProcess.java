package org.lepha.academy.failure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.lepha.academy.Application;

/**
 * The application in a JVM of its own, started the way an operator starts it (the main
 * class, environment variables for the database and the port), so that a test can kill it
 * with SIGKILL and start it again on the same database.
 * <p>
 * Its classpath is the test JVM's minus the test classes: the production code and its
 * libraries (the test-scoped libraries come along; nothing in the application looks for
 * them). Content comes from the small test fixture, as in every other test. Output goes
 * to {@code target/failure-logs/NAME.log}.
 */
public final class AppProcess implements AutoCloseable {

	private static final Path LOGS = Path.of("target/failure-logs");

	/** Every child still alive, killed when the test JVM ends without closing them. */
	private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "app-process-reaper"));
	}

	private final String name;

	private final Process process;

	private final int port;

	private final Path log;

	private AppProcess(String name, Process process, int port, Path log) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the application on a free port against the given database and waits until
	 * {@code /actuator/health} says UP.
	 * @param name for the log file and messages
	 * @param jdbcUrl the MariaDB schema ({@code DB_URL}); user root, no password
	 * @param environment further environment variables
	 */
	public static AppProcess start(String name, String jdbcUrl, Map<String, String> environment) {
		int port = freePort();
		try {
			Files.createDirectories(LOGS);
			Path log = LOGS.resolve(name + ".log");
			Path argFile = LOGS.resolve(name + ".args");
			// An argument file: the classpath is long, and a single argument is limited
			// to 128 KB on Linux.
			Files.writeString(argFile, "-cp \"" + childClassPath().replace("\\", "\\\\") + "\"\n",
					StandardCharsets.UTF_8);
			List<String> command = new ArrayList<>();
			command.add(ProcessHandle.current().info().command().orElseThrow());
			command.add("-Xmx640m");
			// C1 only and one GC thread: a server that lives for seconds, on two shared
			// cores, starts faster without C2 and parallel collectors.
			command.add("-XX:TieredStopAtLevel=1");
			command.add("-XX:+UseSerialGC");
			command.add("-Djava.awt.headless=true");
			command.add("-Dfile.encoding=UTF-8");
			// The same fixture content as src/test/resources/config/application.yaml
			// gives every in-JVM test context (that file is not on this classpath).
			command.add("-Dapp.content.dir=src/test/resources/content-valid/content");
			command.add("-Dapp.translations.dir=src/test/resources/content-valid/translations");
			command.add("-Dvaadin.devmode.devTools.enabled=false");
			command.add("@" + argFile.toAbsolutePath());
			command.add(Application.class.getName());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
			Map<String, String> env = builder.environment();
			env.put("DB_URL", jdbcUrl);
			env.put("DB_USER", "root");
			env.put("DB_PASSWORD", "");
			env.put("PORT", String.valueOf(port));
			env.put("APP_DEMO_DATA", "false");
			env.putAll(environment);
			Process process = builder.start();
			LIVE.add(process);
			AppProcess app = new AppProcess(name, process, port, log);
			try {
				app.awaitHealthy(Duration.ofSeconds(120));
			}
			catch (RuntimeException | Error ex) {
				app.close();
				throw ex;
			}
			return app;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static AppProcess start(String name, String jdbcUrl) {
		return start(name, jdbcUrl, Map.of());
	}

	public int port() {
		return port;
	}

	public String baseUrl() {
		return "http://localhost:" + port;
	}

	public long pid() {
		return process.pid();
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	/**
	 * {@code kill -9}: {@link Process#destroyForcibly()} sends SIGKILL on Linux; no
	 * shutdown hook, no pool close, no session flush runs.
	 * @return the exit code (137 = 128 + SIGKILL)
	 */
	public int kill() {
		process.destroyForcibly();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException(name + " survived SIGKILL");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		LIVE.remove(process);
		return process.exitValue();
	}

	/** Stops the application: SIGTERM, and SIGKILL if it has not ended in 20 s. */
	@Override
	public void close() {
		if (process.isAlive()) {
			process.destroy();
			try {
				if (!process.waitFor(20, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					process.waitFor(20, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
		}
		LIVE.remove(process);
	}

	/** The last lines the application wrote, for failure messages. */
	public String logTail() {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	private void awaitHealthy(Duration patience) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		Instant deadline = Instant.now().plus(patience);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						name + " ended with exit code " + process.exitValue() + " while starting:\n" + logTail());
			}
			try {
				HttpResponse<String> health = http
					.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
						.timeout(Duration.ofSeconds(5))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(250);
		}
		throw new IllegalStateException(name + " not healthy after " + patience + ":\n" + logTail());
	}

	/**
	 * The test JVM's classpath without its test classes. Surefire may start the test JVM
	 * with a manifest-only jar whose {@code Class-Path} holds the real entries; those are
	 * read from it.
	 */
	static String childClassPath() {
		List<Path> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
			if (entry.isBlank()) {
				continue;
			}
			Path path = Path.of(entry).toAbsolutePath();
			List<Path> fromManifest = manifestClassPath(path);
			entries.addAll(fromManifest.isEmpty() ? List.of(path) : fromManifest);
		}
		Map<String, Path> unique = new LinkedHashMap<>();
		for (Path entry : entries) {
			String normalized = entry.normalize().toString();
			if (!normalized.endsWith("test-classes") && !normalized.contains("surefire")) {
				unique.putIfAbsent(normalized, entry);
			}
		}
		if (unique.keySet().stream().noneMatch((e) -> e.endsWith("classes"))) {
			throw new IllegalStateException("target/classes is not on the test classpath: " + unique.keySet());
		}
		return String.join(java.io.File.pathSeparator, unique.keySet());
	}

	private static List<Path> manifestClassPath(Path entry) {
		if (!entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
			return List.of();
		}
		try (JarFile jar = new JarFile(entry.toFile())) {
			Manifest manifest = jar.getManifest();
			String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
			if (classPath == null || classPath.isBlank() || jar.getEntry("org/lepha") != null) {
				return List.of();
			}
			URI base = entry.getParent().toUri();
			List<Path> paths = new ArrayList<>();
			for (String item : classPath.trim().split("\\s+")) {
				paths.add(Path.of(base.resolve(item)));
			}
			return paths;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
