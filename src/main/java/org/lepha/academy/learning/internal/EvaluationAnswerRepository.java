package org.lepha.academy.learning.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * A cadet's course evaluation of a module (changeset 019): answered or skipped, once.
 */
@Repository
public class EvaluationAnswerRepository {

	/** What the cadet did with a module's evaluation. */
	public enum Outcome {

		ANSWERED, SKIPPED

	}

	private final JdbcClient jdbc;

	public EvaluationAnswerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Outcome> outcome(long userId, String moduleId) {
		return jdbc.sql("SELECT skipped FROM course_evaluation WHERE user_id = ? AND module_id = ?")
			.params(userId, moduleId)
			.query((rs, n) -> rs.getBoolean(1) ? Outcome.SKIPPED : Outcome.ANSWERED)
			.optional();
	}

	/**
	 * Stores the answer, or the skip when {@code ratings} is null.
	 * @return false when the cadet had already answered or skipped (the unique key
	 * decides, also for two requests at the same moment)
	 */
	public boolean save(long userId, String moduleId, @Nullable Map<String, Integer> ratings, @Nullable String comment,
			int evaluationVersion, int moduleVersion, Instant at) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO course_evaluation (user_id, module_id, skipped, comment, evaluation_version,
					                               module_version, answered_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(userId, moduleId, ratings == null, comment, evaluationVersion, moduleVersion,
						Timestamp.from(at))
				.update(key, "id");
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
		if (ratings != null) {
			long id = key.getKeyAs(Number.class).longValue();
			ratings.forEach((item, rating) -> jdbc
				.sql("INSERT INTO course_evaluation_rating (evaluation_id, item_id, rating) VALUES (?, ?, ?)")
				.params(id, item, rating)
				.update());
		}
		return true;
	}

	/** The stored free text, for tests and the cadet's own view; empty when none. */
	public Optional<String> comment(long userId, String moduleId) {
		return jdbc
			.sql("SELECT comment FROM course_evaluation WHERE user_id = ? AND module_id = ? AND comment IS NOT NULL")
			.params(userId, moduleId)
			.query(String.class)
			.optional();
	}

	/** The stored ratings by item. */
	public Map<String, Integer> ratings(long userId, String moduleId) {
		Map<String, Integer> ratings = new java.util.TreeMap<>();
		jdbc.sql("""
				SELECT r.item_id, r.rating FROM course_evaluation_rating r
				JOIN course_evaluation v ON v.id = r.evaluation_id
				WHERE v.user_id = ? AND v.module_id = ?""").params(userId, moduleId).query((rs) -> {
			ratings.put(rs.getString(1), rs.getInt(2));
		});
		return ratings;
	}

}
