package org.lepha.academy.cohorts.internal;

import java.sql.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.Assignment;
import org.lepha.academy.cohorts.CadetMembership;
import org.lepha.academy.cohorts.EnrolledCadet;
import org.lepha.academy.cohorts.EnrolmentRecord;
import org.lepha.academy.cohorts.JoinCode;
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
			       (SELECT COUNT(*) FROM enrolment e JOIN app_user u ON u.id = e.user_id
			        WHERE e.cohort_id = c.id AND e.withdrawn_at IS NULL AND u.enabled) AS cadets
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

	public List<Academy> academies() {
		return jdbc.sql("SELECT id, name FROM academy ORDER BY name")
			.query((rs, n) -> new Academy(rs.getLong(1), rs.getString(2)))
			.list();
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

	/** The academy of a user account, null when it has none or does not exist. */
	public Long academyOf(long userId) {
		return jdbc.sql("SELECT academy_id FROM app_user WHERE id = ?")
			.param(userId)
			.query((rs, row) -> (Long) rs.getObject("academy_id", Long.class))
			.optional()
			.orElse(null);
	}

	/** Whether the account is a cadet (of the academy, unless that is null). */
	public boolean isCadet(long userId, Long academyId) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM app_user u JOIN user_role r ON r.user_id = u.id
				WHERE u.id = ? AND r.role = 'CADET' AND u.enabled AND (? IS NULL OR u.academy_id = ?)""")
			.params(userId, academyId, academyId)
			.query(Integer.class)
			.single() > 0;
	}

	public void enrol(long cohortId, long userId, Long enrolledBy) {
		jdbc.sql("INSERT INTO enrolment (cohort_id, user_id, enrolled_by) VALUES (?, ?, ?)")
			.params(cohortId, userId, enrolledBy)
			.update();
	}

	/** Ends the cadet's active enrolment in the cohort; false when there was none. */
	public boolean endEnrolment(long cohortId, long userId, String reason, Long endedBy) {
		return jdbc.sql("""
				UPDATE enrolment SET withdrawn_at = CURRENT_TIMESTAMP(3), end_reason = ?, ended_by = ?
				WHERE cohort_id = ? AND user_id = ? AND withdrawn_at IS NULL""")
			.params(reason, endedBy, cohortId, userId)
			.update() > 0;
	}

	public Optional<Long> activeCohortOf(long userId) {
		return jdbc.sql("SELECT cohort_id FROM enrolment WHERE user_id = ? AND withdrawn_at IS NULL")
			.param(userId)
			.query(Long.class)
			.optional();
	}

	public List<EnrolledCadet> activeCadets(long cohortId) {
		return activeCadetsPage(cohortId, 0, Integer.MAX_VALUE);
	}

	public List<EnrolledCadet> activeCadetsPage(long cohortId, int offset, int limit) {
		return activeCadetsPage(cohortId, offset, limit, null, false);
	}

	/**
	 * A page of the cohort's active cadets by name, optionally only those whose name or
	 * user name contains the filter text.
	 */
	public List<EnrolledCadet> activeCadetsPage(long cohortId, int offset, int limit, String filter,
			boolean descending) {
		String order = descending ? "u.full_name DESC, u.id DESC" : "u.full_name, u.id";
		String like = like(filter);
		return jdbc.sql("""
				SELECT u.id, u.username, u.full_name, u.preferred_locale, e.enrolled_at
				FROM enrolment e JOIN app_user u ON u.id = e.user_id
				WHERE e.cohort_id = ? AND e.withdrawn_at IS NULL AND u.enabled
				  AND (? IS NULL OR u.full_name LIKE ? OR u.username LIKE ?)
				ORDER BY
				""" + " " + order + " LIMIT ? OFFSET ?")
			.params(cohortId, like, like, like, limit, offset)
			.query((rs, n) -> new EnrolledCadet(rs.getLong(1), rs.getString(2), rs.getString(3),
					java.util.Locale.forLanguageTag(rs.getString(4)), rs.getTimestamp(5).toInstant()))
			.list();
	}

	public int activeCadetCount(long cohortId) {
		return activeCadetCount(cohortId, null);
	}

	public int activeCadetCount(long cohortId, String filter) {
		String like = like(filter);
		return jdbc.sql("""
				SELECT COUNT(*) FROM enrolment e JOIN app_user u ON u.id = e.user_id
				WHERE e.cohort_id = ? AND e.withdrawn_at IS NULL AND u.enabled
				  AND (? IS NULL OR u.full_name LIKE ? OR u.username LIKE ?)""")
			.params(cohortId, like, like, like)
			.query(Integer.class)
			.single();
	}

	/** A LIKE pattern matching the text anywhere, its own % and _ taken literally. */
	private static String like(String filter) {
		if (filter == null || filter.isBlank()) {
			return null;
		}
		return "%" + filter.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	public List<Long> activeCadetIds(long cohortId) {
		return jdbc.sql("""
				SELECT e.user_id FROM enrolment e JOIN app_user u ON u.id = e.user_id
				WHERE e.cohort_id = ? AND e.withdrawn_at IS NULL AND u.enabled""")
			.param(cohortId)
			.query(Long.class)
			.list();
	}

	public List<EnrolmentRecord> history(long userId) {
		return jdbc.sql("""
				SELECT e.cohort_id, c.name, e.enrolled_at, e.withdrawn_at, e.end_reason
				FROM enrolment e JOIN cohort c ON c.id = e.cohort_id
				WHERE e.user_id = ? ORDER BY e.enrolled_at, e.id""")
			.param(userId)
			.query((rs, n) -> new EnrolmentRecord(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
	}

	public void upsertAssignment(long cohortId, String moduleId, java.time.LocalDate dueDate, Long assignedBy) {
		jdbc.sql("""
				INSERT INTO cohort_assignment (cohort_id, module_id, due_date, assigned_by) VALUES (?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE due_date = VALUES(due_date)""")
			.params(cohortId, moduleId, toDate(dueDate), assignedBy)
			.update();
	}

	public boolean deleteAssignment(long cohortId, String moduleId) {
		return jdbc.sql("DELETE FROM cohort_assignment WHERE cohort_id = ? AND module_id = ?")
			.params(cohortId, moduleId)
			.update() > 0;
	}

	public Optional<Assignment> assignment(long cohortId, String moduleId) {
		return jdbc.sql(ASSIGNMENTS + " WHERE a.cohort_id = ? AND a.module_id = ?")
			.params(cohortId, moduleId)
			.query(this::mapAssignment)
			.optional();
	}

	public List<Assignment> assignments(long cohortId) {
		return jdbc.sql(ASSIGNMENTS + " WHERE a.cohort_id = ? ORDER BY a.due_date IS NULL, a.due_date, a.module_id")
			.param(cohortId)
			.query(this::mapAssignment)
			.list();
	}

	public JoinCode joinCode(long cohortId) {
		return jdbc.sql("SELECT join_code, join_code_enabled, join_code_expires_at FROM cohort WHERE id = ?")
			.param(cohortId)
			.query((rs, n) -> new JoinCode(rs.getString(1), rs.getBoolean(2),
					rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
			.single();
	}

	public void updateJoinCode(long cohortId, JoinCode code) {
		jdbc.sql("UPDATE cohort SET join_code = ?, join_code_enabled = ?, join_code_expires_at = ? WHERE id = ?")
			.params(code.code(), code.enabled(),
					code.expiresAt() == null ? null : java.sql.Timestamp.from(code.expiresAt()), cohortId)
			.update();
	}

	public Optional<Long> cohortByJoinCode(String code) {
		return jdbc.sql("SELECT id FROM cohort WHERE join_code = ?").param(code).query(Long.class).optional();
	}

	private static final String ASSIGNMENTS = """
			SELECT a.cohort_id, c.name, a.module_id, a.due_date
			FROM cohort_assignment a JOIN cohort c ON c.id = a.cohort_id""";

	private Assignment mapAssignment(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Date due = rs.getDate(4);
		return new Assignment(rs.getLong(1), rs.getString(2), rs.getString(3), due == null ? null : due.toLocalDate());
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

	/** Whether the cadet is actively enrolled in a cohort the trainer runs. */
	public boolean isActiveCadetOfTrainer(long cadetId, long trainerId) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM enrolment e JOIN cohort_trainer t ON t.cohort_id = e.cohort_id
				WHERE e.user_id = ? AND e.withdrawn_at IS NULL AND t.user_id = ?""")
			.params(cadetId, trainerId)
			.query(Integer.class)
			.single() > 0;
	}

	public List<String> academyNames() {
		return jdbc.sql("SELECT name FROM academy").query(String.class).list();
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

	/** The cadet's active enrolment with what a certificate needs, or empty. */
	public Optional<CadetMembership> membership(long userId) {
		Optional<CadetMembership> base = jdbc.sql("""
				SELECT u.full_name, u.preferred_locale, c.id, c.name, a.name
				FROM enrolment e
				JOIN app_user u ON u.id = e.user_id
				JOIN cohort c ON c.id = e.cohort_id
				JOIN academy a ON a.id = c.academy_id
				WHERE e.user_id = ? AND e.withdrawn_at IS NULL
				ORDER BY e.enrolled_at DESC LIMIT 1
				""")
			.param(userId)
			.query((rs, n) -> new CadetMembership(userId, rs.getString(1), Locale.forLanguageTag(rs.getString(2)),
					rs.getLong(3), rs.getString(4), rs.getString(5), List.of(), List.of()))
			.optional();
		return base.map((m) -> new CadetMembership(m.userId(), m.fullName(), m.locale(), m.cohortId(), m.cohortName(),
				m.academyName(), jdbc.sql("""
						SELECT u.full_name FROM cohort_trainer t JOIN app_user u ON u.id = t.user_id
						WHERE t.cohort_id = ? ORDER BY u.full_name
						""").param(m.cohortId()).query(String.class).list(),
				jdbc.sql("SELECT module_id FROM cohort_assignment WHERE cohort_id = ? ORDER BY module_id")
					.param(m.cohortId())
					.query(String.class)
					.list()));
	}

}
