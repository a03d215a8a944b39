package org.lepha.academy.learning.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Lesson pages viewed, the reader's last position, and module completions.
 */
@Repository
public class ProgressRepository {

	/** A lesson section, by ids. */
	public record SectionRef(String lessonId, String sectionId) {
	}

	private final JdbcClient jdbc;

	public ProgressRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a view once; later views of the same page change nothing. */
	public void markViewed(long userId, String moduleId, String lessonId, String sectionId) {
		jdbc.sql("INSERT IGNORE INTO section_view (user_id, module_id, lesson_id, section_id) VALUES (?, ?, ?, ?)")
			.params(userId, moduleId, lessonId, sectionId)
			.update();
	}

	public void savePosition(long userId, String moduleId, String lessonId, String sectionId) {
		jdbc.sql("""
				INSERT INTO lesson_position (user_id, module_id, lesson_id, section_id) VALUES (?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE lesson_id = VALUES(lesson_id), section_id = VALUES(section_id),
				                        updated_at = CURRENT_TIMESTAMP(3)""")
			.params(userId, moduleId, lessonId, sectionId)
			.update();
	}

	public Optional<SectionRef> position(long userId, String moduleId) {
		return jdbc.sql("SELECT lesson_id, section_id FROM lesson_position WHERE user_id = ? AND module_id = ?")
			.params(userId, moduleId)
			.query((rs, n) -> new SectionRef(rs.getString(1), rs.getString(2)))
			.optional();
	}

	public List<SectionRef> viewedSections(long userId, String moduleId) {
		return jdbc.sql("SELECT lesson_id, section_id FROM section_view WHERE user_id = ? AND module_id = ?")
			.params(userId, moduleId)
			.query((rs, n) -> new SectionRef(rs.getString(1), rs.getString(2)))
			.list();
	}

	/**
	 * Records the completion if it is not recorded yet.
	 * @return true for the one call that recorded it (the primary key makes this exact
	 * even when two requests complete the module at the same moment)
	 */
	public boolean recordCompletion(long userId, String moduleId, Instant at) {
		return jdbc.sql("INSERT IGNORE INTO module_completion (user_id, module_id, completed_at) VALUES (?, ?, ?)")
			.params(userId, moduleId, Timestamp.from(at))
			.update() == 1;
	}

	public Optional<Instant> completedAt(long userId, String moduleId) {
		return jdbc.sql("SELECT completed_at FROM module_completion WHERE user_id = ? AND module_id = ?")
			.params(userId, moduleId)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	public java.util.Map<String, Instant> completions(long userId) {
		java.util.Map<String, Instant> result = new java.util.LinkedHashMap<>();
		jdbc.sql("SELECT module_id, completed_at FROM module_completion WHERE user_id = ? ORDER BY completed_at")
			.param(userId)
			.query((rs) -> {
				result.put(rs.getString(1), rs.getTimestamp(2).toInstant());
			});
		return result;
	}

}
