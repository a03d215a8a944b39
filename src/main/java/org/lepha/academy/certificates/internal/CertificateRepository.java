package org.lepha.academy.certificates.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.lepha.academy.certificates.Certificate;
import org.lepha.academy.certificates.Verification.IssuedDocument;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Certificates and their issued PDFs.
 */
@Repository
public class CertificateRepository {

	private static final String COLUMNS = """
			SELECT id, code, serial_no, kind, subject, user_id, cohort_id, cadet_name, academy_name, cohort_name,
			       completed_on, issued_at, language, signatory_name, signatory_title, revoked_at, revoke_reason
			FROM certificate
			""";

	private final JdbcClient jdbc;

	public CertificateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Draws the next serial number (shared by all nodes through the database sequence).
	 */
	public long nextSerial() {
		return jdbc.sql("SELECT NEXTVAL(certificate_serial)").query(Long.class).single();
	}

	/**
	 * Inserts a certificate; the unique key on (user, kind, subject, valid) makes a
	 * second valid one for the same subject fail with a duplicate key.
	 */
	public long insert(Certificate c, long serialNo) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO certificate (code, serial_no, kind, subject, user_id, cohort_id, cadet_name, academy_name,
				    cohort_name, completed_on, issued_at, language, signatory_name, signatory_title)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(c.code(), serialNo, c.kind().name(), c.subject(), c.userId(), c.cohortId(), c.cadetName(),
					c.academyName(), c.cohortName(), java.sql.Date.valueOf(c.completedOn()),
					Timestamp.from(c.issuedAt()), c.language().toLanguageTag(), c.signatoryName(), c.signatoryTitle())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public void insertDocument(long certificateId, String language, String title, byte[] pdf, String sha256) {
		jdbc.sql("""
				INSERT IGNORE INTO certificate_document (certificate_id, language, title, pdf, sha256)
				VALUES (?, ?, ?, ?, ?)
				""").params(certificateId, language, title, pdf, sha256).update();
	}

	public Optional<StoredDocument> document(long certificateId, String language) {
		return jdbc.sql("SELECT pdf, sha256 FROM certificate_document WHERE certificate_id = ? AND language = ?")
			.params(certificateId, language)
			.query((rs, n) -> new StoredDocument(rs.getBytes(1), rs.getString(2)))
			.optional();
	}

	/** A stored PDF and its hash. */
	public record StoredDocument(byte[] pdf, String sha256) {
	}

	public List<IssuedDocument> documents(long certificateId) {
		return jdbc
			.sql("""
					SELECT language, title, sha256 FROM certificate_document WHERE certificate_id = ? ORDER BY created_at, language
					""")
			.param(certificateId)
			.query((rs, n) -> new IssuedDocument(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	public Optional<Certificate> find(long id) {
		return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(CertificateRepository::map).optional();
	}

	public Optional<Certificate> findByCode(String code) {
		return jdbc.sql(COLUMNS + " WHERE code = ?").param(code).query(CertificateRepository::map).optional();
	}

	/** The certificate one of whose issued PDFs has exactly this SHA-256 (hex). */
	public Optional<Certificate> findByDocumentSha256(String sha256) {
		return jdbc.sql(COLUMNS + " WHERE id = (SELECT MIN(certificate_id) FROM certificate_document WHERE sha256 = ?)")
			.param(sha256)
			.query(CertificateRepository::map)
			.optional();
	}

	public Optional<Certificate> findValid(long userId, Certificate.Kind kind, String subject) {
		return jdbc.sql(COLUMNS + " WHERE user_id = ? AND kind = ? AND subject = ? AND revoked_at IS NULL")
			.params(userId, kind.name(), subject)
			.query(CertificateRepository::map)
			.optional();
	}

	public List<Certificate> ofUser(long userId) {
		return jdbc.sql(COLUMNS + " WHERE user_id = ? ORDER BY issued_at DESC, id DESC")
			.param(userId)
			.query(CertificateRepository::map)
			.list();
	}

	public List<Certificate> ofUsers(Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + " WHERE user_id IN (:ids) ORDER BY issued_at DESC, id DESC")
			.param("ids", userIds)
			.query(CertificateRepository::map)
			.list();
	}

	/** Marks a valid certificate revoked; false if it was revoked already. */
	public boolean revoke(long id, Instant at, Long by, String reason) {
		return jdbc.sql("""
				UPDATE certificate SET revoked_at = ?, revoked_by = ?, revoke_reason = ?
				WHERE id = ? AND revoked_at IS NULL
				""").params(Timestamp.from(at), by, reason, id).update() == 1;
	}

	private static Certificate map(ResultSet rs, int row) throws SQLException {
		Timestamp revoked = rs.getTimestamp("revoked_at");
		long cohort = rs.getLong("cohort_id");
		Long cohortId = rs.wasNull() ? null : cohort;
		LocalDate completed = rs.getDate("completed_on").toLocalDate();
		return new Certificate(rs.getLong("id"), rs.getString("code"),
				CertificateSerials.format(completed, rs.getLong("serial_no")),
				Certificate.Kind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getLong("user_id"),
				cohortId, rs.getString("cadet_name"), rs.getString("academy_name"), rs.getString("cohort_name"),
				completed, rs.getTimestamp("issued_at").toInstant(), Locale.forLanguageTag(rs.getString("language")),
				rs.getString("signatory_name"), rs.getString("signatory_title"),
				revoked == null ? null : revoked.toInstant(), rs.getString("revoke_reason"));
	}

}
