package org.lepha.academy.translation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** UI string edits in the database (table {@code ui_string_edit}). */
@Repository
public class UiStringEditRepository {

	private final JdbcClient jdbc;

	public UiStringEditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The edits of one language by key. */
	public Map<String, UiStringEdit> edits(Locale locale) {
		Map<String, UiStringEdit> result = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT string_key, text, english_text, status, saved_by, saved_at, approved_by FROM ui_string_edit
				WHERE locale = ?
				""")
			.param(locale.toLanguageTag())
			.query((rs, row) -> new UiStringEdit(rs.getString("string_key"), rs.getString("text"),
					rs.getString("english_text"), "APPROVED".equals(rs.getString("status")), rs.getLong("saved_by"),
					rs.getTimestamp("saved_at").toInstant(), rs.getObject("approved_by", Long.class)))
			.list()
			.forEach((e) -> result.put(e.key(), e));
		return result;
	}

	/**
	 * Saves the text as a draft, replacing an earlier draft or approval.
	 * @param english the English value the translation was made from
	 */
	public void saveDraft(Locale locale, String key, String text, String english, long userId, Instant at) {
		jdbc.sql("""
				INSERT INTO ui_string_edit (locale, string_key, text, english_text, status, saved_by, saved_at)
				VALUES (?, ?, ?, ?, 'DRAFT', ?, ?)
				ON DUPLICATE KEY UPDATE text = VALUES(text), english_text = VALUES(english_text), status = 'DRAFT',
				    saved_by = VALUES(saved_by), saved_at = VALUES(saved_at), approved_by = NULL, approved_at = NULL
				""").params(locale.toLanguageTag(), key, text, english, userId, Timestamp.from(at)).update();
	}

	public void approve(Locale locale, String key, long userId, Instant at) {
		jdbc.sql("""
				UPDATE ui_string_edit SET status = 'APPROVED', approved_by = ?, approved_at = ?
				WHERE locale = ? AND string_key = ?
				""").params(userId, Timestamp.from(at), locale.toLanguageTag(), key).update();
	}

}
