package org.lepha.academy.certificates.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.lepha.academy.certificates.Certificate;
import org.lepha.academy.certificates.UploadCheck;
import org.lepha.academy.certificates.UploadCheck.Format;
import org.lepha.academy.certificates.UploadCheck.Signature;
import org.lepha.academy.certificates.Verification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Checks a file someone uploads to the verification page: a certificate PDF (its PAdES
 * signature through {@link SignedPdfVerifier}, and its SHA-256 against the stored
 * documents) or an Open Badges credential (its ES256 signature against the published
 * keys, and its claims against the record). Anything else, however malformed, is a
 * verdict, never an error: the file comes from anyone.
 */
@Component
public class UploadedFileVerifier {

	private static final Logger log = LoggerFactory.getLogger(UploadedFileVerifier.class);

	/** Three base64url parts: a compact JWS (the last one empty when unsigned). */
	private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

	private final SignedPdfVerifier pdfSignatures;

	private final OpenBadgeCredentials credentials;

	private final CertificateRepository certificates;

	UploadedFileVerifier(SignedPdfVerifier pdfSignatures, OpenBadgeCredentials credentials,
			CertificateRepository certificates) {
		this.pdfSignatures = pdfSignatures;
		this.credentials = credentials;
		this.certificates = certificates;
	}

	public UploadCheck check(byte[] file) {
		if (file.length == 0) {
			return UploadCheck.unreadable(Format.EMPTY);
		}
		if (file.length > UploadCheck.MAX_BYTES) {
			return UploadCheck.unreadable(Format.TOO_LARGE);
		}
		if (startsWith(file, "%PDF-")) {
			return checkPdf(file);
		}
		String text = new String(file, StandardCharsets.US_ASCII).strip();
		if (COMPACT_JWS.matcher(text).matches()) {
			return checkCredential(text);
		}
		return UploadCheck.unreadable(Format.UNREADABLE);
	}

	private UploadCheck checkPdf(byte[] file) {
		SignedPdfVerifier.Result result = this.pdfSignatures.verify(file);
		Signature signature;
		if (!result.signed()) {
			if (!opens(file)) {
				return UploadCheck.unreadable(Format.UNREADABLE);
			}
			signature = Signature.UNSIGNED;
		}
		else if (!result.intact() || !result.wholeFile()) {
			signature = Signature.ALTERED;
		}
		else {
			signature = result.academy() ? Signature.ACADEMY : Signature.OTHER_SIGNER;
		}
		Optional<Certificate> record = this.certificates.findByDocumentSha256(CertificateIssuer.sha256(file));
		return new UploadCheck(Format.PDF, signature, record.isPresent(), verification(record));
	}

	/** Whether PDFBox can read the file's structure at all. */
	private static boolean opens(byte[] file) {
		try (PDDocument document = Loader.loadPDF(file)) {
			return document.getNumberOfPages() > 0;
		}
		catch (IOException | RuntimeException ex) {
			// A damaged or hostile file: nothing about it can be confirmed.
			log.debug("Uploaded PDF not readable: {}", ex.toString());
			return false;
		}
	}

	private UploadCheck checkCredential(String text) {
		if (text.endsWith(".")) {
			// "alg": "none": claims anyone could have written.
			return new UploadCheck(Format.CREDENTIAL, Signature.UNSIGNED, false, Verification.unknown());
		}
		SignedJWT jwt;
		Map<String, Object> claims;
		try {
			jwt = SignedJWT.parse(text);
			claims = jwt.getJWTClaimsSet().toJSONObject();
		}
		catch (java.text.ParseException | RuntimeException ex) {
			return UploadCheck.unreadable(Format.UNREADABLE);
		}
		Optional<Certificate> record = codeOf(claims.get("jti")).flatMap(this.certificates::findByCode);
		Signature signature = credentialSignature(jwt);
		boolean matches = signature == Signature.ACADEMY && record.isPresent()
				&& this.credentials.matches(record.get(), claims);
		return new UploadCheck(Format.CREDENTIAL, signature, matches, verification(record));
	}

	private Signature credentialSignature(SignedJWT jwt) {
		String keyId = jwt.getHeader().getKeyID();
		JWK key = keyId == null ? null : this.credentials.publicKeys().getKeyByKeyId(keyId);
		if (key == null) {
			return Signature.OTHER_SIGNER;
		}
		if (!OpenBadgeCredentials.algorithmFor(key).equals(jwt.getHeader().getAlgorithm())) {
			// Only the key's own algorithm: never, say, HS256 with the public key as the
			// secret.
			return Signature.ALTERED;
		}
		try {
			JWSVerifier verifier = key instanceof RSAKey rsa ? new RSASSAVerifier(rsa)
					: new ECDSAVerifier(key.toECKey());
			return jwt.verify(verifier) ? Signature.ACADEMY : Signature.ALTERED;
		}
		catch (JOSEException | IllegalStateException ex) {
			return Signature.ALTERED;
		}
	}

	/** The code at the end of a credential id ({@code <public url>/verify/<code>}). */
	private static Optional<String> codeOf(Object credentialId) {
		if (!(credentialId instanceof String id) || !id.contains("/verify/")) {
			return Optional.empty();
		}
		String code = id.substring(id.lastIndexOf('/') + 1);
		return CertificateSerials.isWellFormed(code) ? Optional.of(code) : Optional.empty();
	}

	private Verification verification(Optional<Certificate> record) {
		return record.map((c) -> Verification.of(c, this.certificates.documents(c.id())))
			.orElseGet(Verification::unknown);
	}

	private static boolean startsWith(byte[] file, String prefix) {
		byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
		if (file.length < p.length) {
			return false;
		}
		for (int i = 0; i < p.length; i++) {
			if (file[i] != p[i]) {
				return false;
			}
		}
		return true;
	}

}
