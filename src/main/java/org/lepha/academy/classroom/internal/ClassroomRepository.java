package org.lepha.academy.classroom.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Classroom sessions, their rounds and votes. Only {@code ClassroomSessions} (in a
 * transaction) and the analytics port use it.
 */
@Repository
public class ClassroomRepository {

	public static final String LIVE = "LIVE";

	public static final String ENDED = "ENDED";

	/**
	 * A session row; {@code currentNode} and {@code currentRoundId} are null once ended.
	 */
	public record StoredSession(long id, long cohortId, String moduleId, String scenarioId, long trainerId,
			String joinCode, String state, @Nullable String currentNode, @Nullable Long currentRoundId,
			@Nullable String endingId, Instant startedAt, @Nullable Instant endedAt) {

		public boolean live() {
			return LIVE.equals(state);
		}

	}

	/** A round of voting at a node; {@code choiceId} is set when the class went on. */
	public record StoredRound(long id, long sessionId, int seq, String nodeId, int roundNo, boolean revealed,
			@Nullable String choiceId, @Nullable String decidedBy) {
	}

	/** One vote of a cadet, with where it was cast, for "my classroom votes". */
	public record CadetVote(long sessionId, String moduleId, String scenarioId, Instant startedAt, String nodeId,
			int roundNo, String choiceId, @Nullable String takenChoiceId) {
	}

	private static final String SESSION_COLUMNS = """
			SELECT id, cohort_id, module_id, scenario_id, trainer_id, join_code, state, current_node,
			       current_round_id, ending_id, started_at, ended_at
			FROM classroom_session""";

	private static final String ROUND_COLUMNS = """
			SELECT id, session_id, seq, node_id, round_no, revealed, choice_id, decided_by FROM classroom_round""";

	private final JdbcClient jdbc;

	public ClassroomRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new live session; fails with a duplicate key when the code is taken by another
	 * live session.
	 */
	public long insertSession(long cohortId, String moduleId, String scenarioId, long trainerId, String code,
			Instant at) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO classroom_session (cohort_id, module_id, scenario_id, trainer_id, join_code, live_code,
				    state, started_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(cohortId, moduleId, scenarioId, trainerId, code, code, LIVE, Timestamp.from(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Opens a round at a node and makes it the session's current one. */
	public long openRound(long sessionId, int seq, String nodeId, int roundNo, Instant at) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO classroom_round (session_id, seq, node_id, round_no, opened_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(sessionId, seq, nodeId, roundNo, Timestamp.from(at))
			.update(keys, "id");
		long roundId = keys.getKey().longValue();
		jdbc.sql("UPDATE classroom_session SET current_node = ?, current_round_id = ? WHERE id = ?")
			.params(nodeId, roundId, sessionId)
			.update();
		return roundId;
	}

	public Optional<StoredSession> find(long sessionId) {
		return jdbc.sql(SESSION_COLUMNS + " WHERE id = ?").param(sessionId).query(this::mapSession).optional();
	}

	/**
	 * The session, locked against the trainer's moves (shared) or for one (exclusive):
	 * votes take a shared lock, so they never land in a round the trainer just closed.
	 */
	public Optional<StoredSession> lock(long sessionId, boolean exclusive) {
		return jdbc.sql(SESSION_COLUMNS + " WHERE id = ?" + (exclusive ? " FOR UPDATE" : " LOCK IN SHARE MODE"))
			.param(sessionId)
			.query(this::mapSession)
			.optional();
	}

	public Optional<StoredSession> liveByCode(String code) {
		return jdbc.sql(SESSION_COLUMNS + " WHERE live_code = ?").param(code).query(this::mapSession).optional();
	}

	public List<StoredSession> liveSessions(Collection<Long> cohortIds) {
		if (cohortIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SESSION_COLUMNS + " WHERE state = 'LIVE' AND cohort_id IN (:ids) ORDER BY id DESC")
			.param("ids", cohortIds)
			.query(this::mapSession)
			.list();
	}

	public List<StoredSession> sessions(long cohortId, String moduleId) {
		return jdbc.sql(SESSION_COLUMNS + " WHERE cohort_id = ? AND module_id = ? ORDER BY id")
			.params(cohortId, moduleId)
			.query(this::mapSession)
			.list();
	}

	public List<StoredRound> rounds(long sessionId) {
		return jdbc.sql(ROUND_COLUMNS + " WHERE session_id = ? ORDER BY seq")
			.param(sessionId)
			.query(this::mapRound)
			.list();
	}

	public StoredRound round(long roundId) {
		return jdbc.sql(ROUND_COLUMNS + " WHERE id = ?").param(roundId).query(this::mapRound).single();
	}

	public void reveal(long roundId) {
		jdbc.sql("UPDATE classroom_round SET revealed = TRUE WHERE id = ?").param(roundId).update();
	}

	public void decide(long roundId, @Nullable String choiceId, @Nullable String decidedBy, Instant at) {
		jdbc.sql("UPDATE classroom_round SET choice_id = ?, decided_by = ?, closed_at = ? WHERE id = ?")
			.params(choiceId, decidedBy, Timestamp.from(at), roundId)
			.update();
	}

	/** Ends the session (at an ending, or cut short with none) and frees its code. */
	public void end(long sessionId, @Nullable String endingId, Instant at) {
		jdbc.sql("""
				UPDATE classroom_session SET state = 'ENDED', live_code = NULL, current_round_id = NULL,
				    ending_id = ?, ended_at = ?
				WHERE id = ?""").params(endingId, Timestamp.from(at), sessionId).update();
	}

	/** Casts or changes a cadet's vote in a round. */
	public void vote(long roundId, long cadetId, String choiceId, Instant at) {
		jdbc.sql("""
				INSERT INTO classroom_vote (round_id, cadet_id, choice_id, voted_at) VALUES (?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE choice_id = VALUES(choice_id), voted_at = VALUES(voted_at)""")
			.params(roundId, cadetId, choiceId, Timestamp.from(at))
			.update();
	}

	/** Votes per choice in a round; choices nobody took are absent. */
	public Map<String, Integer> counts(long roundId) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		jdbc.sql("SELECT choice_id, COUNT(*) FROM classroom_vote WHERE round_id = ? GROUP BY choice_id")
			.param(roundId)
			.query((rs) -> {
				counts.put(rs.getString(1), rs.getInt(2));
			});
		return counts;
	}

	public Optional<String> voteOf(long roundId, long cadetId) {
		return jdbc.sql("SELECT choice_id FROM classroom_vote WHERE round_id = ? AND cadet_id = ?")
			.params(roundId, cadetId)
			.query(String.class)
			.optional();
	}

	public void join(long sessionId, long cadetId, Instant at) {
		jdbc.sql("INSERT IGNORE INTO classroom_participant (session_id, cadet_id, joined_at) VALUES (?, ?, ?)")
			.params(sessionId, cadetId, Timestamp.from(at))
			.update();
	}

	public int participants(long sessionId) {
		return jdbc.sql("SELECT COUNT(*) FROM classroom_participant WHERE session_id = ?")
			.param(sessionId)
			.query(Integer.class)
			.single();
	}

	/** Every vote a cadet cast, newest session first, rounds in order. */
	public List<CadetVote> votesOf(long cadetId) {
		return jdbc.sql("""
				SELECT s.id, s.module_id, s.scenario_id, s.started_at, r.node_id, r.round_no, v.choice_id, r.choice_id
				FROM classroom_vote v
				JOIN classroom_round r ON r.id = v.round_id
				JOIN classroom_session s ON s.id = r.session_id
				WHERE v.cadet_id = ?
				ORDER BY s.id DESC, r.seq""")
			.param(cadetId)
			.query((rs, n) -> new CadetVote(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8)))
			.list();
	}

	private StoredSession mapSession(ResultSet rs, int n) throws SQLException {
		long round = rs.getLong(9);
		Long roundId = rs.wasNull() ? null : round;
		Timestamp ended = rs.getTimestamp(12);
		return new StoredSession(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
				rs.getString(6), rs.getString(7), rs.getString(8), roundId, rs.getString(10),
				rs.getTimestamp(11).toInstant(), ended == null ? null : ended.toInstant());
	}

	private StoredRound mapRound(ResultSet rs, int n) throws SQLException {
		return new StoredRound(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getInt(5),
				rs.getBoolean(6), rs.getString(7), rs.getString(8));
	}

}
