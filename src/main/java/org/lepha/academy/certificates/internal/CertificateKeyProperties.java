package org.lepha.academy.certificates.internal;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.certificates.*} about the academy's signing key (README, "Configuration"): a
 * PKCS#12 keystore in production, or nothing, and a key pair generated into the data
 * folder on the first start.
 *
 * @param keystore the PKCS#12 file ({@code CERT_KEYSTORE}); empty: the generated keys
 * @param keystorePassword its password ({@code CERT_KEYSTORE_PASSWORD})
 * @param keyAlias the entry to sign with; empty: the keystore's only private key
 * @param issuerName the academy's name in the generated certificates' subjects
 * @param previousCertificates a folder of earlier signing certificates (PEM) still
 * trusted; empty: {@code <data folder>/keys/previous}
 */
@ConfigurationProperties("app.certificates")
record CertificateKeyProperties(@Nullable String keystore, @Nullable String keystorePassword, @Nullable String keyAlias,
		@Nullable String issuerName, @Nullable String previousCertificates) {

	CertificateKeyProperties {
		issuerName = issuerName == null || issuerName.isBlank() ? "LEPHA Academy" : issuerName.strip();
	}

	boolean hasKeystore() {
		return keystore != null && !keystore.isBlank();
	}

}
