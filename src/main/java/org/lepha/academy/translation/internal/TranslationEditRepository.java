package org.lepha.academy.translation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.lepha.academy.content.TranslationOverrides;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Translation edits in the database. It also serves them to the content feature
 * ({@link TranslationOverrides}) from a cache per module and language that every write
 * through this repository clears.
 */
@Repository
public class TranslationEditRepository implements TranslationOverrides {

	private static final String COLUMNS = """
			SELECT module_id, locale, segment_key, target, status, source_hash, source_text, saved_by, saved_at,
			       approved_by, approved_at
			FROM translation_edit
			""";

	private final JdbcClient jdbc;

	/**
	 * How long cached edits are used: writes on this node clear the cache at once, writes
	 * on another node of a cluster show after at most this long.
	 */
	private static final Duration CACHE_TIME = Duration.ofSeconds(30);

	private record Cached(Map<String, TranslationEdit> edits, Instant loaded) {
	}

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	public TranslationEditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every edit of a module in a language, by segment key. */
	public Map<String, TranslationEdit> edits(String moduleId, Locale locale) {
		String key = cacheKey(moduleId, locale);
		Cached cached = cache.get(key);
		if (cached != null && cached.loaded().plus(CACHE_TIME).isAfter(Instant.now())) {
			return cached.edits();
		}
		Map<String, TranslationEdit> edits = new LinkedHashMap<>();
		jdbc.sql(COLUMNS + " WHERE module_id = ? AND locale = ?")
			.params(moduleId, locale.toLanguageTag())
			.query(this::map)
			.list()
			.forEach((e) -> edits.put(e.key(), e));
		Map<String, TranslationEdit> loaded = Map.copyOf(edits);
		cache.put(key, new Cached(loaded, Instant.now()));
		return loaded;
	}

	public Optional<TranslationEdit> edit(String moduleId, Locale locale, String key) {
		return Optional.ofNullable(edits(moduleId, locale).get(key));
	}

	/** Stores a draft, replacing any earlier edit of the segment. */
	public void saveDraft(String moduleId, Locale locale, String key, String target, String sourceHash,
			String sourceText, Long userId, Instant at) {
		jdbc.sql("""
				INSERT INTO translation_edit (module_id, locale, segment_key, target, status, source_hash, source_text,
				    saved_by, saved_at, approved_by, approved_at)
				VALUES (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, NULL, NULL)
				ON DUPLICATE KEY UPDATE target = VALUES(target), status = 'DRAFT', source_hash = VALUES(source_hash),
				    source_text = VALUES(source_text), saved_by = VALUES(saved_by), saved_at = VALUES(saved_at),
				    approved_by = NULL, approved_at = NULL
				""")
			.params(moduleId, locale.toLanguageTag(), key, target, sourceHash, sourceText, userId, Timestamp.from(at))
			.update();
		evict(moduleId, locale);
	}

	/** Stores an approved translation as it stands (approving a file's translation). */
	public void saveApproved(String moduleId, Locale locale, String key, String target, String sourceHash,
			String sourceText, Long savedBy, long approvedBy, Instant at) {
		jdbc.sql("""
				INSERT INTO translation_edit (module_id, locale, segment_key, target, status, source_hash, source_text,
				    saved_by, saved_at, approved_by, approved_at)
				VALUES (?, ?, ?, ?, 'APPROVED', ?, ?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE target = VALUES(target), status = 'APPROVED', source_hash = VALUES(source_hash),
				    source_text = VALUES(source_text), saved_by = VALUES(saved_by), saved_at = VALUES(saved_at),
				    approved_by = VALUES(approved_by), approved_at = VALUES(approved_at)
				""")
			.params(moduleId, locale.toLanguageTag(), key, target, sourceHash, sourceText, savedBy, Timestamp.from(at),
					approvedBy, Timestamp.from(at))
			.update();
		evict(moduleId, locale);
	}

	/** Marks an existing edit approved. */
	public void approve(String moduleId, Locale locale, String key, long approvedBy, Instant at) {
		jdbc.sql("""
				UPDATE translation_edit SET status = 'APPROVED', approved_by = ?, approved_at = ?
				WHERE module_id = ? AND locale = ? AND segment_key = ?
				""").params(approvedBy, Timestamp.from(at), moduleId, locale.toLanguageTag(), key).update();
		evict(moduleId, locale);
	}

	/** Removes every edit of a module in a language (tests and resets). */
	public void deleteAll(String moduleId, Locale locale) {
		jdbc.sql("DELETE FROM translation_edit WHERE module_id = ? AND locale = ?")
			.params(moduleId, locale.toLanguageTag())
			.update();
		evict(moduleId, locale);
	}

	@Override
	public Optional<Edit> find(String moduleId, Locale locale, String key) {
		return edit(moduleId, locale, key).map((e) -> new Edit(e.target(), e.approved(), e.sourceHash()));
	}

	private void evict(String moduleId, Locale locale) {
		String key = cacheKey(moduleId, locale);
		cache.remove(key);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// Reads later in the same transaction may cache uncommitted rows: forget them
			// again once it ends, committed or not.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					cache.remove(key);
				}
			});
		}
	}

	private static String cacheKey(String moduleId, Locale locale) {
		return moduleId + "|" + locale.toLanguageTag();
	}

	private TranslationEdit map(ResultSet rs, int row) throws SQLException {
		Timestamp approvedAt = rs.getTimestamp("approved_at");
		return new TranslationEdit(rs.getString("module_id"), rs.getString("locale"), rs.getString("segment_key"),
				rs.getString("target"), "APPROVED".equals(rs.getString("status")), rs.getString("source_hash"),
				rs.getString("source_text"), rs.getObject("saved_by", Long.class),
				rs.getTimestamp("saved_at").toInstant(), rs.getObject("approved_by", Long.class),
				approvedAt == null ? null : approvedAt.toInstant());
	}

}
