package org.lepha.academy.exams;

import java.util.List;

import org.lepha.academy.AcademyFixture;
import org.lepha.academy.Application;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the exam benchmarks start from: the application on its embedded MariaDB under
 * {@code target/bench-data}, and a cohort with the test module assigned, its trainer and
 * its cadets.
 *
 * @param cadets the cadets' user names, in the order they were created
 */
record BenchmarkCohort(AcademyFixture fixtures, JdbcClient jdbc, UserAccount trainer, CohortSummary cohort,
		List<String> cadets) {

	static ConfigurableApplicationContext startApplication() {
		return new SpringApplicationBuilder(Application.class)
			.properties("server.port=0", "app.db.data-dir=target/bench-data", "app.demo-data=false",
					"vaadin.devmode.devTools.enabled=false")
			.run();
	}

	static BenchmarkCohort create(ConfigurableApplicationContext app, int cadets) {
		AcademyFixture fixtures = new AcademyFixture(app);
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		Academy academy = fixtures.academy();
		UserAccount trainer = fixtures.user(Role.TRAINER, academy, "Benchmark Trainer");
		CohortSummary cohort = fixtures.cohort(academy, trainer);
		fixtures.assignTheModule(cohort);
		return new BenchmarkCohort(fixtures, jdbc, trainer, cohort,
				seedCadets(jdbc, academy.id(), cohort.id(), cadets));
	}

	/**
	 * Cadets written directly: no password hashing, for thousands of them (the benchmarks
	 * sign them in without a password).
	 */
	private static List<String> seedCadets(JdbcClient jdbc, long academyId, long cohortId, int count) {
		String prefix = "exam.bench." + System.nanoTime() + ".";
		for (int i = 0; i < count; i++) {
			jdbc.sql("""
					INSERT INTO app_user (username, full_name, password_hash, preferred_locale, academy_id)
					VALUES (?, ?, '{noop}unused', 'en', ?)""").params(prefix + i, "Cadet " + i, academyId).update();
		}
		List<Long> ids = jdbc.sql("SELECT id FROM app_user WHERE username LIKE ? ORDER BY id")
			.param(prefix + "%")
			.query(Long.class)
			.list();
		for (long id : ids) {
			jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, 'CADET')").param(id).update();
			jdbc.sql("INSERT INTO enrolment (cohort_id, user_id) VALUES (?, ?)").params(cohortId, id).update();
		}
		return jdbc.sql("SELECT username FROM app_user WHERE username LIKE ? ORDER BY id")
			.param(prefix + "%")
			.query(String.class)
			.list();
	}

}
