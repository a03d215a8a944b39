package org.lepha.academy.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Creates N cadet accounts enrolled in one new cohort that has a module assigned, and a
 * trainer of that cohort ({@code <prefix>.trainer}, for the exam-day run, in which the
 * trainer opens the exam session), straight in the database. bcrypt takes ~70 ms per hash
 * on this machine (2,000 accounts through the app's service would take minutes), so the
 * common password is hashed once and the rows are inserted in JDBC batches. The hash has
 * the same {@code {bcrypt}} form the app itself stores, so these cadets sign in through
 * the ordinary login form.
 * <p>
 * Run against a running server's database (the embedded one listens on
 * {@code EMBEDDED_DB_PORT}, user {@code root}, no password, given as {@code -}):
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.lepha.academy.load.LoadAccounts -Dexec.args="jdbc:mariadb://127.0.0.1:3407/academy root - load 2000 police-role-public-health load-password-1"}
 */
public final class LoadAccounts {

	private LoadAccounts() {
	}

	public static void main(String[] args) throws SQLException {
		if (args.length < 7) {
			System.err.println("arguments: jdbcUrl dbUser dbPassword usernamePrefix count moduleId cadetPassword");
			System.exit(2);
		}
		long started = System.nanoTime();
		// "-" for no password (the embedded database's root has none).
		String dbPassword = "-".equals(args[2]) ? "" : args[2];
		try (Connection connection = DriverManager.getConnection(args[0], args[1], dbPassword)) {
			LoadCohort created = create(connection, args[3], Integer.parseInt(args[4]), args[5], args[6]);
			List<String> usernames = created.cadets();
			System.out.printf("created %d cadets %s .. %s and trainer %s in cohort %d in %d ms%n", usernames.size(),
					usernames.get(0), usernames.get(usernames.size() - 1), created.trainer(), created.cohortId(),
					(System.nanoTime() - started) / 1_000_000);
			// The exam-day run needs the cohort: -Dload.cohort=<this id>.
			System.out.println("cohort id " + created.cohortId());
		}
	}

	/**
	 * What {@link #create} made.
	 *
	 * @param cadets the cadets' user names, in order
	 * @param trainer the user name of the cohort's trainer (same password)
	 */
	public record LoadCohort(long cohortId, List<String> cadets, String trainer) {
	}

	/**
	 * Creates the cadets {@code prefix.0 .. prefix.(count-1)}, a cohort holding them, the
	 * module's assignment (due in a week) and the cohort's trainer
	 * {@code prefix.trainer}. The prefix must be new: user names are unique.
	 */
	public static LoadCohort create(Connection connection, String prefix, int count, String moduleId, String password)
			throws SQLException {
		String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password);
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try {
			long academy = insert(connection, "INSERT INTO academy (name) VALUES (?)", "Load academy " + prefix);
			long cohort;
			try (PreparedStatement statement = connection.prepareStatement(
					"INSERT INTO cohort (academy_id, name) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
				statement.setLong(1, academy);
				statement.setString(2, "Load cohort " + prefix);
				statement.executeUpdate();
				cohort = generatedKey(statement);
			}
			try (PreparedStatement statement = connection
				.prepareStatement("INSERT INTO cohort_assignment (cohort_id, module_id, due_date) VALUES (?, ?, ?)")) {
				statement.setLong(1, cohort);
				statement.setString(2, moduleId);
				statement.setObject(3, LocalDate.now().plusDays(7));
				statement.executeUpdate();
			}
			List<String> usernames = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				usernames.add(prefix + "." + i);
			}
			try (PreparedStatement user = connection.prepareStatement(
					"INSERT INTO app_user (username, full_name, password_hash, preferred_locale, academy_id) VALUES (?, ?, ?, 'en', ?)");) {
				for (String username : usernames) {
					user.setString(1, username);
					user.setString(2, "Load Cadet " + username);
					user.setString(3, hash);
					user.setLong(4, academy);
					user.addBatch();
				}
				user.executeBatch();
			}
			// Ids read back by name: batched generated keys are not reliable across
			// drivers.
			try (PreparedStatement role = connection.prepareStatement(
					"INSERT INTO user_role (user_id, role) SELECT id, 'CADET' FROM app_user WHERE username LIKE ?");
					PreparedStatement enrol = connection.prepareStatement(
							"INSERT INTO enrolment (cohort_id, user_id) SELECT ?, id FROM app_user WHERE username LIKE ?")) {
				String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%";
				role.setString(1, pattern);
				int roles = role.executeUpdate();
				enrol.setLong(1, cohort);
				enrol.setString(2, pattern);
				int enrolments = enrol.executeUpdate();
				if (roles != count || enrolments != count) {
					throw new SQLException("prefix " + prefix + " is not new: " + roles + " accounts match it");
				}
			}
			// The trainer after the cadets: the statements above select by the prefix.
			String trainer = prefix + ".trainer";
			long trainerId;
			try (PreparedStatement user = connection.prepareStatement(
					"INSERT INTO app_user (username, full_name, password_hash, preferred_locale, academy_id) VALUES (?, ?, ?, 'en', ?)",
					Statement.RETURN_GENERATED_KEYS)) {
				user.setString(1, trainer);
				user.setString(2, "Load Trainer " + prefix);
				user.setString(3, hash);
				user.setLong(4, academy);
				user.executeUpdate();
				trainerId = generatedKey(user);
			}
			try (PreparedStatement role = connection
				.prepareStatement("INSERT INTO user_role (user_id, role) VALUES (?, 'TRAINER')");
					PreparedStatement teaches = connection
						.prepareStatement("INSERT INTO cohort_trainer (cohort_id, user_id) VALUES (?, ?)")) {
				role.setLong(1, trainerId);
				role.executeUpdate();
				teaches.setLong(1, cohort);
				teaches.setLong(2, trainerId);
				teaches.executeUpdate();
			}
			connection.commit();
			return new LoadCohort(cohort, usernames, trainer);
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	private static long insert(Connection connection, String sql, String value) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
			statement.setString(1, value);
			statement.executeUpdate();
			return generatedKey(statement);
		}
	}

	private static long generatedKey(PreparedStatement statement) throws SQLException {
		try (ResultSet keys = statement.getGeneratedKeys()) {
			keys.next();
			return keys.getLong(1);
		}
	}

}
