package org.lepha.academy.learning.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Scenario runs and every step taken in them, as it is taken.
 */
@Repository
public class ScenarioRunRepository {

	/** A stored run. */
	public record StoredRun(long id, long userId, String moduleId, String scenarioId, Instant startedAt,
			Instant endedAt, String currentNode, Map<String, Integer> scores, String endingId, String rating) {

		public boolean ended() {
			return endedAt != null;
		}

	}

	/** A stored step. */
	public record StoredStep(int stepNo, String nodeId, String choiceId, Map<String, Integer> scoresAfter,
			Instant takenAt) {
	}

	private static final String COLUMNS = """
			SELECT id, user_id, module_id, scenario_id, started_at, ended_at, current_node, scores, ending_id, rating
			FROM scenario_run""";

	private final JdbcClient jdbc;

	public ScenarioRunRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long start(long userId, String moduleId, String scenarioId, String startNode, Map<String, Integer> scores,
			Instant at) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO scenario_run (user_id, module_id, scenario_id, started_at, current_node, scores)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(userId, moduleId, scenarioId, Timestamp.from(at), startNode, encodeScores(scores))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<StoredRun> find(long runId) {
		return jdbc.sql(COLUMNS + " WHERE id = ?").param(runId).query(this::map).optional();
	}

	public List<StoredRun> runs(long userId, String moduleId, String scenarioId) {
		return jdbc.sql(COLUMNS + " WHERE user_id = ? AND module_id = ? AND scenario_id = ? ORDER BY id")
			.params(userId, moduleId, scenarioId)
			.query(this::map)
			.list();
	}

	public List<StoredRun> runs(long userId, String moduleId) {
		return jdbc.sql(COLUMNS + " WHERE user_id = ? AND module_id = ? ORDER BY id")
			.params(userId, moduleId)
			.query(this::map)
			.list();
	}

	/**
	 * Appends a step if the run is still at {@code fromNode} and open; the check and the
	 * move happen in one statement, so a double click cannot take two choices from the
	 * same node.
	 * @return true when the step was recorded
	 */
	public boolean step(long runId, int stepNo, String fromNode, String choiceId, String toNode,
			Map<String, Integer> scoresAfter, Instant at, String endingId, String rating) {
		int moved = jdbc.sql("""
				UPDATE scenario_run SET current_node = ?, scores = ?, ending_id = ?, rating = ?, ended_at = ?
				WHERE id = ? AND current_node = ? AND ended_at IS NULL""")
			.params(toNode, encodeScores(scoresAfter), endingId, rating, endingId == null ? null : Timestamp.from(at),
					runId, fromNode)
			.update();
		if (moved == 1) {
			jdbc.sql("""
					INSERT INTO scenario_step (run_id, step_no, node_id, choice_id, scores_after, taken_at)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(runId, stepNo, fromNode, choiceId, encodeScores(scoresAfter), Timestamp.from(at))
				.update();
		}
		return moved == 1;
	}

	public List<StoredStep> steps(long runId) {
		return jdbc.sql(
				"SELECT step_no, node_id, choice_id, scores_after, taken_at FROM scenario_step WHERE run_id = ? ORDER BY step_no")
			.param(runId)
			.query((rs, n) -> new StoredStep(rs.getInt(1), rs.getString(2), rs.getString(3),
					decodeScores(rs.getString(4)), rs.getTimestamp(5).toInstant()))
			.list();
	}

	static String encodeScores(Map<String, Integer> scores) {
		return scores.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((e) -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining(","));
	}

	static Map<String, Integer> decodeScores(String text) {
		Map<String, Integer> scores = new LinkedHashMap<>();
		if (text != null && !text.isBlank()) {
			for (String pair : text.split(",")) {
				int eq = pair.indexOf('=');
				scores.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
			}
		}
		return scores;
	}

	private StoredRun map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp ended = rs.getTimestamp("ended_at");
		return new StoredRun(rs.getLong("id"), rs.getLong("user_id"), rs.getString("module_id"),
				rs.getString("scenario_id"), rs.getTimestamp("started_at").toInstant(),
				ended == null ? null : ended.toInstant(), rs.getString("current_node"),
				decodeScores(rs.getString("scores")), rs.getString("ending_id"), rs.getString("rating"));
	}

}
