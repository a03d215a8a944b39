package org.lepha.academy.cohorts.internal;

import java.sql.Date;
import java.util.List;
import java.util.Optional;

import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.cohorts.NewCohort;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Academies, cohorts, their trainers and enrolments.
 */
@Repository
public class CohortRepository {

	private static final String SUMMARY = """
			SELECT c.id, c.academy_id, a.name AS academy_name, c.name, c.start_date, c.end_date,
			       (SELECT COUNT(*) FROM enrolment e WHERE e.cohort_id = c.id AND e.withdrawn_at IS NULL) AS cadets
			FROM cohort c JOIN academy a ON a.id = c.academy_id
			""";

	private final JdbcClient jdbc;

	public CohortRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insertAcademy(String name) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO academy (name) VALUES (?)").param(name).update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<Academy> findAcademy(long id) {
		return jdbc.sql("SELECT id, name FROM academy WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Academy(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	public long insertCohort(NewCohort cohort) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO cohort (academy_id, name, start_date, end_date) VALUES (?, ?, ?, ?)")
			.params(cohort.academyId(), cohort.name(), toDate(cohort.startDate()), toDate(cohort.endDate()))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (Long trainer : cohort.trainerIds()) {
			jdbc.sql("INSERT INTO cohort_trainer (cohort_id, user_id) VALUES (?, ?)").params(id, trainer).update();
		}
		return id;
	}

	public void enrol(long cohortId, long userId) {
		jdbc.sql("INSERT INTO enrolment (cohort_id, user_id) VALUES (?, ?)").params(cohortId, userId).update();
	}

	public List<CohortSummary> all() {
		return jdbc.sql(SUMMARY + " ORDER BY c.start_date DESC, c.name").query(this::map).list();
	}

	public List<CohortSummary> forTrainer(long trainerId) {
		return jdbc.sql(SUMMARY + """
				WHERE EXISTS (SELECT 1 FROM cohort_trainer t WHERE t.cohort_id = c.id AND t.user_id = ?)
				ORDER BY c.start_date DESC, c.name""").param(trainerId).query(this::map).list();
	}

	public Optional<CohortSummary> find(long cohortId) {
		return jdbc.sql(SUMMARY + " WHERE c.id = ?").param(cohortId).query(this::map).optional();
	}

	public boolean isTrainerOf(long cohortId, long trainerId) {
		return jdbc.sql("SELECT COUNT(*) FROM cohort_trainer WHERE cohort_id = ? AND user_id = ?")
			.params(cohortId, trainerId)
			.query(Long.class)
			.single() > 0;
	}

	private CohortSummary map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Date start = rs.getDate("start_date");
		Date end = rs.getDate("end_date");
		return new CohortSummary(rs.getLong("id"), rs.getLong("academy_id"), rs.getString("academy_name"),
				rs.getString("name"), start == null ? null : start.toLocalDate(),
				end == null ? null : end.toLocalDate(), rs.getInt("cadets"));
	}

	private static Date toDate(java.time.LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

}
