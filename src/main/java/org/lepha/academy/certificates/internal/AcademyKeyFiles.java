package org.lepha.academy.certificates.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

import org.lepha.academy.base.startup.MisconfigurationException;

/**
 * Where {@link AcademyKeys} come from: a configured PKCS#12 keystore, or the files of a
 * fresh install in {@code <data folder>/keys/} (generated the first time). Every failure
 * is a {@link MisconfigurationException} whose message names the file and the setting,
 * never a password.
 */
final class AcademyKeyFiles {

	static final String SIGNING_STORE = "signing.p12";

	static final String ROOT_STORE = "root.p12";

	static final String PASSWORD_SUFFIX = ".password";

	private static final String SIGNING_ALIAS = "signing";

	private static final String ROOT_ALIAS = "root";

	private static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 365 + 5);

	private static final Duration SIGNING_VALIDITY = Duration.ofDays(5 * 365 + 1);

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The signing key, its chain (signing certificate first), earlier certificates. */
	record Loaded(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> previous) {

		Loaded withPrevious(List<X509Certificate> earlier) {
			return new Loaded(key, chain, earlier);
		}

	}

	private AcademyKeyFiles() {
	}

	static Path folder(Path dataDir) {
		return dataDir.resolve("keys").toAbsolutePath().normalize();
	}

	static Loaded fromKeystore(Path file, @Nullable String password, @Nullable String alias) {
		String where = "The certificate signing keystore " + file.toAbsolutePath().normalize();
		if (password == null || password.isEmpty()) {
			throw new MisconfigurationException(where
					+ " is configured without a password. Set CERT_KEYSTORE_PASSWORD (app.certificates.keystore-password).");
		}
		KeyStore store;
		try (InputStream in = Files.newInputStream(file)) {
			store = KeyStore.getInstance("PKCS12");
			store.load(in, password.toCharArray());
		}
		catch (NoSuchFileException ex) {
			throw new MisconfigurationException(
					where + " does not exist. Check CERT_KEYSTORE (app.certificates.keystore).", ex);
		}
		catch (AccessDeniedException ex) {
			throw new MisconfigurationException(where + " cannot be read by this user. Check its permissions.", ex);
		}
		catch (IOException ex) {
			if (ex.getCause() instanceof UnrecoverableKeyException) {
				throw new MisconfigurationException(where
						+ " cannot be opened with the configured password. Check CERT_KEYSTORE_PASSWORD (app.certificates.keystore-password).",
						ex);
			}
			throw new MisconfigurationException(where
					+ " cannot be read as a PKCS#12 keystore (or the password is wrong). Check CERT_KEYSTORE and CERT_KEYSTORE_PASSWORD.",
					ex);
		}
		catch (GeneralSecurityException ex) {
			throw new MisconfigurationException(where + " cannot be read as a PKCS#12 keystore: " + ex.getMessage(),
					ex);
		}
		try {
			String entry = alias != null && !alias.isBlank() ? alias.strip() : onlyKeyAlias(store, where);
			if (!store.isKeyEntry(entry)) {
				throw new MisconfigurationException(where + " has no private key under the alias \"" + entry
						+ "\". Check CERT_KEY_ALIAS (app.certificates.key-alias).");
			}
			PrivateKey key = (PrivateKey) store.getKey(entry, password.toCharArray());
			List<X509Certificate> chain = new ArrayList<>();
			for (Certificate c : store.getCertificateChain(entry)) {
				chain.add((X509Certificate) c);
			}
			if (!List.of("EC", "RSA").contains(key.getAlgorithm())) {
				throw new MisconfigurationException(where + " holds a " + key.getAlgorithm()
						+ " key; certificates are signed with an EC (P-256) or RSA key.");
			}
			return new Loaded(key, chain, List.of());
		}
		catch (GeneralSecurityException ex) {
			throw new MisconfigurationException(
					where + " has a key that cannot be read with the keystore password. Check CERT_KEYSTORE_PASSWORD.",
					ex);
		}
	}

	private static String onlyKeyAlias(KeyStore store, String where) throws GeneralSecurityException {
		List<String> keys = new ArrayList<>();
		for (String alias : Collections.list(store.aliases())) {
			if (store.isKeyEntry(alias)) {
				keys.add(alias);
			}
		}
		if (keys.size() != 1) {
			throw new MisconfigurationException(where + " holds " + keys.size()
					+ " private keys. Name the one to sign with in CERT_KEY_ALIAS (app.certificates.key-alias).");
		}
		return keys.getFirst();
	}

	/**
	 * The keys of a fresh install: the signing keystore in {@code folder}, created with a
	 * new academy root CA (in a keystore of its own, so that it can be moved offline) the
	 * first time.
	 */
	static synchronized Loaded loadOrGenerate(Path folder, String issuerName) {
		Path signing = folder.resolve(SIGNING_STORE);
		try {
			if (!Files.exists(signing)) {
				generate(folder, issuerName);
			}
			String password = Files.readString(folder.resolve(SIGNING_STORE + PASSWORD_SUFFIX), StandardCharsets.UTF_8)
				.strip();
			return fromKeystore(signing, password, SIGNING_ALIAS);
		}
		catch (IOException ex) {
			throw new MisconfigurationException("The academy's certificate signing keys in " + folder
					+ " cannot be read or created (" + ex + "). Check DATA_DIR and the folder's permissions.", ex);
		}
	}

	private static void generate(Path folder, String issuerName) throws IOException {
		createOwnerOnlyFolder(folder);
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
			KeyPair rootKeys = generator.generateKeyPair();
			KeyPair signingKeys = generator.generateKeyPair();
			Instant now = Instant.now();
			X500Name rootName = name(issuerName + " Root CA", issuerName);
			X500Name signingName = name(issuerName + " Certificate Signing", issuerName);
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();

			X509v3CertificateBuilder root = new JcaX509v3CertificateBuilder(rootName, serial(),
					Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(ROOT_VALIDITY)), rootName,
					rootKeys.getPublic());
			root.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
			root.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			root.addExtension(Extension.subjectKeyIdentifier, false,
					extensions.createSubjectKeyIdentifier(rootKeys.getPublic()));
			X509Certificate rootCertificate = sign(root, rootKeys.getPrivate());

			X509v3CertificateBuilder leaf = new JcaX509v3CertificateBuilder(rootCertificate, serial(),
					Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(SIGNING_VALIDITY)), signingName,
					signingKeys.getPublic());
			leaf.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			leaf.addExtension(Extension.keyUsage, true,
					new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
			leaf.addExtension(Extension.subjectKeyIdentifier, false,
					extensions.createSubjectKeyIdentifier(signingKeys.getPublic()));
			leaf.addExtension(Extension.authorityKeyIdentifier, false,
					extensions.createAuthorityKeyIdentifier(rootCertificate));
			X509Certificate signingCertificate = sign(leaf, rootKeys.getPrivate());

			// The root first: a folder with a signing keystore is complete.
			store(folder, ROOT_STORE, ROOT_ALIAS, rootKeys.getPrivate(), List.of(rootCertificate));
			store(folder, SIGNING_STORE, SIGNING_ALIAS, signingKeys.getPrivate(),
					List.of(signingCertificate, rootCertificate));
			// The public certificates, to hand to whoever checks the academy's files.
			writePublic(folder.resolve("root.pem"), pem(rootCertificate));
			writePublic(folder.resolve("signing.pem"), pem(signingCertificate));
		}
		catch (GeneralSecurityException | OperatorCreationException | CertIOException ex) {
			throw new IllegalStateException("Cannot generate the academy's keys", ex);
		}
	}

	private static X500Name name(String commonName, String organisation) {
		// Most significant first, as in any CA's certificates: viewers show "CN=…, O=…".
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, organisation)
			.addRDN(BCStyle.CN, commonName)
			.build();
	}

	private static BigInteger serial() {
		return new BigInteger(127, RANDOM).add(BigInteger.ONE);
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
			throws OperatorCreationException, GeneralSecurityException {
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
	}

	/** A PKCS#12 keystore and, beside it, its random password: both owner-only. */
	private static void store(Path folder, String fileName, String alias, PrivateKey key, List<X509Certificate> chain)
			throws IOException, GeneralSecurityException {
		byte[] secret = new byte[24];
		RANDOM.nextBytes(secret);
		char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry(alias, key, password, chain.toArray(new X509Certificate[0]));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		store.store(bytes, password);
		writeOwnerOnly(folder.resolve(fileName + PASSWORD_SUFFIX),
				(new String(password) + "\n").getBytes(StandardCharsets.UTF_8));
		writeOwnerOnly(folder.resolve(fileName), bytes.toByteArray());
	}

	private static String pem(X509Certificate certificate) throws GeneralSecurityException {
		return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
	}

	private static void createOwnerOnlyFolder(Path folder) throws IOException {
		if (Files.isDirectory(folder)) {
			return;
		}
		Files.createDirectories(folder.getParent());
		try {
			Files.createDirectory(folder, ownerOnly("rwx------"));
		}
		catch (FileAlreadyExistsException raced) {
			// Another start made it: fine.
		}
	}

	/** Written under a temporary name and moved, so no reader sees half a file. */
	private static void writeOwnerOnly(Path target, byte[] bytes) throws IOException {
		Path temporary = Files.createTempFile(target.getParent(), ".new-", ".tmp", ownerOnly("rw-------"));
		try {
			Files.write(temporary, bytes);
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static void writePublic(Path target, String text) throws IOException {
		Files.writeString(target, text, StandardCharsets.US_ASCII);
	}

	private static FileAttribute<?>[] ownerOnly(String permissions) {
		// Windows has no POSIX permissions: a user's own folder is private there anyway.
		return Path.of("").getFileSystem().supportedFileAttributeViews().contains("posix")
				? new FileAttribute<?>[] {
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)) }
				: new FileAttribute<?>[0];
	}

	/**
	 * Earlier signing certificates (PEM or DER files) still trusted: an operator who
	 * replaces the signing key moves the old certificate here.
	 */
	static List<X509Certificate> previousCertificates(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		List<X509Certificate> found = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.{pem,crt,cer}")) {
			CertificateFactory factory = CertificateFactory.getInstance("X.509");
			for (Path file : files) {
				try (InputStream in = Files.newInputStream(file)) {
					for (Certificate c : factory.generateCertificates(in)) {
						found.add((X509Certificate) c);
					}
				}
				catch (GeneralSecurityException ex) {
					throw new MisconfigurationException(
							"The earlier signing certificate " + file + " is not a PEM or DER X.509 certificate.", ex);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		return found;
	}

}
