package org.lepha.academy.certificates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.lepha.academy.audit.AuditAction;
import org.lepha.academy.audit.AuditLog;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.certificates.internal.CertificateIssuer;
import org.lepha.academy.certificates.internal.CertificateRepository;
import org.lepha.academy.certificates.internal.CertificateSerials;
import org.lepha.academy.certificates.internal.OpenBadgeCredentials;
import org.lepha.academy.certificates.internal.UploadedFileVerifier;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.EnrolledCadet;
import org.lepha.academy.security.UserAccountService;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who gets which certificate, and who may see, download, revoke or re-issue it. Every
 * check is here, not in the views: a cadet sees their own, a trainer those of the cohorts
 * they run, an admin all; verification is public and reveals only what the certificate
 * itself shows.
 */
@Service
public class CertificateService {

	public static final int MAX_REASON_LENGTH = 500;

	private final CertificateRepository certificates;

	private final CertificateIssuer issuer;

	private final CohortService cohorts;

	private final AuditLog audit;

	private final Languages languages;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final OpenBadgeCredentials credentials;

	private final UploadedFileVerifier uploads;

	public CertificateService(CertificateRepository certificates, CertificateIssuer issuer, CohortService cohorts,
			AuditLog audit, Languages languages, Clock clock, PlatformTransactionManager transactionManager,
			OpenBadgeCredentials credentials, UploadedFileVerifier uploads) {
		this.credentials = credentials;
		this.uploads = uploads;
		this.transactions = new TransactionTemplate(transactionManager);
		this.certificates = certificates;
		this.issuer = issuer;
		this.cohorts = cohorts;
		this.audit = audit;
		this.languages = languages;
		this.clock = clock;
	}

	/** The signed-in cadet's certificates, newest first. */
	@PreAuthorize("hasRole('CADET')")
	@Transactional(readOnly = true)
	public List<Certificate> myCertificates() {
		return this.certificates.ofUser(UserAccountService.requireCurrentUserId());
	}

	/** The PDF in a language; the same certificate (same code) in every language. */
	@PreAuthorize("hasAnyRole('CADET', 'TRAINER', 'ADMIN')")
	public CertificateFile download(long certificateId, Locale locale) {
		Certificate certificate = readable(certificateId);
		Locale language = this.languages.bestMatch(locale);
		CertificateRepository.StoredDocument document = this.issuer.document(certificate, language);
		return new CertificateFile(fileName(certificate, language), document.pdf(), document.sha256());
	}

	/** Every cadet of a cohort with the certificates they hold. */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<CohortCertificates> cohortCertificates(long cohortId) {
		this.cohorts.requireAccess(cohortId);
		List<EnrolledCadet> cadets = this.cohorts.cadets(cohortId);
		Map<Long, List<Certificate>> byUser = this.certificates
			.ofUsers(cadets.stream().map(EnrolledCadet::userId).toList())
			.stream()
			.collect(Collectors.groupingBy(Certificate::userId));
		return cadets.stream()
			.map((c) -> new CohortCertificates(c.userId(), c.fullName(), byUser.getOrDefault(c.userId(), List.of())))
			.toList();
	}

	/** One ZIP of the cohort's valid certificates, each in its cadet's language. */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	public byte[] cohortZip(long cohortId) {
		List<CohortCertificates> rows = cohortCertificates(cohortId);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Set<String> names = new HashSet<>();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, java.nio.charset.StandardCharsets.UTF_8)) {
			for (CohortCertificates row : rows) {
				for (Certificate certificate : row.certificates()) {
					if (certificate.revoked()) {
						continue;
					}
					// Access to the cohort was checked above, once for all its
					// certificates.
					CertificateRepository.StoredDocument document = this.issuer.document(certificate,
							certificate.language());
					String fileName = fileName(certificate, certificate.language());
					String name = fileName;
					for (int i = 2; !names.add(name); i++) {
						name = fileName.replace(".pdf", "-" + i + ".pdf");
					}
					zip.putNextEntry(new ZipEntry(name));
					zip.write(document.pdf());
					zip.closeEntry();
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	public void revoke(long certificateId, String reason) {
		Certificate certificate = managed(certificateId);
		this.transactions.executeWithoutResult((status) -> revokeChecked(certificate, reason));
	}

	private void revokeChecked(Certificate certificate, String reason) {
		long certificateId = certificate.id();
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new CertificateException("certificates.error.reasonRequired");
		}
		if (why.length() > MAX_REASON_LENGTH) {
			throw new CertificateException("certificates.error.reasonTooLong");
		}
		if (!this.certificates.revoke(certificateId, this.clock.instant(),
				UserAccountService.currentUserId().orElse(null), why)) {
			throw new CertificateException("certificates.error.alreadyRevoked");
		}
		this.audit.record(AuditAction.CERTIFICATE_REVOKED, "certificate", certificate.serial(),
				certificate.cadetName() + ": " + why);
	}

	/**
	 * Replaces a certificate with a new one (new serial number and code, same subject and
	 * completion date); the old one is revoked if it is not already.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	public Certificate reissue(long certificateId, String reason) {
		Certificate old = managed(certificateId);
		if (!old.revoked()) {
			// Committed before the new one is inserted: only one valid certificate per
			// subject may exist at any moment.
			this.transactions.executeWithoutResult(
					(status) -> revokeChecked(old, reason == null || reason.isBlank() ? "re-issued" : reason));
		}
		Certificate fresh = this.issuer.reissue(old);
		this.transactions.executeWithoutResult((status) -> this.audit.record(AuditAction.CERTIFICATE_REISSUED,
				"certificate", fresh.serial(), old.cadetName() + ": replaces " + old.serial()));
		return fresh;
	}

	/**
	 * Public: what anyone holding a code may learn. Malformed codes are never looked up.
	 */
	@Transactional(readOnly = true)
	public Verification verify(String code) {
		if (!CertificateSerials.isWellFormed(code)) {
			return Verification.unknown();
		}
		return this.certificates.findByCode(code)
			.map((c) -> Verification.of(c, this.certificates.documents(c.id())))
			.orElseGet(Verification::unknown);
	}

	/**
	 * The certificate's Open Badges 3.0 credential, signed by the academy: for its holder
	 * and for whoever manages it, as the PDF.
	 */
	@PreAuthorize("hasAnyRole('CADET', 'TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public CredentialFile credential(long certificateId) {
		return credentialOf(readable(certificateId));
	}

	/** The same, found by its verification code (the link on the verification page). */
	@PreAuthorize("hasAnyRole('CADET', 'TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public CredentialFile credential(String code) {
		Certificate certificate = (CertificateSerials.isWellFormed(code) ? this.certificates.findByCode(code)
				: java.util.Optional.<Certificate>empty())
			.orElseThrow(() -> new AccessDeniedException("No such certificate"));
		return credentialOf(readable(certificate.id()));
	}

	private CredentialFile credentialOf(Certificate certificate) {
		String name = fileName(certificate, certificate.language()).replaceAll("\\.pdf$", ".jwt");
		return new CredentialFile(name, this.credentials.signed(certificate), OpenBadgeCredentials.MEDIA_TYPE);
	}

	/**
	 * Public: what an uploaded certificate PDF or credential proves (signature, record,
	 * live status). Reveals no more than the code printed on that file would.
	 */
	@Transactional(readOnly = true)
	public UploadCheck checkUpload(byte[] file) {
		return this.uploads.check(file);
	}

	private Certificate readable(long certificateId) {
		Certificate certificate = this.certificates.find(certificateId)
			.orElseThrow(() -> new AccessDeniedException("No such certificate"));
		if (certificate.userId() == UserAccountService.requireCurrentUserId()) {
			return certificate;
		}
		return requireManaged(certificate);
	}

	/** A certificate the caller manages: an admin, or a trainer of its cohort. */
	private Certificate managed(long certificateId) {
		return requireManaged(this.certificates.find(certificateId)
			.orElseThrow(() -> new AccessDeniedException("No such certificate")));
	}

	private Certificate requireManaged(Certificate certificate) {
		if (!isAdmin()) {
			if (certificate.cohortId() == null) {
				throw new AccessDeniedException("No such certificate");
			}
			this.cohorts.requireAccess(certificate.cohortId());
		}
		return certificate;
	}

	private static String fileName(Certificate certificate, Locale language) {
		String who = certificate.cadetName().replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
		return "certificate-" + certificate.serial() + "-" + who + "-" + language.toLanguageTag() + ".pdf";
	}

	private static boolean isAdmin() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch((a) -> "ROLE_ADMIN".equals(a.getAuthority()));
	}

}
