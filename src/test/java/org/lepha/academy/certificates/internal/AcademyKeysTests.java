package org.lepha.academy.certificates.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.lepha.academy.base.db.DatabaseProperties;
import org.lepha.academy.base.startup.MisconfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AcademyKeysTests {

	@TempDir
	Path dataDir;

	@Test
	void aFreshInstallGeneratesARootAndASigningCertificateAndKeepsThemAcrossRestarts() throws Exception {
		AcademyKeys first = start(new CertificateKeyProperties(null, null, null, "Kabul Police Academy", null));
		AcademyKeys second = start(new CertificateKeyProperties(null, null, null, "Kabul Police Academy", null));

		X509Certificate root = first.rootCertificate();
		X509Certificate signing = first.signingCertificate();
		assertThat(second.signingCertificate()).isEqualTo(signing);
		assertThat(second.signingKey().getEncoded()).isEqualTo(first.signingKey().getEncoded());
		assertThat(second.keyId()).isEqualTo(first.keyId());
		assertThat(first.chain()).containsExactly(signing, root);

		assertThat(root.getSubjectX500Principal()).isEqualTo(root.getIssuerX500Principal());
		assertThat(root.getBasicConstraints()).as("CA").isGreaterThanOrEqualTo(0);
		assertThat(root.getKeyUsage()[5]).as("keyCertSign").isTrue();
		root.verify(root.getPublicKey());
		assertThat(yearsValid(root)).isBetween(19.9, 20.1);

		assertThat(signing.getSubjectX500Principal().getName()).contains("Kabul Police Academy");
		assertThat(signing.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
		assertThat(signing.getBasicConstraints()).as("not a CA").isEqualTo(-1);
		assertThat(signing.getKeyUsage()[0]).as("digitalSignature").isTrue();
		assertThat(signing.getKeyUsage()[1]).as("nonRepudiation").isTrue();
		signing.verify(root.getPublicKey());
		assertThat(yearsValid(signing)).isBetween(4.9, 5.1);
		assertThat(((ECPublicKey) signing.getPublicKey()).getParams().getCurve().getField().getFieldSize())
			.isEqualTo(256);
		assertThat(first.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
	}

	@Test
	void theKeyFilesAreOwnerOnlyAndTheRootKeyIsInAKeystoreOfItsOwn() throws Exception {
		AcademyKeys keys = start(new CertificateKeyProperties(null, null, null, null, null));
		Path folder = this.dataDir.resolve("keys");

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
		for (String file : new String[] { "signing.p12", "signing.p12.password", "root.p12", "root.p12.password" }) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(file)))).as(file)
				.isEqualTo("rw-------");
		}
		KeyStore signing = open(folder, "signing.p12");
		assertThat(java.util.Collections.list(signing.aliases())).containsExactly("signing");
		KeyStore root = open(folder, "root.p12");
		assertThat(root.getCertificate("root")).isEqualTo(keys.rootCertificate());
		assertThat(root.isKeyEntry("root")).isTrue();
		// The public certificates lie beside them for whoever checks the academy's files.
		assertThat(Files.readString(folder.resolve("root.pem"))).startsWith("-----BEGIN CERTIFICATE-----");
	}

	@Test
	void theRootKeyMayBeMovedOfflineAndTheAcademyStillSigns() throws Exception {
		AcademyKeys before = start(new CertificateKeyProperties(null, null, null, null, null));
		Files.delete(this.dataDir.resolve("keys/root.p12"));
		Files.delete(this.dataDir.resolve("keys/root.p12.password"));

		AcademyKeys after = start(new CertificateKeyProperties(null, null, null, null, null));

		assertThat(after.chain()).isEqualTo(before.chain());
	}

	@Test
	void theKeyIdIsTheRfc7638ThumbprintOfTheSigningKey() throws Exception {
		AcademyKeys keys = start(new CertificateKeyProperties(null, null, null, null, null));
		ECPublicKey key = (ECPublicKey) keys.signingCertificate().getPublicKey();
		String json = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + coordinate(key.getW().getAffineX().toByteArray())
				+ "\",\"y\":\"" + coordinate(key.getW().getAffineY().toByteArray()) + "\"}";
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));

		assertThat(keys.keyId()).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
	}

	@Test
	void aConfiguredKeystoreIsUsedAndEarlierCertificatesStayPublished() throws Exception {
		AcademyKeys generated = AcademyKeys.inFolder(this.dataDir.resolve("elsewhere"), "Ministry");
		Path keystore = this.dataDir.resolve("ministry.p12");
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("academy", generated.signingKey(), "s3cret-pass".toCharArray(),
				generated.chain().toArray(new X509Certificate[0]));
		try (OutputStream out = Files.newOutputStream(keystore)) {
			store.store(out, "s3cret-pass".toCharArray());
		}
		AcademyKeys earlier = AcademyKeys.inFolder(this.dataDir.resolve("old"), "Old");
		Path previous = Files.createDirectories(this.dataDir.resolve("keys/previous"));
		Files.copy(this.dataDir.resolve("old/signing.pem"), previous.resolve("2025.pem"));

		AcademyKeys keys = start(new CertificateKeyProperties(keystore.toString(), "s3cret-pass", null, null, null));

		assertThat(keys.signingCertificate()).isEqualTo(generated.signingCertificate());
		assertThat(keys.chain()).isEqualTo(generated.chain());
		assertThat(keys.publishedSigningCertificates()).containsExactly(generated.signingCertificate(),
				earlier.signingCertificate());
		assertThat(keys.isAcademyCertificate(earlier.signingCertificate())).isTrue();
		assertThat(keys.isAcademyCertificate(earlier.rootCertificate())).isFalse();
		assertThat(Files.exists(this.dataDir.resolve("keys/signing.p12"))).as("nothing generated").isFalse();
	}

	@Test
	void aWrongKeystoreNamesTheSettingAndNeverThePassword() throws Exception {
		AcademyKeys generated = AcademyKeys.inFolder(this.dataDir.resolve("elsewhere"), "Ministry");
		Path keystore = this.dataDir.resolve("ministry.p12");
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("academy", generated.signingKey(), "right-pass".toCharArray(),
				generated.chain().toArray(new X509Certificate[0]));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		store.store(bytes, "right-pass".toCharArray());
		Files.write(keystore, bytes.toByteArray());

		assertThatThrownBy(
				() -> start(new CertificateKeyProperties(keystore.toString(), "wrong-pass", null, null, null)))
			.isInstanceOf(MisconfigurationException.class)
			.hasMessageContaining(keystore.toString())
			.hasMessageContaining("CERT_KEYSTORE_PASSWORD")
			.message()
			.doesNotContain("wrong-pass")
			.doesNotContain("right-pass")
			.doesNotContain("\n");
		assertThatThrownBy(
				() -> start(new CertificateKeyProperties(keystore + ".missing", "right-pass", null, null, null)))
			.isInstanceOf(MisconfigurationException.class)
			.hasMessageContaining("does not exist")
			.hasMessageContaining("CERT_KEYSTORE");
		assertThatThrownBy(
				() -> start(new CertificateKeyProperties(keystore.toString(), "right-pass", "other", null, null)))
			.isInstanceOf(MisconfigurationException.class)
			.hasMessageContaining("\"other\"")
			.hasMessageContaining("CERT_KEY_ALIAS");
		assertThatThrownBy(() -> start(new CertificateKeyProperties(keystore.toString(), "", null, null, null)))
			.isInstanceOf(MisconfigurationException.class)
			.hasMessageContaining("without a password");
	}

	private AcademyKeys start(CertificateKeyProperties properties) {
		return new AcademyKeys(properties,
				new DatabaseProperties(null, null, null, this.dataDir, 0, 20, java.time.Duration.ofSeconds(3)));
	}

	private static KeyStore open(Path folder, String name) throws Exception {
		char[] password = Files.readString(folder.resolve(name + ".password")).strip().toCharArray();
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (var in = Files.newInputStream(folder.resolve(name))) {
			store.load(in, password);
		}
		return store;
	}

	private static double yearsValid(X509Certificate certificate) {
		return (certificate.getNotAfter().getTime() - certificate.getNotBefore().getTime()) / (365.25 * 86_400_000.0);
	}

	/** A P-256 coordinate as 32 big-endian bytes, base64url (RFC 7518). */
	private static String coordinate(byte[] twosComplement) {
		byte[] fixed = new byte[32];
		int copy = Math.min(32, twosComplement.length);
		System.arraycopy(twosComplement, twosComplement.length - copy, fixed, 32 - copy, copy);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
	}

}
