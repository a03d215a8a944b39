package org.lepha.academy.learning.internal;

import org.lepha.academy.content.QuizKind;
import org.lepha.academy.learning.GivenAnswer;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Quiz attempts with their drawn questions, and each answer as it is given. An attempt
 * prepared ahead for an exam session has no start time until the cadet presses Start: it
 * is left out of {@link #attempts}, so it never counts as an attempt used.
 */
@Repository
public class QuizAttemptRepository {

	/**
	 * A stored attempt.
	 *
	 * @param startedAt null while the attempt is prepared and not started
	 * @param answerKeys what grading needs, kept when the attempt was drawn; null for
	 * attempts drawn before it was kept
	 * @param passMark the pass mark when the attempt was drawn; null as answerKeys
	 */
	public record StoredAttempt(long id, long userId, String moduleId, QuizKind kind, int attemptNo, int moduleVersion,
			List<QuizDraw.DrawnQuestion> drawn, @Nullable Instant startedAt, @Nullable Instant deadline,
			@Nullable Instant submittedAt, @Nullable Integer scorePercent, @Nullable Boolean passed,
			@Nullable Long examSessionId, @Nullable String answerKeysJson, @Nullable Integer passMark) {

		/**
		 * What grading needs, kept with the attempt when it was drawn; null for attempts
		 * drawn before that was kept. Decoded here, when grading asks, not with every
		 * read of a cadet's attempts (a quiz start reads them all and grades none).
		 */
		public @Nullable Map<String, AnswerKey> answerKeys() {
			return answerKeysJson == null ? null : AnswerCodec.decodeKeys(answerKeysJson);
		}

		public boolean submitted() {
			return submittedAt != null;
		}

		/** Drawn ahead for an exam session, not started yet. */
		public boolean prepared() {
			return startedAt == null;
		}

		/**
		 * This attempt as {@link QuizAttemptRepository#start} leaves it (instants in the
		 * columns' millisecond precision, so that it reads the same as after a reload).
		 */
		public StoredAttempt started(Instant at, Instant newDeadline) {
			return new StoredAttempt(id, userId, moduleId, kind, attemptNo, moduleVersion, drawn,
					at.truncatedTo(ChronoUnit.MILLIS), newDeadline.truncatedTo(ChronoUnit.MILLIS), submittedAt,
					scorePercent, passed, examSessionId, answerKeysJson, passMark);
		}

	}

	/** An attempt drawn ahead for an exam session, to be inserted. */
	public record PreparedAttempt(long userId, String moduleId, int attemptNo, int moduleVersion,
			QuizDrawing.Drawing drawing, long examSessionId) {
	}

	private static final String COLUMNS = """
			SELECT id, user_id, module_id, kind, attempt_no, module_version, drawn, started_at, deadline_at,
			       submitted_at, score_percent, passed, exam_session_id, answer_keys, pass_mark FROM quiz_attempt""";

	private static final int BATCH = 200;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	public QuizAttemptRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	public long insert(long userId, String moduleId, QuizKind kind, int attemptNo, int moduleVersion,
			QuizDrawing.Drawing drawing, Instant startedAt, @Nullable Instant deadline, @Nullable Long examSessionId) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO quiz_attempt (user_id, module_id, kind, attempt_no, module_version, drawn, started_at,
				                          deadline_at, exam_session_id, answer_keys, pass_mark)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(userId, moduleId, kind.name(), attemptNo, moduleVersion, AnswerCodec.encodeDraw(drawing.drawn()),
					Timestamp.from(startedAt), deadline == null ? null : Timestamp.from(deadline), examSessionId,
					AnswerCodec.encodeKeys(drawing.keys()), drawing.passMark())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Inserts post-test attempts drawn ahead, not started, in batches. */
	public void insertPrepared(List<PreparedAttempt> prepared) {
		for (int from = 0; from < prepared.size(); from += BATCH) {
			List<Object[]> rows = new ArrayList<>();
			for (PreparedAttempt p : prepared.subList(from, Math.min(prepared.size(), from + BATCH))) {
				rows.add(new Object[] { p.userId(), p.moduleId(), QuizKind.POST.name(), p.attemptNo(),
						p.moduleVersion(), AnswerCodec.encodeDraw(p.drawing().drawn()), p.examSessionId(),
						AnswerCodec.encodeKeys(p.drawing().keys()), p.drawing().passMark() });
			}
			template.batchUpdate("""
					INSERT INTO quiz_attempt (user_id, module_id, kind, attempt_no, module_version, drawn,
					                          exam_session_id, answer_keys, pass_mark)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		}
	}

	/**
	 * Starts a prepared attempt: the one write of an exam-day start.
	 * @return false when it was started meanwhile (a double click on another tab)
	 */
	public boolean start(long attemptId, Instant startedAt, Instant deadline) {
		return jdbc.sql("UPDATE quiz_attempt SET started_at = ?, deadline_at = ? WHERE id = ? AND started_at IS NULL")
			.params(Timestamp.from(startedAt), Timestamp.from(deadline), attemptId)
			.update() == 1;
	}

	public Optional<StoredAttempt> find(long attemptId) {
		return jdbc.sql(COLUMNS + " WHERE id = ?").param(attemptId).query(this::map).optional();
	}

	/** The cadet's started attempts (prepared ones are not attempts used). */
	public List<StoredAttempt> attempts(long userId, String moduleId, QuizKind kind) {
		return jdbc.sql(COLUMNS
				+ " WHERE user_id = ? AND module_id = ? AND kind = ? AND started_at IS NOT NULL ORDER BY attempt_no")
			.params(userId, moduleId, kind.name())
			.query(this::map)
			.list();
	}

	/** The cadet's attempts, prepared ones included, in one query. */
	public List<StoredAttempt> attemptsWithPrepared(long userId, String moduleId, QuizKind kind) {
		return jdbc.sql(COLUMNS + " WHERE user_id = ? AND module_id = ? AND kind = ? ORDER BY attempt_no")
			.params(userId, moduleId, kind.name())
			.query(this::map)
			.list();
	}

	/** Post-test attempts of these cadets in the module, prepared ones included. */
	public List<StoredAttempt> postAttempts(String moduleId, Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + " WHERE module_id = :m AND kind = 'POST' AND user_id IN (:u) ORDER BY attempt_no")
			.param("m", moduleId)
			.param("u", userIds)
			.query(this::map)
			.list();
	}

	/** Drops these cadets' not started attempts in the module. */
	public int deletePrepared(String moduleId, Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql(
				"DELETE FROM quiz_attempt WHERE module_id = :m AND kind = 'POST' AND started_at IS NULL AND user_id IN (:u)")
			.param("m", moduleId)
			.param("u", userIds)
			.update();
	}

	public int deletePrepared(long examSessionId) {
		return jdbc.sql("DELETE FROM quiz_attempt WHERE exam_session_id = ? AND started_at IS NULL")
			.param(examSessionId)
			.update();
	}

	/** The session's started attempts that are not submitted. */
	public List<StoredAttempt> unsubmittedInSession(long examSessionId) {
		return jdbc.sql(COLUMNS + " WHERE exam_session_id = ? AND started_at IS NOT NULL AND submitted_at IS NULL")
			.param(examSessionId)
			.query(this::map)
			.list();
	}

	/** The cadet's latest started attempt in the session. */
	public Optional<StoredAttempt> latestInSession(long examSessionId, long userId) {
		return jdbc
			.sql(COLUMNS + " WHERE exam_session_id = ? AND user_id = ? AND started_at IS NOT NULL"
					+ " ORDER BY attempt_no DESC LIMIT 1")
			.params(examSessionId, userId)
			.query(this::map)
			.optional();
	}

	public void moveDeadline(long attemptId, Instant deadline) {
		jdbc.sql("UPDATE quiz_attempt SET deadline_at = ? WHERE id = ?")
			.params(Timestamp.from(deadline), attemptId)
			.update();
	}

	/**
	 * Opens a submitted or expired attempt again: the answers stay, their credits and the
	 * grade go.
	 */
	public void reopen(long attemptId, Instant deadline) {
		jdbc.sql("""
				UPDATE quiz_attempt SET submitted_at = NULL, score_percent = NULL, passed = NULL, deadline_at = ?
				WHERE id = ?""").params(Timestamp.from(deadline), attemptId).update();
		jdbc.sql("UPDATE quiz_answer SET credit = NULL WHERE attempt_id = ?").param(attemptId).update();
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
	public boolean submit(long attemptId, Instant at, int scorePercent, @Nullable Boolean passed,
			Map<String, Double> credits) {
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
		return new StoredAttempt(rs.getLong("id"), rs.getLong("user_id"), rs.getString("module_id"),
				QuizKind.valueOf(rs.getString("kind")), rs.getInt("attempt_no"), rs.getInt("module_version"),
				AnswerCodec.decodeDraw(rs.getString("drawn")), instant(rs.getTimestamp("started_at")),
				instant(rs.getTimestamp("deadline_at")), instant(rs.getTimestamp("submitted_at")),
				rs.getObject("score_percent", Integer.class), rs.getObject("passed", Boolean.class),
				rs.getObject("exam_session_id", Long.class), rs.getString("answer_keys"),
				rs.getObject("pass_mark", Integer.class));
	}

	private static @Nullable Instant instant(java.sql.@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
