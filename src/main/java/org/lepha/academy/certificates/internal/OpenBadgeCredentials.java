package org.lepha.academy.certificates.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.PrivateKey;
import java.text.Normalizer;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.certificates.Certificate;
import org.lepha.academy.certificates.CertificateProperties;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.Objective;

import org.springframework.stereotype.Component;

/**
 * A certificate as an Open Badges 3.0 {@code OpenBadgeCredential} (W3C Verifiable
 * Credentials Data Model 2.0), secured as a JWT with the academy's signing key (ES256;
 * RS256 should a ministry's keystore hold an RSA key), following OB 3.0's JSON Web Token
 * proof format: the credential's members are the JWT claims set (no {@code vc} wrapper),
 * with {@code iss} = {@code issuer.id}, {@code jti} = {@code id} and {@code nbf} =
 * {@code validFrom}; there is no {@code sub} because the subject has no {@code id} (it is
 * identified by a salted hash of the name) and no {@code exp} (certificates do not
 * expire; revocation is live, see {@code credentialStatus}). Made on demand from the
 * stored record, so nothing more is kept and a credential can always be downloaded again.
 */
@Component
public class OpenBadgeCredentials {

	/** The media type of a VC secured as a JWT (W3C VC-JOSE-COSE). */
	public static final String MEDIA_TYPE = "application/vc+jwt";

	static final String STATUS_TYPE = "1EdTechRevocationList";

	private static final List<String> CONTEXT = List.of("https://www.w3.org/ns/credentials/v2",
			"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");

	private final AcademyKeys keys;

	private final CertificateProperties properties;

	private final CertificateRepository certificates;

	private final CertificateIssuer issuer;

	private final ContentCatalog content;

	private final UiTranslationProvider translations;

	OpenBadgeCredentials(AcademyKeys keys, CertificateProperties properties, CertificateRepository certificates,
			CertificateIssuer issuer, ContentCatalog content, UiTranslationProvider translations) {
		this.keys = keys;
		this.properties = properties;
		this.certificates = certificates;
		this.issuer = issuer;
		this.content = content;
		this.translations = translations;
	}

	/** The signed credential, compact JWT serialization. */
	public String signed(Certificate certificate) {
		try {
			PrivateKey key = this.keys.signingKey();
			boolean rsa = "RSA".equals(key.getAlgorithm());
			JWSHeader header = new JWSHeader.Builder(rsa ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256)
				.type(JOSEObjectType.JWT)
				.keyID(this.keys.keyId())
				.build();
			SignedJWT jwt = new SignedJWT(header, JWTClaimsSet.parse(claims(certificate)));
			jwt.sign(rsa ? new RSASSASigner(key) : new ECDSASigner((ECPrivateKey) key));
			return jwt.serialize();
		}
		catch (JOSEException | java.text.ParseException ex) {
			throw new IllegalStateException("The credential could not be signed", ex);
		}
	}

	/**
	 * The one algorithm a published key is used with: ES256 for the EC P-256 keys the
	 * academy generates, RS256 for an RSA key from a ministry's keystore. A credential
	 * naming any other algorithm for the key is refused (no algorithm confusion).
	 */
	static JWSAlgorithm algorithmFor(JWK key) {
		return key instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
	}

	/** The credential with the JWT registered claims: the JWT's payload. */
	Map<String, Object> claims(Certificate c) {
		Map<String, Object> credential = new LinkedHashMap<>();
		String id = this.properties.verificationUrl(c.code());
		credential.put("@context", CONTEXT);
		credential.put("id", id);
		credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
		Locale language = c.language();
		String title = title(c, language);
		credential.put("name", title);
		credential.put("issuer", issuerProfile(c));
		credential.put("validFrom", c.issuedAt().truncatedTo(ChronoUnit.SECONDS).toString());
		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("type", List.of("AchievementSubject"));
		subject.put("identifier", List.of(identity(c)));
		subject.put("achievement", achievement(c, title, language));
		credential.put("credentialSubject", subject);
		credential.put("credentialStatus", Map.of("id", statusUrl(c.code()), "type", STATUS_TYPE));
		credential.put("credentialSchema",
				List.of(Map.of("id",
						"https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
						"type", "1EdTechJsonSchemaValidator2019")));
		credential.put("iss", this.properties.publicUrl());
		credential.put("jti", id);
		credential.put("nbf", c.issuedAt().getEpochSecond());
		return credential;
	}

	/**
	 * Whether a verified credential says what the record says: the same certificate,
	 * issuer, date, holder and achievement (the wording of titles may have changed since,
	 * those are not compared).
	 */
	boolean matches(Certificate c, Map<String, Object> presented) {
		Map<String, Object> expected = claims(c);
		for (String claim : List.of("id", "jti", "iss", "nbf", "validFrom")) {
			if (!String.valueOf(expected.get(claim)).equals(String.valueOf(presented.get(claim)))) {
				return false;
			}
		}
		Object issuerId = presented.get("issuer") instanceof Map<?, ?> m ? m.get("id") : null;
		if (!this.properties.publicUrl().equals(issuerId)) {
			return false;
		}
		if (!(presented.get("credentialSubject") instanceof Map<?, ?> subject)) {
			return false;
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> expectedSubject = (Map<String, Object>) expected.get("credentialSubject");
		Object achievementId = subject.get("achievement") instanceof Map<?, ?> a ? a.get("id") : null;
		@SuppressWarnings("unchecked")
		Object expectedAchievementId = ((Map<String, Object>) expectedSubject.get("achievement")).get("id");
		return expectedAchievementId.equals(achievementId)
				&& expectedSubject.get("identifier").equals(subject.get("identifier"));
	}

	/** The live status check a credential points to (a one-entry revocation list). */
	String statusUrl(String code) {
		return this.properties.publicUrl() + "/api/certificates/" + code + "/status";
	}

	/**
	 * The academy's published signing keys as a JWK set, each with its certificate chain
	 * ({@code x5c}) so that a verifier can also check it against the academy root.
	 */
	public JWKSet publicKeys() {
		List<JWK> jwks = new ArrayList<>();
		X509Certificate root = this.keys.rootCertificate();
		for (X509Certificate certificate : this.keys.publishedSigningCertificates()) {
			try {
				List<Base64> chain = new ArrayList<>();
				chain.add(Base64.encode(certificate.getEncoded()));
				if (!certificate.equals(root)) {
					chain.add(Base64.encode(root.getEncoded()));
				}
				Map<String, Object> key = new LinkedHashMap<>(JWK.parse(certificate).toPublicJWK().toJSONObject());
				key.put("kid", AcademyKeys.keyIdOf(certificate));
				key.put("use", KeyUse.SIGNATURE.identifier());
				key.put("x5c", chain.stream().map(Base64::toString).toList());
				JWK jwk = JWK.parse(key);
				key.put("alg", algorithmFor(jwk).getName());
				jwks.add(JWK.parse(key));
			}
			catch (CertificateEncodingException | JOSEException | java.text.ParseException ex) {
				throw new IllegalStateException("A signing certificate cannot be published", ex);
			}
		}
		return new JWKSet(jwks);
	}

	private Map<String, Object> issuerProfile(Certificate c) {
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("id", this.properties.publicUrl());
		profile.put("type", List.of("Profile"));
		profile.put("name", c.academyName());
		profile.put("url", this.properties.publicUrl());
		return profile;
	}

	/**
	 * The holder as a salted SHA-256 of the name, not the name itself: a credential is
	 * meant to be passed on (wallets, e-mail, an employer's system) and its copies are
	 * out of the academy's hands, while a police cadet's name next to a drug-policy
	 * course may put them at risk. Whoever checks it compares it with the name on an
	 * identity document. The salt is derived from the certificate's code, so it differs
	 * for every credential and the claim can be recomputed from the record.
	 */
	private static Map<String, Object> identity(Certificate c) {
		String salt = HexFormat.of().formatHex(sha256("salt:" + c.code())).substring(0, 32);
		String name = Normalizer.normalize(c.cadetName().strip(), Normalizer.Form.NFC);
		Map<String, Object> identity = new LinkedHashMap<>();
		identity.put("type", "IdentityObject");
		identity.put("identityHash", "sha256$" + HexFormat.of().formatHex(sha256(name + salt)));
		identity.put("identityType", "name");
		identity.put("hashed", true);
		identity.put("salt", salt);
		return identity;
	}

	private Map<String, Object> achievement(Certificate c, String title, Locale language) {
		Map<String, Object> achievement = new LinkedHashMap<>();
		boolean programme = c.kind() == Certificate.Kind.PROGRAMME;
		achievement.put("id",
				this.properties.publicUrl() + "/achievements/" + (programme ? "programme/" : "module/") + c.subject());
		achievement.put("type", List.of("Achievement"));
		achievement.put("achievementType", "Certificate");
		achievement.put("name", title);
		achievement.put("description",
				t(programme ? "badge.achievement.programme.description" : "badge.achievement.module.description",
						language, title, c.academyName()));
		StringBuilder narrative = new StringBuilder(
				t(programme ? "badge.achievement.programme.criteria" : "badge.achievement.module.criteria", language,
						c.cohortName()));
		Module module = programme ? null : this.content.module(c.subject()).orElse(null);
		if (module != null) {
			for (Objective objective : module.objectives()) {
				narrative.append("\n- ").append(this.content.resolve(module.id(), objective.text(), language).text());
			}
		}
		achievement.put("criteria", Map.of("narrative", narrative.toString()));
		achievement.put("inLanguage", language.toLanguageTag());
		return achievement;
	}

	/** The title printed on the certificate in its language. */
	private String title(Certificate c, Locale language) {
		return this.certificates.documents(c.id())
			.stream()
			.filter((d) -> d.language().equals(language.toLanguageTag()))
			.map((d) -> d.title())
			.findFirst()
			.orElseGet(() -> this.issuer.title(c, language, null));
	}

	private String t(String key, Locale locale, Object... params) {
		return this.translations.getTranslation(key, locale, params);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
