package org.lepha.academy.cohorts.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Aggregates of the course evaluations (changeset 019) in one module, for one version of
 * the evaluation, over the active cadets of a cohort or of every cohort of an academy.
 * Nothing here returns who answered: only counts, and the free texts without their
 * authors.
 */
@Repository
public class EvaluationResultsRepository {

	/**
	 * Whose answers count: a cohort's active cadets, or those of an academy's cohorts.
	 */
	public enum Scope {

		COHORT("""
				JOIN enrolment e ON e.user_id = v.user_id AND e.cohort_id = :s AND e.withdrawn_at IS NULL"""),
		// A cadet is active in one cohort at most, so nobody counts twice.
		ACADEMY("""
				JOIN enrolment e ON e.user_id = v.user_id AND e.withdrawn_at IS NULL
				JOIN cohort c ON c.id = e.cohort_id AND c.academy_id = :s""");

		private final String join;

		Scope(String join) {
			this.join = join;
		}

	}

	private final JdbcClient jdbc;

	public EvaluationResultsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many active cadets answered and how many skipped. */
	public record Responses(int answered, int skipped) {
	}

	public Responses responses(Scope scope, long id, String moduleId, int version) {
		return jdbc
			.sql("SELECT COALESCE(SUM(NOT v.skipped), 0), COALESCE(SUM(v.skipped), 0) FROM course_evaluation v "
					+ scope.join + where())
			.param("s", id)
			.param("m", moduleId)
			.param("v", version)
			.query((rs, n) -> new Responses(rs.getInt(1), rs.getInt(2)))
			.single();
	}

	/** How many answers gave an item a point of the scale. */
	public record RatingCount(String itemId, int rating, int answers) {
	}

	public List<RatingCount> ratingCounts(Scope scope, long id, String moduleId, int version) {
		return jdbc.sql("""
				SELECT r.item_id, r.rating, COUNT(*)
				FROM course_evaluation v JOIN course_evaluation_rating r ON r.evaluation_id = v.id
				""" + scope.join + where() + " AND NOT v.skipped GROUP BY r.item_id, r.rating")
			.param("s", id)
			.param("m", moduleId)
			.param("v", version)
			.query((rs, n) -> new RatingCount(rs.getString(1), rs.getInt(2), rs.getInt(3)))
			.list();
	}

	/**
	 * The free texts, without names, sorted by their text: neither the order of the
	 * answers nor the order of the rows gives away who wrote which.
	 */
	public List<String> comments(Scope scope, long id, String moduleId, int version) {
		return jdbc
			.sql("SELECT v.comment FROM course_evaluation v " + scope.join + where()
					+ " AND NOT v.skipped AND v.comment IS NOT NULL")
			.param("s", id)
			.param("m", moduleId)
			.param("v", version)
			.query(String.class)
			.list()
			.stream()
			.sorted()
			.toList();
	}

	private static String where() {
		return " WHERE v.module_id = :m AND v.evaluation_version = :v";
	}

}
