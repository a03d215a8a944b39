package org.lepha.academy.certificates.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.lepha.academy.certificates.Certificate;
import org.lepha.academy.certificates.CertificateProperties;
import org.lepha.academy.certificates.CertificateService;
import org.lepha.academy.certificates.CredentialFile;
import org.lepha.academy.certificates.Verification;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What verifiers of an Open Badges credential fetch from the academy: its public keys
 * (JWKS) and the live status a credential points to; and the credential itself, for its
 * holder (the service checks who may have it).
 */
@RestController
class CredentialController {

	private final CertificateService certificates;

	private final OpenBadgeCredentials credentials;

	private final CertificateProperties properties;

	private final ClientRateLimiter limiter;

	CredentialController(CertificateService certificates, OpenBadgeCredentials credentials,
			CertificateProperties properties, ClientRateLimiter limiter) {
		this.certificates = certificates;
		this.credentials = credentials;
		this.properties = properties;
		this.limiter = limiter;
	}

	/**
	 * The published signing keys. The same for everyone and cheap to make, so it may be
	 * cached for an hour; rate-limited like the verification page all the same.
	 */
	@GetMapping(path = "/.well-known/jwks.json", produces = "application/jwk-set+json")
	ResponseEntity<Map<String, Object>> jwks(HttpServletRequest request) {
		if (!this.limiter.tryAcquire(request.getRemoteAddr())) {
			return VerificationController.tooManyJson();
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.header("Access-Control-Allow-Origin", "*")
			.body(this.credentials.publicKeys().toJSONObject(true));
	}

	/**
	 * The credential's {@code credentialStatus}: a revocation list (type
	 * {@value OpenBadgeCredentials#STATUS_TYPE}) holding just this credential, read live
	 * from the record, plus the plain status for people and simple clients. A list per
	 * credential rather than one for the academy: nobody learns who else was revoked.
	 */
	@GetMapping(path = "/api/certificates/{code}/status", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> status(@PathVariable String code, HttpServletRequest request) {
		if (!this.limiter.tryAcquire(request.getRemoteAddr())) {
			return VerificationController.tooManyJson();
		}
		Verification verification = this.certificates.verify(code);
		Certificate c = verification.certificate();
		if (c == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.cacheControl(CacheControl.noStore())
				.body(Map.of("status", verification.status().name()));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", this.credentials.statusUrl(c.code()));
		body.put("type", OpenBadgeCredentials.STATUS_TYPE);
		body.put("issuer", this.properties.publicUrl());
		body.put("credential", this.properties.verificationUrl(c.code()));
		body.put("status", verification.status().name());
		if (c.revoked()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("id", this.properties.verificationUrl(c.code()));
			entry.put("revoked", true);
			entry.put("revocationReason", c.revokeReason());
			body.put("revokedCredentials", List.of(entry));
		}
		else {
			body.put("revokedCredentials", List.of());
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	/**
	 * The signed credential as a file. Anyone may follow the link on the verification
	 * page, but only the holder (or a trainer or admin who manages the certificate) gets
	 * the file: the service refuses everyone else, and a visitor who is not signed in is
	 * sent to the sign-in page first.
	 */
	@GetMapping(path = "/api/certificates/{code}/credential")
	ResponseEntity<byte[]> credential(@PathVariable String code) {
		CredentialFile file = this.certificates.credential(code);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.jwt().getBytes(StandardCharsets.US_ASCII));
	}

}
