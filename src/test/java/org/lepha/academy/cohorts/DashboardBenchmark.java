package org.lepha.academy.cohorts;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.lepha.academy.AcademyFixture;
import org.lepha.academy.Application;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (not a test): server time and SQL statement count of the trainer dashboard
 * (the first page of 50 rows of {@link CohortProgress#page} and
 * {@link CohortProgress#summary}) for cohorts of 100 and 1,000 cadets × 10 modules with
 * realistic progress, signed in as the cohort's trainer. Statements are counted by a
 * wrapper around the application's DataSource that only this benchmark installs. Run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.lepha.academy.cohorts.DashboardBenchmark}; figures in
 * docs/performance.md.
 */
public final class DashboardBenchmark {

	private static final int MODULES = 10;

	private static final int WARM_UP = 10;

	private static final int RUNS = 20;

	private static final AtomicLong STATEMENTS = new AtomicLong();

	private DashboardBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		BeanPostProcessor counting = new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource dataSource) ? countingDataSource(dataSource) : bean;
			}
		};
		ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
			.initializers((context) -> context.getBeanFactory().addBeanPostProcessor(counting))
			.properties("server.port=0", "app.db.data-dir=target/bench-data", "app.demo-data=false",
					"vaadin.devmode.devTools.enabled=false")
			.run();
		try {
			AcademyFixture fixtures = new AcademyFixture(app);
			DataSource dataSource = app.getBean(DataSource.class);
			CohortProgress progress = app.getBean(CohortProgress.class);
			LocalDate today = LocalDate.now();
			System.out.printf("%-8s %-8s %12s %12s%n", "cadets", "call", "median ms", "statements");
			for (int size : new int[] { 100, 1_000 }) {
				Academy academy = fixtures.academy();
				UserAccount trainer = fixtures.user(Role.TRAINER, academy, "Benchmark Trainer");
				CohortSummary cohort = fixtures.cohort(academy, trainer);
				long seedStart = System.nanoTime();
				seed(dataSource, academy.id(), cohort.id(), size, today);
				System.out.printf("seeded %,d cadets in %,d ms%n", size, (System.nanoTime() - seedStart) / 1_000_000);
				fixtures.signInAs(trainer);
				try {
					report(size, "page", () -> progress.page(cohort.id(), 0, 50, today));
					report(size, "summary", () -> progress.summary(cohort.id(), today));
				}
				finally {
					AcademyFixture.signOut();
				}
			}
		}
		finally {
			app.close();
		}
		// exec:java would otherwise wait for the dev-mode server's non-daemon threads
		System.exit(0);
	}

	private static void report(int size, String call, Supplier<?> work) {
		for (int i = 0; i < WARM_UP; i++) {
			work.get();
		}
		double[] millis = new double[RUNS];
		long statements = -1;
		for (int i = 0; i < RUNS; i++) {
			long before = STATEMENTS.get();
			long start = System.nanoTime();
			work.get();
			millis[i] = (System.nanoTime() - start) / 1e6;
			long used = STATEMENTS.get() - before;
			if (statements >= 0 && statements != used) {
				throw new IllegalStateException("statement count varies: " + statements + " vs " + used);
			}
			statements = used;
		}
		Arrays.sort(millis);
		double median = (millis[RUNS / 2 - 1] + millis[RUNS / 2]) / 2;
		System.out.printf("%-8d %-8s %12.1f %12d%n", size, call, median, statements);
	}

	/**
	 * Cadets with a spread of progress per module: 55% in progress (some sections, a
	 * pre-quiz, maybe a failed post-quiz); the rest from 45% completed (all sections,
	 * pre-quiz, 1–3 post attempts ending in a pass, a rated scenario run) in the first
	 * module to 45% not started in the last. Half of the modules are overdue.
	 */
	private static void seed(DataSource dataSource, long academyId, long cohortId, int size, LocalDate today)
			throws SQLException {
		Random random = new Random(size);
		String prefix = "bench." + System.nanoTime() + ".";
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			Rows users = new Rows(connection,
					"INSERT INTO app_user (username, full_name, password_hash, preferred_locale, academy_id) VALUES ",
					5);
			for (int i = 0; i < size; i++) {
				users.add(prefix + i, "Cadet " + String.format("%05d", random.nextInt(100_000)), "{noop}unused",
						i % 3 == 0 ? "fa-AF" : "en", academyId);
			}
			users.flush();
			List<Long> ids = new ArrayList<>();
			try (PreparedStatement select = connection
				.prepareStatement("SELECT id FROM app_user WHERE username LIKE ? ORDER BY id")) {
				select.setString(1, prefix + "%");
				try (var rs = select.executeQuery()) {
					while (rs.next()) {
						ids.add(rs.getLong(1));
					}
				}
			}
			Rows roles = new Rows(connection, "INSERT INTO user_role (user_id, role) VALUES ", 2);
			Rows enrolments = new Rows(connection, "INSERT INTO enrolment (cohort_id, user_id) VALUES ", 2);
			for (long id : ids) {
				roles.add(id, "CADET");
				enrolments.add(cohortId, id);
			}
			roles.flush();
			enrolments.flush();
			Rows assignments = new Rows(connection,
					"INSERT INTO cohort_assignment (cohort_id, module_id, due_date) VALUES ", 3);
			for (int m = 0; m < MODULES; m++) {
				assignments.add(cohortId, module(m), java.sql.Date.valueOf(today.plusDays((m - MODULES / 2) * 7L)));
			}
			assignments.flush();
			Rows views = new Rows(connection,
					"INSERT INTO section_view (user_id, module_id, lesson_id, section_id, viewed_at) VALUES ", 5);
			Rows attempts = new Rows(connection,
					"INSERT INTO quiz_attempt (user_id, module_id, kind, attempt_no, module_version, drawn, started_at,"
							+ " submitted_at, score_percent, passed) VALUES ",
					10);
			Rows runs = new Rows(connection,
					"INSERT INTO scenario_run (user_id, module_id, scenario_id, started_at, ended_at, current_node,"
							+ " scores, ending_id, rating) VALUES ",
					9);
			Rows completions = new Rows(connection,
					"INSERT INTO module_completion (user_id, module_id, completed_at) VALUES ", 3);
			for (long id : ids) {
				for (int m = 0; m < MODULES; m++) {
					// later modules are less often started
					double r = random.nextDouble() + m * 0.05;
					if (r > 1.0) {
						continue;
					}
					boolean completed = r < 0.45;
					String module = module(m);
					Timestamp at = Timestamp.from(now.minus(random.nextInt(60 * 24 * 30), ChronoUnit.MINUTES));
					int sections = completed ? 12 : 1 + random.nextInt(11);
					for (int s = 0; s < sections; s++) {
						views.add(id, module, "lesson-" + (s / 4), "section-" + (s % 4), at);
					}
					attempts.add(id, module, "PRE", 1, 1, "[]", at, at, random.nextInt(101), null);
					int post = completed ? 1 + random.nextInt(3) : random.nextInt(2);
					for (int a = 1; a <= post; a++) {
						boolean pass = completed && a == post;
						int score = pass ? 70 + random.nextInt(31) : random.nextInt(70);
						attempts.add(id, module, "POST", a, 1, "[]", at, at, score, pass);
					}
					if (completed) {
						runs.add(id, module, "scenario", at, at, "end", "{}", "good-ending", "GOOD");
						completions.add(id, module, at);
					}
				}
			}
			views.flush();
			attempts.flush();
			runs.flush();
			completions.flush();
			connection.commit();
		}
	}

	private static String module(int m) {
		return "bench-module-" + m;
	}

	/** Multi-row INSERTs of up to 1,000 rows each. */
	private static final class Rows {

		private final Connection connection;

		private final String insert;

		private final int columns;

		private final List<Object> values = new ArrayList<>();

		Rows(Connection connection, String insert, int columns) {
			this.connection = connection;
			this.insert = insert;
			this.columns = columns;
		}

		void add(Object... row) throws SQLException {
			values.addAll(Arrays.asList(row));
			if (values.size() >= 1_000 * columns) {
				flush();
			}
		}

		void flush() throws SQLException {
			if (values.isEmpty()) {
				return;
			}
			int rows = values.size() / columns;
			String tuple = "(" + "?,".repeat(columns - 1) + "?)";
			StringBuilder sql = new StringBuilder(insert);
			for (int i = 0; i < rows; i++) {
				sql.append(i == 0 ? "" : ",").append(tuple);
			}
			try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
				for (int i = 0; i < values.size(); i++) {
					statement.setObject(i + 1, values.get(i));
				}
				statement.executeUpdate();
			}
			values.clear();
		}

	}

	private static DataSource countingDataSource(DataSource target) {
		return (DataSource) Proxy.newProxyInstance(DashboardBenchmark.class.getClassLoader(),
				new Class<?>[] { DataSource.class, AutoCloseable.class }, (proxy, method, args) -> {
					if (method.getName().equals("close") && method.getDeclaringClass() == AutoCloseable.class) {
						if (target instanceof AutoCloseable closeable) {
							closeable.close();
						}
						return null;
					}
					Object result = invoke(target, method, args);
					return (result instanceof Connection connection) ? countingConnection(connection) : result;
				});
	}

	private static Connection countingConnection(Connection target) {
		InvocationHandler handler = (proxy, method, args) -> {
			String name = method.getName();
			if (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall")) {
				STATEMENTS.incrementAndGet();
			}
			return invoke(target, method, args);
		};
		return (Connection) Proxy.newProxyInstance(DashboardBenchmark.class.getClassLoader(),
				new Class<?>[] { Connection.class }, handler);
	}

	private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
