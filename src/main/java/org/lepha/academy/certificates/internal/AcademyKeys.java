package org.lepha.academy.certificates.internal;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.lepha.academy.base.db.DatabaseProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The academy's signing key and certificates: what signs every certificate PDF (PAdES)
 * and every credential (JWT). In production a PKCS#12 keystore from configuration
 * ({@code CERT_KEYSTORE}); on a fresh install without one, an academy root CA and a
 * signing certificate generated once into {@code <data folder>/keys/}
 * (docs/decisions/0009-certificate-keys-and-formats.md). The private key stays in memory
 * and in its keystore: never in the database, never in a log line.
 */
@Component
public class AcademyKeys {

	private static final Logger log = LoggerFactory.getLogger(AcademyKeys.class);

	private final PrivateKey signingKey;

	private final List<X509Certificate> chain;

	private final List<X509Certificate> published;

	private final String keyId;

	@Autowired
	AcademyKeys(CertificateKeyProperties properties, DatabaseProperties database) {
		this(load(properties, database.dataDir()));
		log.info("Certificates are signed by \"{}\" (SHA-256 {}), {}.",
				signingCertificate().getSubjectX500Principal().getName(), fingerprint(signingCertificate()),
				properties.hasKeystore() ? "from the keystore CERT_KEYSTORE"
						: "generated in " + AcademyKeyFiles.folder(database.dataDir()));
		log.info("Academy root certificate to install where certificates are checked: \"{}\" (SHA-256 {}).",
				rootCertificate().getSubjectX500Principal().getName(), fingerprint(rootCertificate()));
		if (database.external() && !properties.hasKeystore()) {
			// Nodes sharing a database but not a data folder would each generate their
			// own.
			log.warn("With several app nodes, give each the same CERT_KEYSTORE: without one each node signs "
					+ "with keys generated in its own data folder.");
		}
	}

	private AcademyKeys(AcademyKeyFiles.Loaded loaded) {
		this.signingKey = loaded.key();
		this.chain = List.copyOf(loaded.chain());
		List<X509Certificate> all = new ArrayList<>();
		all.add(loaded.chain().getFirst());
		loaded.previous().stream().filter((c) -> !all.contains(c)).forEach(all::add);
		this.published = List.copyOf(all);
		this.keyId = keyIdOf(signingCertificate());
	}

	/**
	 * The keys of a fresh install kept in {@code folder}: generated there on the first
	 * call, the same ones on every later call (and after a restart). For tools and tests
	 * that run without the application.
	 */
	public static AcademyKeys inFolder(Path folder, String issuerName) {
		return new AcademyKeys(AcademyKeyFiles.loadOrGenerate(folder, issuerName));
	}

	static AcademyKeyFiles.Loaded load(CertificateKeyProperties properties, Path dataDir) {
		Path keys = AcademyKeyFiles.folder(dataDir);
		Path previous = properties.previousCertificates() == null || properties.previousCertificates().isBlank()
				? keys.resolve("previous") : Path.of(properties.previousCertificates());
		AcademyKeyFiles.Loaded loaded = properties.hasKeystore() ? AcademyKeyFiles
			.fromKeystore(Path.of(properties.keystore()), properties.keystorePassword(), properties.keyAlias())
				: AcademyKeyFiles.loadOrGenerate(keys, properties.issuerName());
		return loaded.withPrevious(AcademyKeyFiles.previousCertificates(previous));
	}

	public PrivateKey signingKey() {
		return this.signingKey;
	}

	public X509Certificate signingCertificate() {
		return this.chain.getFirst();
	}

	/** The signing certificate first, the root last. */
	public List<X509Certificate> chain() {
		return this.chain;
	}

	public X509Certificate rootCertificate() {
		return this.chain.getLast();
	}

	/** RFC 7638 JWK SHA-256 thumbprint (base64url) of the signing public key. */
	public String keyId() {
		return this.keyId;
	}

	/**
	 * The current signing certificate and the earlier ones still trusted, so that files
	 * signed before a key change still verify (and their keys stay in the JWKS).
	 */
	public List<X509Certificate> publishedSigningCertificates() {
		return this.published;
	}

	/** Whether a certificate is one of {@link #publishedSigningCertificates()}. */
	public boolean isAcademyCertificate(X509Certificate candidate) {
		return this.published.contains(candidate);
	}

	/** The JCA name of the signature algorithm the signing key makes with SHA-256. */
	String signatureAlgorithm() {
		return switch (this.signingKey.getAlgorithm()) {
			case "EC" -> "SHA256withECDSA";
			case "RSA" -> "SHA256withRSA";
			default -> throw new IllegalStateException("Unsupported key type " + this.signingKey.getAlgorithm());
		};
	}

	/** RFC 7638 JWK SHA-256 thumbprint (base64url) of a certificate's public key. */
	public static String keyIdOf(X509Certificate certificate) {
		try {
			return JWK.parse(certificate).computeThumbprint().toString();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot compute the key id of " + certificate.getSubjectX500Principal(),
					ex);
		}
	}

	/** SHA-256 of the certificate's encoding, as the colon-separated hex viewers show. */
	public static String fingerprint(X509Certificate certificate) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
			return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
		}
		catch (NoSuchAlgorithmException | CertificateEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
