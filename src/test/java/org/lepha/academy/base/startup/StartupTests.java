package org.lepha.academy.base.startup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lepha.academy.base.db.DatabaseStartupCheck;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServer;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Where the course comes from (the order in README's "Production" section), its
 * extraction from the jar to the data folder, and the one line an operator sees for each
 * misconfiguration. The jar's course here is the one the build copied to
 * {@code target/classes/course}, read the way the packaged jar reads it.
 */
class StartupTests {

	@TempDir
	Path workingDir;

	@Test
	void aConfiguredFolderIsUsedAsItIsEvenWhenTheWorkingFolderHasOne() throws IOException {
		Path elsewhere = Files.createDirectories(workingDir.resolve("elsewhere/content"));
		Files.createDirectories(workingDir.resolve("content"));
		Files.createDirectories(workingDir.resolve("translations"));
		StandardEnvironment environment = environment(Map.of("app.content.dir", elsewhere.toString()));

		CourseLocation.Decision decision = CourseLocation.decide(environment, workingDir, this::noJarCourse);

		assertThat(decision.content()).isEqualTo(elsewhere);
		assertThat(decision.overrides()).doesNotContainKey("app.content.dir");
	}

	@Test
	void theWorkingFoldersContentAndTranslationsComeBeforeTheJarsCopy() throws IOException {
		Files.createDirectories(workingDir.resolve("content"));
		Files.createDirectories(workingDir.resolve("translations"));

		CourseLocation.Decision decision = CourseLocation.decide(environment(Map.of()), workingDir, this::noJarCourse);

		assertThat(decision.content()).isEqualTo(workingDir.resolve("content"));
		assertThat(decision.translations()).isEqualTo(workingDir.resolve("translations"));
		assertThat(decision.overrides()).isEmpty();
		assertThat(workingDir.resolve("data")).doesNotExist();
	}

	@Test
	void fromAnEmptyFolderTheJarsCourseIsExtractedOnceToTheDataFolder() throws IOException {
		StandardEnvironment environment = environment(Map.of("app.db.data-dir", "var/academy"));

		CourseLocation.Decision first = CourseLocation.decide(environment, workingDir, this::jarCourse);

		Path copy = first.content().getParent();
		assertThat(copy.getParent()).isEqualTo(workingDir.resolve("var/academy/course"));
		assertThat(copy.getFileName().toString()).matches("[0-9a-f]{16}");
		assertThat(first.content()).isEqualTo(copy.resolve("content"));
		assertThat(first.translations()).isEqualTo(copy.resolve("translations"));
		assertThat(first.content().resolve("course.yaml")).hasSameTextualContentAs(Path.of("content/course.yaml"));
		assertThat(first.translations().resolve("ui/fa-AF.properties"))
			.hasSameTextualContentAs(Path.of("translations/ui/fa-AF.properties"));
		assertThat(first.overrides()).containsEntry("app.content.dir", first.content().toString())
			.containsEntry("app.translations.dir", first.translations().toString())
			.containsEntry("app.i18n.ui-strings-dir", first.translations().resolve("ui").toString());

		// The next start finds the complete copy and leaves it alone (an edit stays).
		Path marker = first.content().resolve("course.yaml");
		Files.writeString(marker, "edited", StandardCharsets.UTF_8);
		CourseLocation.Decision second = CourseLocation.decide(environment, workingDir, this::jarCourse);
		assertThat(second.content()).isEqualTo(first.content());
		assertThat(marker).hasContent("edited");
		try (var folders = Files.list(copy.getParent())) {
			assertThat(folders).as("no staging folder left behind").containsExactly(copy);
		}
	}

	@Test
	void aDifferentJarGetsAFolderOfItsOwnAndAHalfWrittenCopyIsReplaced() throws IOException {
		Path otherJar = workingDir.resolve("other-jar");
		Files.createDirectories(otherJar.resolve("course/content"));
		Files.createDirectories(otherJar.resolve("course/translations/ui"));
		Files.writeString(otherJar.resolve("course/content/course.yaml"), "documents: []\n");
		Files.writeString(otherJar.resolve("course/translations/ui/en.properties"), "app.name=Other\n");
		Path dataDir = workingDir.resolve("data");

		ShippedCourse shipped = ShippedCourse.read(getClass().getClassLoader());
		ShippedCourse other = read(otherJar);
		Path shippedCopy = shipped.extractTo(dataDir);
		Files.createDirectories(dataDir.resolve("course").resolve(other.hash()).resolve("content"));
		Path otherCopy = other.extractTo(dataDir);

		assertThat(other.hash()).isNotEqualTo(shipped.hash());
		assertThat(otherCopy).isNotEqualTo(shippedCopy);
		assertThat(otherCopy.resolve("translations/ui/en.properties")).hasContent("app.name=Other");
		assertThat(otherCopy.resolve(ShippedCourse.COMPLETE_MARKER)).exists();
		assertThat(shippedCopy.resolve("content/course.yaml")).exists();
	}

	@Test
	void eachFolderIsDecidedOnItsOwn() throws IOException {
		Files.createDirectories(workingDir.resolve("content"));

		CourseLocation.Decision decision = CourseLocation.decide(environment(Map.of()), workingDir, this::jarCourse);

		assertThat(decision.content()).isEqualTo(workingDir.resolve("content"));
		assertThat(decision.translations().resolve("ui/en.properties")).exists();
		assertThat(decision.overrides()).containsOnlyKeys("app.translations.dir", "app.i18n.ui-strings-dir");
	}

	@Test
	void aConfiguredFolderThatIsMissingEndsTheStartWithOneLineNamingItAndTheSetting() {
		Path missing = workingDir.resolve("no-such-course");
		StandardEnvironment environment = environment(Map.of("app.content.dir", missing.toString()));

		Throwable failure = catchThrowable(() -> CourseLocation.decide(environment, workingDir, this::jarCourse));

		assertThat(failure).isInstanceOf(CourseFolderException.class);
		assertThat(oneLine(failure)).isEqualTo("Cannot start: The course folder " + missing
				+ " (set by app.content.dir) does not exist or is not a folder.");
	}

	@Test
	void aConfiguredFileInsteadOfAFolderIsRefused() throws IOException {
		Path file = Files.writeString(workingDir.resolve("translations.zip"), "not a folder");
		StandardEnvironment environment = environment(Map.of("app.translations.dir", file.toString()));

		assertThatThrownBy(() -> CourseLocation.decide(environment, workingDir, this::jarCourse))
			.isInstanceOf(CourseFolderException.class)
			.hasMessageContaining(file.toString());
	}

	@Test
	void aFileCalledContentInTheWorkingFolderIsRefusedNotSkipped() throws IOException {
		// The operator put something there: serving the jar's course instead would hide
		// it.
		Files.writeString(workingDir.resolve("content"), "not a folder");

		Throwable failure = catchThrowable(
				() -> CourseLocation.decide(environment(Map.of()), workingDir, this::jarCourse));

		assertThat(oneLine(failure)).isEqualTo("Cannot start: The course folder " + workingDir.resolve("content")
				+ " (found in the working folder) does not exist or is not a folder.");
	}

	@Test
	void aDataFolderTheCourseCannotBeWrittenToIsNamed() throws IOException {
		// A file where the data folder should be: no folder can be created under it
		// (file permissions cannot be used, the tests may run as root).
		Path blocked = Files.writeString(workingDir.resolve("blocked"), "a file");
		StandardEnvironment environment = environment(Map.of("app.db.data-dir", blocked.toString()));

		Throwable failure = catchThrowable(() -> CourseLocation.decide(environment, workingDir, this::jarCourse));

		assertThat(oneLine(failure))
			.startsWith("Cannot start: The course in the jar cannot be written to " + blocked.resolve("course")
					+ " (DATA_DIR)")
			.doesNotContain("\n");
	}

	@Test
	void aPortInUseIsNamedWithTheSettingThatChangesIt() throws IOException {
		try (ServerSocket taken = new ServerSocket(0)) {
			TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(taken.getLocalPort());
			WebServer server = factory.getWebServer();
			Throwable failure = catchThrowable(server::start);
			server.stop();

			assertThat(oneLine(new BeanCreationException("webServerStartStop", failure)))
				.isEqualTo("Cannot start: Port " + taken.getLocalPort()
						+ " is already in use by another program. Stop it, or set PORT to a free port.");
		}
	}

	@Test
	void aKeyStoreThatIsNotThereIsNamed() {
		Path missing = workingDir.resolve("keystore.p12");
		Ssl ssl = new Ssl();
		ssl.setKeyStore(missing.toString());
		ssl.setKeyStorePassword("secret");
		ssl.setKeyStoreType("PKCS12");
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
		factory.setSsl(ssl);

		Throwable failure = catchThrowable(() -> factory.getWebServer().start());

		assertThat(failure).isNotNull();
		assertThat(oneLine(failure)).startsWith("Cannot start: The TLS key store cannot be loaded: ")
			.contains(missing.toString())
			.contains("server.ssl.key-store")
			.doesNotContain("\n");
	}

	@Test
	void anUnreachableDatabaseIsNamedByItsUrlBeforeSpringStartsAndAfter() throws Exception {
		String url;
		try (ServerSocket free = new ServerSocket(0)) {
			url = "jdbc:mariadb://127.0.0.1:" + free.getLocalPort() + "/academy";
		}
		Optional<String> before = DatabaseStartupCheck.problem(Map.of("DB_URL", url, "DB_USER", "academy"));
		SQLException refused = catchSqlException(url);
		Optional<String> after = StartupFailureAnalyzer
			.describe(new BeanCreationException("liquibase", new IllegalStateException("pool", refused)), url);

		assertThat(before)
			.hasValueSatisfying((line) -> assertThat(line).startsWith("Cannot connect to the database at " + url + " (")
				.endsWith("Check DB_URL, DB_USER and DB_PASSWORD, and that MariaDB is running.")
				.doesNotContain("\n"));
		assertThat(after)
			.hasValueSatisfying((line) -> assertThat(line).startsWith("Cannot connect to the database at " + url));
	}

	@Test
	void aMisconfigurationFoundByABeanIsReportedAsItsOwnLine() {
		MisconfigurationException wrong = new MisconfigurationException(
				"The certificate signing keystore /etc/academy.p12 does not exist. Check CERT_KEYSTORE.");

		Optional<String> line = StartupFailureAnalyzer
			.describe(new BeanCreationException("academyKeys", "Failed to instantiate", wrong), null);

		assertThat(line).hasValue(wrong.getMessage());
	}

	@Test
	void aFailedStartStopsTheEmbeddedDatabaseOnlyInTheServersOwnProcess() throws ClassNotFoundException {
		SpringApplication server = new SpringApplication(Object.class);
		server.setMainApplicationClass(Class.forName(FailedStartCleanup.SERVER_MAIN_CLASS));
		SpringApplication testContext = new SpringApplication(Object.class);
		testContext.setMainApplicationClass(StartupTests.class);

		assertThat(FailedStartCleanup.isServerProcess(server)).isTrue();
		assertThat(FailedStartCleanup.isServerProcess(testContext)).isFalse();
	}

	@Test
	void unknownFailuresAreLeftToSpringBootWithTheirStackTrace() {
		assertThat(new StartupFailureAnalyzer().analyze(new IllegalStateException("a bug"))).isNull();
	}

	@Test
	void springBootsOwnMultiLineAnalysesAreFoldedIntoOneLine() {
		String line = OneLineFailureReporter.line(new FailureAnalysis("Binding to target failed:\n\n    Property: x\n",
				"Update your\napplication's configuration", null));
		assertThat(line)
			.isEqualTo("Cannot start: Binding to target failed: Property: x Update your application's configuration");
	}

	private static String oneLine(Throwable failure) {
		FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("analysis of " + failure).isNotNull();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new OneLineFailureReporter(new PrintStream(out, true, StandardCharsets.UTF_8)).report(analysis);
		String printed = out.toString(StandardCharsets.UTF_8);
		assertThat(printed.lines()).as("exactly one line").hasSize(1);
		return printed.strip();
	}

	private static SQLException catchSqlException(String url) {
		try {
			DriverManager.getConnection(url + "?connectTimeout=2000", "academy", "").close();
		}
		catch (SQLException ex) {
			return ex;
		}
		throw new AssertionError("a database answered at " + url);
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(properties)));
		return environment;
	}

	private ShippedCourse jarCourse() {
		ShippedCourse course = ShippedCourse.read(getClass().getClassLoader());
		assertThat(course.isEmpty()).as("the build copies the course to target/classes/course").isFalse();
		return course;
	}

	private ShippedCourse noJarCourse() {
		throw new AssertionError("the jar's course is not needed here");
	}

	private static ShippedCourse read(Path classpathRoot) throws IOException {
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classpathRoot.toUri().toURL() }, null)) {
			return ShippedCourse.read(loader);
		}
	}

}
