package org.lepha.academy.learning.internal;

import org.lepha.academy.content.QuizKind;
import org.lepha.academy.learning.GivenAnswer;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Quiz attempts with their drawn questions, and each answer as it is given.
 */
@Repository
public class QuizAttemptRepository {

	/** A stored attempt. */
	public record StoredAttempt(long id, long userId, String moduleId, QuizKind kind, int attemptNo, int moduleVersion,
			List<QuizDraw.DrawnQuestion> drawn, Instant startedAt, Instant deadline, Instant submittedAt,
			Integer scorePercent, Boolean passed) {

		public boolean submitted() {
			return submittedAt != null;
		}

	}

	private static final String COLUMNS = """
			SELECT id, user_id, module_id, kind, attempt_no, module_version, drawn, started_at, deadline_at,
			       submitted_at, score_percent, passed FROM quiz_attempt""";

	private final JdbcClient jdbc;

	public QuizAttemptRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long userId, String moduleId, QuizKind kind, int attemptNo, int moduleVersion,
			List<QuizDraw.DrawnQuestion> drawn, Instant startedAt, Instant deadline) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO quiz_attempt (user_id, module_id, kind, attempt_no, module_version, drawn, started_at,
				                          deadline_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(userId, moduleId, kind.name(), attemptNo, moduleVersion, AnswerCodec.encodeDraw(drawn),
					Timestamp.from(startedAt), deadline == null ? null : Timestamp.from(deadline))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<StoredAttempt> find(long attemptId) {
		return jdbc.sql(COLUMNS + " WHERE id = ?").param(attemptId).query(this::map).optional();
	}

	public List<StoredAttempt> attempts(long userId, String moduleId, QuizKind kind) {
		return jdbc.sql(COLUMNS + " WHERE user_id = ? AND module_id = ? AND kind = ? ORDER BY attempt_no")
			.params(userId, moduleId, kind.name())
			.query(this::map)
			.list();
	}

	/**
	 * Saves or replaces an answer; the service has checked that the attempt is still
	 * open.
	 */
	public void saveAnswer(long attemptId, String questionId, GivenAnswer answer, Instant at) {
		jdbc.sql("""
				INSERT INTO quiz_answer (attempt_id, question_id, answer, answered_at) VALUES (?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE answer = VALUES(answer), answered_at = VALUES(answered_at)""")
			.params(attemptId, questionId, AnswerCodec.encode(answer), Timestamp.from(at))
			.update();
	}

	public Map<String, GivenAnswer> answers(long attemptId) {
		Map<String, GivenAnswer> answers = new LinkedHashMap<>();
		jdbc.sql("SELECT question_id, answer FROM quiz_answer WHERE attempt_id = ?").param(attemptId).query((rs) -> {
			answers.put(rs.getString(1), AnswerCodec.decode(rs.getString(2)));
		});
		return answers;
	}

	/**
	 * Marks the attempt submitted with its result, only if nobody did already.
	 * @return true for the one submission that counts; a concurrent double submit gets
	 * false
	 */
	public boolean submit(long attemptId, Instant at, int scorePercent, Boolean passed, Map<String, Double> credits) {
		int updated = jdbc.sql("""
				UPDATE quiz_attempt SET submitted_at = ?, score_percent = ?, passed = ?
				WHERE id = ? AND submitted_at IS NULL""")
			.params(Timestamp.from(at), scorePercent, passed, attemptId)
			.update();
		if (updated == 1) {
			credits.forEach((question, credit) -> jdbc
				.sql("UPDATE quiz_answer SET credit = ? WHERE attempt_id = ? AND question_id = ?")
				.params(BigDecimal.valueOf(credit), attemptId, question)
				.update());
		}
		return updated == 1;
	}

	private StoredAttempt map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp deadline = rs.getTimestamp("deadline_at");
		Timestamp submitted = rs.getTimestamp("submitted_at");
		return new StoredAttempt(rs.getLong("id"), rs.getLong("user_id"), rs.getString("module_id"),
				QuizKind.valueOf(rs.getString("kind")), rs.getInt("attempt_no"), rs.getInt("module_version"),
				AnswerCodec.decodeDraw(rs.getString("drawn")), rs.getTimestamp("started_at").toInstant(),
				deadline == null ? null : deadline.toInstant(), submitted == null ? null : submitted.toInstant(),
				rs.getObject("score_percent", Integer.class), rs.getObject("passed", Boolean.class));
	}

}
