package org.lepha.academy.learning;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress of many cadets in many modules at once, for trainers' dashboards. A fixed
 * number of grouped queries whatever the number of cadets, so a page of 50 cadets costs
 * the same as a page of 5. The cohorts feature decides whose progress a trainer may see
 * and passes their ids.
 */
@Service
public class ProgressReport {

	/** One cadet's standing in one module. */
	public record CadetModuleProgress(long userId, String moduleId, ModuleStatus status, Integer bestScore,
			Instant completedAt) {
	}

	private final JdbcClient jdbc;

	public ProgressReport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Progress for every pair of the given cadets and modules, keyed by user id then
	 * module id.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public Map<Long, Map<String, CadetModuleProgress>> progress(Collection<Long> userIds,
			Collection<String> moduleIds) {
		Map<Long, Map<String, CadetModuleProgress>> result = new HashMap<>();
		if (userIds.isEmpty() || moduleIds.isEmpty()) {
			return result;
		}
		Map<String, Instant> completed = new HashMap<>();
		jdbc.sql(
				"SELECT user_id, module_id, completed_at FROM module_completion WHERE user_id IN (:u) AND module_id IN (:m)")
			.param("u", userIds)
			.param("m", moduleIds)
			.query((rs) -> {
				completed.put(rs.getLong(1) + "/" + rs.getString(2), rs.getTimestamp(3).toInstant());
			});
		Map<String, Integer> best = new HashMap<>();
		jdbc.sql("""
				SELECT user_id, module_id, MAX(score_percent) FROM quiz_attempt
				WHERE user_id IN (:u) AND module_id IN (:m) AND kind = 'POST' AND submitted_at IS NOT NULL
				GROUP BY user_id, module_id""").param("u", userIds).param("m", moduleIds).query((rs) -> {
			best.put(rs.getLong(1) + "/" + rs.getString(2), rs.getInt(3));
		});
		java.util.Set<String> started = new java.util.HashSet<>();
		jdbc.sql(
				"""
						SELECT DISTINCT user_id, module_id FROM section_view WHERE user_id IN (:u) AND module_id IN (:m)
						UNION SELECT DISTINCT user_id, module_id FROM quiz_attempt WHERE user_id IN (:u) AND module_id IN (:m) AND started_at IS NOT NULL
						UNION SELECT DISTINCT user_id, module_id FROM scenario_run WHERE user_id IN (:u) AND module_id IN (:m)""")
			.param("u", userIds)
			.param("m", moduleIds)
			.query((rs) -> {
				started.add(rs.getLong(1) + "/" + rs.getString(2));
			});
		for (Long user : userIds) {
			Map<String, CadetModuleProgress> row = new HashMap<>();
			for (String module : moduleIds) {
				String key = user + "/" + module;
				Instant done = completed.get(key);
				ModuleStatus status = done != null ? ModuleStatus.COMPLETED
						: started.contains(key) ? ModuleStatus.IN_PROGRESS : ModuleStatus.NOT_STARTED;
				row.put(module, new CadetModuleProgress(user, module, status, best.get(key), done));
			}
			result.put(user, row);
		}
		return result;
	}

	/**
	 * Completion share and average best quiz score over all pairs, by grouped queries.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public Totals totals(List<Long> userIds, List<String> moduleIds) {
		if (userIds.isEmpty() || moduleIds.isEmpty()) {
			return new Totals(0, 0, null);
		}
		long completions = jdbc
			.sql("SELECT COUNT(*) FROM module_completion WHERE user_id IN (:u) AND module_id IN (:m)")
			.param("u", userIds)
			.param("m", moduleIds)
			.query(Long.class)
			.single();
		Double average = jdbc.sql("""
				SELECT AVG(best) FROM (SELECT MAX(score_percent) AS best FROM quiz_attempt
				WHERE user_id IN (:u) AND module_id IN (:m) AND kind = 'POST' AND submitted_at IS NOT NULL
				GROUP BY user_id, module_id) b""")
			.param("u", userIds)
			.param("m", moduleIds)
			// AVG over no attempts (a new cohort) is NULL: a row holding null, which
			// single() refuses.
			.query((rs, row) -> rs.getObject(1, Double.class))
			.list()
			.getFirst();
		return new Totals((long) userIds.size() * moduleIds.size(), completions, average);
	}

	/** Totals over a cohort's cadets and modules. */
	public record Totals(long pairs, long completed, Double averageBestScore) {

		public int completionPercent() {
			return pairs == 0 ? 0 : (int) (100 * completed / pairs);
		}

	}

}
