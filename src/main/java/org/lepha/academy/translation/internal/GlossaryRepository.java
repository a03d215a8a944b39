package org.lepha.academy.translation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.lepha.academy.translation.GlossaryTerm;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Glossary terms in the database. */
@Repository
public class GlossaryRepository {

	private final JdbcClient jdbc;

	public GlossaryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<GlossaryTerm> terms(Locale locale) {
		return jdbc.sql("""
				SELECT locale, term, translation, created_by, created_at FROM glossary_term
				WHERE locale = ? ORDER BY term
				""")
			.param(locale.toLanguageTag())
			.query((rs, row) -> new GlossaryTerm(Locale.forLanguageTag(rs.getString("locale")), rs.getString("term"),
					rs.getString("translation"), rs.getObject("created_by", Long.class),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** Adds a term or replaces the agreed translation of an existing one. */
	public void save(Locale locale, String term, String translation, long userId, Instant at) {
		jdbc.sql("""
				INSERT INTO glossary_term (locale, term, translation, created_by, created_at) VALUES (?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE translation = VALUES(translation), created_by = VALUES(created_by),
				    created_at = VALUES(created_at)
				""").params(locale.toLanguageTag(), term, translation, userId, Timestamp.from(at)).update();
	}

	public void delete(Locale locale, String term) {
		jdbc.sql("DELETE FROM glossary_term WHERE locale = ? AND term = ?")
			.params(locale.toLanguageTag(), term)
			.update();
	}

}
