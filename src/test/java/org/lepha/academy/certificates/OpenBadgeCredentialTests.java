package org.lepha.academy.certificates;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.HttpResponses;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.certificates.internal.AcademyKeys;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Module;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Open Badges 3.0 credential of a certificate, over real HTTP: it verifies against
 * the JWKS the server publishes and fails once altered; its status check is live
 * (revocation shows there, on the page and in the JSON); only its holder and those who
 * manage the certificate get it; an uploaded credential is checked against the record.
 */
@IntegrationTest
class OpenBadgeCredentialTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ApplicationContext context;

	@Autowired
	CertificateService certificates;

	@Autowired
	ContentCatalog content;

	@Autowired
	AcademyKeys keys;

	@LocalServerPort
	int port;

	AcademyFixture fixtures;

	UserAccount trainer;

	UserAccount cadet;

	Certificate certificate;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void aCadetWithAModuleCertificate() {
		this.fixtures = new AcademyFixture(this.context);
		Academy academy = this.fixtures.academy();
		this.trainer = this.fixtures.user(Role.TRAINER, academy, "Amina Karimova");
		this.cadet = this.fixtures.user(Role.CADET, academy, "Farid Ahmadi");
		CohortSummary cohort = this.fixtures.cohort(academy, this.trainer);
		this.fixtures.enrol(cohort, this.cadet);
		this.fixtures.assignTheModule(cohort);
		this.fixtures.signInAs(this.cadet);
		this.fixtures.completeTheModule();
		this.certificate = this.certificates.myCertificates()
			.stream()
			.filter((c) -> c.kind() == Certificate.Kind.MODULE)
			.findFirst()
			.orElseThrow();
	}

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	@Test
	void theCredentialIsAnOpenBadgeSignedWithAKeyFromThePublishedJwks() throws Exception {
		CredentialFile file = this.certificates.credential(this.certificate.id());
		assertThat(file.mediaType()).isEqualTo("application/vc+jwt");
		assertThat(file.fileName()).endsWith(".jwt").contains(this.certificate.serial());

		HttpResponse<String> jwksResponse = get("/.well-known/jwks.json");
		assertThat(jwksResponse.statusCode()).isEqualTo(200);
		assertThat(jwksResponse.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/jwk-set+json"));
		JWKSet jwks = JWKSet.parse(jwksResponse.body());
		assertThat(jwks.getKeys()).isNotEmpty().allSatisfy((key) -> {
			assertThat(key.isPrivate()).as("only public keys are published").isFalse();
			assertThat(key.getX509CertChain()).isNotEmpty();
		});
		assertThat(jwksResponse.body()).doesNotContain("\"d\"");

		SignedJWT jwt = SignedJWT.parse(file.jwt());
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
		assertThat(jwt.getHeader().getKeyID()).isEqualTo(this.keys.keyId());
		JWK key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(key).as("the credential's kid is in the JWKS").isNotNull();
		assertThat(jwt.verify(new ECDSAVerifier((ECKey) key))).isTrue();

		JsonNode vc = JSON.readTree(jwt.getPayload().toString());
		String id = "http://localhost:8080/verify/" + this.certificate.code();
		assertThat(vc.get("type").toString()).contains("VerifiableCredential", "OpenBadgeCredential");
		assertThat(vc.get("@context").get(0).asText()).isEqualTo("https://www.w3.org/ns/credentials/v2");
		assertThat(vc.get("id").asText()).isEqualTo(id);
		assertThat(vc.get("jti").asText()).isEqualTo(id);
		assertThat(vc.get("iss").asText()).isEqualTo(vc.get("issuer").get("id").asText());
		assertThat(vc.get("issuer").get("name").asText()).isEqualTo(this.certificate.academyName());
		assertThat(vc.get("nbf").asLong()).isEqualTo(this.certificate.issuedAt().getEpochSecond());
		assertThat(vc.get("validFrom").asText()).startsWith(LocalDate.now().getYear() + "-");
		JsonNode subject = vc.get("credentialSubject");
		assertThat(subject.get("type").toString()).contains("AchievementSubject");
		JsonNode identity = subject.get("identifier").get(0);
		assertThat(identity.get("hashed").asBoolean()).isTrue();
		assertThat(identity.get("identityHash").asText())
			.isEqualTo("sha256$" + sha256Hex("Farid Ahmadi" + identity.get("salt").asText()));
		assertThat(file.jwt()).as("the name is only hashed").doesNotContain(b64("Farid"));
		assertThat(jwt.getPayload().toString()).doesNotContain("Farid");
		JsonNode achievement = subject.get("achievement");
		assertThat(achievement.get("name").asText()).isEqualTo(this.certificates.verify(this.certificate.code())
			.documents()
			.stream()
			.filter((d) -> d.language().equals("en"))
			.findFirst()
			.orElseThrow()
			.title());
		assertThat(achievement.get("inLanguage").asText()).isEqualTo("en");
		Module module = this.content.module(AcademyFixture.MODULE).orElseThrow();
		String narrative = achievement.get("criteria").get("narrative").asText();
		assertThat(module.objectives()).isNotEmpty()
			.allSatisfy((objective) -> assertThat(narrative)
				.contains(this.content.resolve(module.id(), objective.text(), Locale.ENGLISH).text()));
		assertThat(vc.get("credentialStatus").get("type").asText()).isEqualTo("1EdTechRevocationList");

		// Altered: the payload says something else, the signature stays.
		String[] parts = file.jwt().split("\\.");
		String forgedPayload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(
					jwt.getPayload().toString().replace("\"nbf\":", "\"nbf\":1").getBytes(StandardCharsets.UTF_8));
		SignedJWT altered = SignedJWT.parse(parts[0] + "." + forgedPayload + "." + parts[2]);
		assertThat(altered.verify(new ECDSAVerifier((ECKey) key))).isFalse();

		// The same checks by the server, for a credential uploaded to it.
		JsonNode genuine = uploadJson(file.jwt().getBytes(StandardCharsets.US_ASCII), "credential.jwt");
		assertThat(genuine.get("format").asText()).isEqualTo("CREDENTIAL");
		assertThat(genuine.get("signature").asText()).isEqualTo("ACADEMY");
		assertThat(genuine.get("matchesRecord").asBoolean()).isTrue();
		assertThat(genuine.get("status").asText()).isEqualTo("VALID");
		assertThat(genuine.get("confirmed").asBoolean()).isTrue();
		JsonNode forged = uploadJson(altered.serialize().getBytes(StandardCharsets.US_ASCII), "credential.jwt");
		assertThat(forged.get("signature").asText()).isEqualTo("ALTERED");
		assertThat(forged.get("confirmed").asBoolean()).isFalse();
	}

	@Test
	void revocationShowsOnThePageInTheJsonAndInTheCredentialStatus() throws Exception {
		String jwt = this.certificates.credential(this.certificate.id()).jwt();
		String statusUrl = JSON.readTree(SignedJWT.parse(jwt).getPayload().toString())
			.get("credentialStatus")
			.get("id")
			.asText();
		String statusPath = URI.create(statusUrl).getPath();
		assertThat(statusPath).isEqualTo("/api/certificates/" + this.certificate.code() + "/status");
		JsonNode before = JSON.readTree(get(statusPath).body());
		assertThat(before.get("status").asText()).isEqualTo("VALID");
		assertThat(before.get("revokedCredentials")).isEmpty();

		this.fixtures.signInAs(this.trainer);
		this.certificates.revoke(this.certificate.id(), "Exam irregularity");

		JsonNode after = JSON.readTree(get(statusPath).body());
		assertThat(after.get("status").asText()).isEqualTo("REVOKED");
		assertThat(after.get("revokedCredentials").get(0).get("id").asText())
			.isEqualTo("http://localhost:8080/verify/" + this.certificate.code());
		assertThat(after.get("revokedCredentials").get(0).get("revocationReason").asText())
			.isEqualTo("Exam irregularity");
		assertThat(get("/verify/" + this.certificate.code() + "?lang=en").body()).contains("Revoked certificate");
		assertThat(JSON.readTree(get("/api/certificates/" + this.certificate.code()).body()).get("status").asText())
			.isEqualTo("REVOKED");
		// A credential downloaded before still verifies, but says REVOKED when checked.
		JsonNode upload = uploadJson(jwt.getBytes(StandardCharsets.US_ASCII), "credential.jwt");
		assertThat(upload.get("signature").asText()).isEqualTo("ACADEMY");
		assertThat(upload.get("status").asText()).isEqualTo("REVOKED");
		assertThat(upload.get("confirmed").asBoolean()).isFalse();
		assertThat(get("/api/certificates/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/status").statusCode()).isEqualTo(404);
	}

	@Test
	void onlyTheHolderAndThoseWhoManageTheCertificateGetTheCredential() throws Exception {
		this.fixtures.signInAs(this.trainer);
		assertThat(this.certificates.credential(this.certificate.code()).jwt()).isNotBlank();
		UserAccount other = this.fixtures.user(Role.CADET, this.fixtures.academy(), "Other Cadet");
		this.fixtures.signInAs(other);
		assertThatThrownBy(() -> this.certificates.credential(this.certificate.id()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.certificates.credential(this.certificate.code()))
			.isInstanceOf(AccessDeniedException.class);
		AcademyFixture.signOut();

		// Over HTTP without signing in: the link on the verification page leads to the
		// sign-in page, never to the file.
		HttpResponse<String> anonymous = get("/api/certificates/" + this.certificate.code() + "/credential");
		assertThat(anonymous.statusCode()).isIn(302, 401, 403);
		assertThat(anonymous.body()).doesNotContain("eyJ");
		assertThat(HttpResponses.location(anonymous)).satisfiesAnyOf((l) -> assertThat(l).contains("/login"),
				(l) -> assertThat(l).isEmpty());
		assertThat(get("/verify/" + this.certificate.code()).body())
			.contains("/api/certificates/" + this.certificate.code() + "/credential");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("X-Forwarded-For", HttpResponses.randomAddress())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode uploadJson(byte[] file, String name) throws IOException, InterruptedException {
		HttpResponse<String> response = UploadRequests.post(this.http, this.port, "/api/certificates/verify", file,
				name);
		return JSON.readTree(response.body());
	}

	private static String sha256Hex(String text) throws Exception {
		return java.util.HexFormat.of()
			.formatHex(
					java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static String b64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
