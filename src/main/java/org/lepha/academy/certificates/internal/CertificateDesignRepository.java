package org.lepha.academy.certificates.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.certificates.CertificateDesign;
import org.lepha.academy.certificates.CertificateDesignVersion;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Academies' certificate design versions, and which version each certificate was issued
 * with. A version never changes once inserted, so versions are cached by id.
 */
@Repository
public class CertificateDesignRepository {

	/** Text position of the wording; signatory n's title is at position n. */
	private static final int WORDING = 0;

	/**
	 * Versions are immutable; a few hundred academies at most, each with few versions.
	 */
	private final Map<Long, CertificateDesignVersion> cache = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	public CertificateDesignRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The academy's newest version, if it has any. */
	public Optional<CertificateDesignVersion> current(long academyId) {
		return this.jdbc.sql("SELECT id FROM certificate_design WHERE academy_id = ? ORDER BY version DESC LIMIT 1")
			.param(academyId)
			.query(Long.class)
			.optional()
			.flatMap(this::find);
	}

	public Optional<CertificateDesignVersion> find(long designId) {
		CertificateDesignVersion cached = this.cache.get(designId);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<CertificateDesignVersion> loaded = load(designId);
		loaded.ifPresent((v) -> this.cache.put(designId, v));
		return loaded;
	}

	private Optional<CertificateDesignVersion> load(long designId) {
		record Head(long academyId, int version, Timestamp createdAt, byte @Nullable [] emblem) {
		}
		Optional<Head> head = this.jdbc
			.sql("SELECT academy_id, version, created_at, emblem FROM certificate_design WHERE id = ?")
			.param(designId)
			.query((rs, n) -> new Head(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3), rs.getBytes(4)))
			.optional();
		if (head.isEmpty()) {
			return Optional.empty();
		}
		Map<Integer, Map<String, String>> texts = new HashMap<>();
		this.jdbc.sql("SELECT position, language, text FROM certificate_design_text WHERE design_id = ?")
			.param(designId)
			.query((rs) -> {
				texts.computeIfAbsent(rs.getInt(1), (p) -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
			});
		List<CertificateDesign.Signatory> signatories = new ArrayList<>();
		this.jdbc.sql(
				"SELECT position, name, signature FROM certificate_design_signatory WHERE design_id = ? ORDER BY position")
			.param(designId)
			.query((rs) -> {
				signatories.add(new CertificateDesign.Signatory(rs.getString(2),
						texts.getOrDefault(rs.getInt(1), Map.of()), rs.getBytes(3)));
			});
		Head h = head.get();
		return Optional.of(new CertificateDesignVersion(designId, h.academyId(), h.version(), h.createdAt().toInstant(),
				new CertificateDesign(h.emblem(), signatories, texts.getOrDefault(WORDING, Map.of()))));
	}

	/**
	 * Inserts the academy's next version. Two saves at the same moment: the unique key on
	 * (academy, version) refuses the second.
	 */
	public long insert(long academyId, CertificateDesign design, @Nullable Long createdBy) {
		int version = this.jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM certificate_design WHERE academy_id = ?")
			.param(academyId)
			.query(Integer.class)
			.single();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO certificate_design (academy_id, version, created_by, emblem) VALUES (?, ?, ?, ?)")
			.params(academyId, version, createdBy, design.emblemPng())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		design.wording().forEach((language, text) -> insertText(id, WORDING, language, text));
		int position = 1;
		for (CertificateDesign.Signatory signatory : design.signatories()) {
			this.jdbc.sql(
					"INSERT INTO certificate_design_signatory (design_id, position, name, signature) VALUES (?, ?, ?, ?)")
				.params(id, position, signatory.name(), signatory.signaturePng())
				.update();
			int p = position;
			signatory.titles().forEach((language, text) -> insertText(id, p, language, text));
			position++;
		}
		return id;
	}

	private void insertText(long designId, int position, String language, String text) {
		this.jdbc.sql("INSERT INTO certificate_design_text (design_id, position, language, text) VALUES (?, ?, ?, ?)")
			.params(designId, position, language, text)
			.update();
	}

	/** Records the version a certificate is issued with. */
	public void attach(long certificateId, long designId) {
		this.jdbc.sql("UPDATE certificate SET design_id = ? WHERE id = ?").params(designId, certificateId).update();
	}

	/** The version a certificate was issued with; empty for the configured look. */
	public Optional<CertificateDesignVersion> ofCertificate(long certificateId) {
		return this.jdbc.sql("SELECT design_id FROM certificate WHERE id = ? AND design_id IS NOT NULL")
			.param(certificateId)
			.query(Long.class)
			.optional()
			.flatMap(this::find);
	}

}
