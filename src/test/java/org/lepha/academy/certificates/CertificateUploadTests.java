package org.lepha.academy.certificates;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.HttpResponses;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.certificates.internal.AcademyKeys;
import org.lepha.academy.certificates.internal.CertificateSigner;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A certificate PDF uploaded to the verification page and to its JSON form, over real
 * HTTP: the genuine file is confirmed (in Dari too); one changed byte, another signer,
 * garbage, an empty or an oversized upload each get their own clear verdict, never a
 * server error.
 */
@IntegrationTest
class CertificateUploadTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ApplicationContext context;

	@Autowired
	CertificateService certificates;

	@Autowired
	UiTranslationProvider translations;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	AcademyFixture fixtures;

	Certificate certificate;

	byte[] genuine;

	@BeforeEach
	void aCadetWithAModuleCertificate() {
		this.fixtures = new AcademyFixture(this.context);
		Academy academy = this.fixtures.academy();
		UserAccount trainer = this.fixtures.user(Role.TRAINER, academy, "Amina Karimova");
		UserAccount cadet = this.fixtures.user(Role.CADET, academy, "Farid Ahmadi");
		CohortSummary cohort = this.fixtures.cohort(academy, trainer);
		this.fixtures.enrol(cohort, cadet);
		this.fixtures.assignTheModule(cohort);
		this.fixtures.signInAs(cadet);
		this.fixtures.completeTheModule();
		this.certificate = this.certificates.myCertificates()
			.stream()
			.filter((c) -> c.kind() == Certificate.Kind.MODULE)
			.findFirst()
			.orElseThrow();
		this.genuine = this.certificates.download(this.certificate.id(), Locale.forLanguageTag("fa-AF")).pdf();
		AcademyFixture.signOut();
	}

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	@Test
	void theGenuinePdfIsConfirmedOnThePageAndInTheJson() throws Exception {
		JsonNode json = uploadJson(this.genuine);
		assertThat(json.get("format").asText()).isEqualTo("PDF");
		assertThat(json.get("signature").asText()).isEqualTo("ACADEMY");
		assertThat(json.get("matchesRecord").asBoolean()).isTrue();
		assertThat(json.get("status").asText()).isEqualTo("VALID");
		assertThat(json.get("confirmed").asBoolean()).isTrue();
		assertThat(json.get("serial").asText()).isEqualTo(this.certificate.serial());

		HttpResponse<String> page = UploadRequests.post(this.http, this.port, "/verify/upload?lang=fa-AF", this.genuine,
				"certificate.pdf");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("dir=\"rtl\"", "data-confirmed=\"true\"", dari("badge.result.confirmed"),
				dari("badge.signature.ACADEMY"), dari("badge.record.match"), this.certificate.serial(), "Farid Ahmadi");
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'none'", "form-action 'self'"));
	}

	@Test
	void oneChangedByteIsReportedAsAltered() throws Exception {
		byte[] altered = this.genuine.clone();
		int at = middleOfTheLargestStream(altered);
		altered[at] ^= 0x01;
		JsonNode json = uploadJson(altered);
		assertThat(json.get("signature").asText()).isEqualTo("ALTERED");
		assertThat(json.get("matchesRecord").asBoolean()).isFalse();
		assertThat(json.get("confirmed").asBoolean()).isFalse();
		assertThat(
				UploadRequests.post(this.http, this.port, "/verify/upload?lang=en", altered, "certificate.pdf").body())
			.contains("data-confirmed=\"false\"", "The file was changed after it was signed");
	}

	@Test
	void aPdfSignedWithAnotherKeyIsNotTheAcademys(@TempDir Path folder) throws Exception {
		AcademyKeys forger = AcademyKeys.inFolder(folder, "Forged Academy");
		byte[] forged = new CertificateSigner(forger, this.translations, Clock.systemUTC()).sign(this.genuine,
				Locale.ENGLISH, this.certificate.serial(), this.certificate.code());
		JsonNode json = uploadJson(forged);
		assertThat(json.get("signature").asText()).isEqualTo("OTHER_SIGNER");
		assertThat(json.get("matchesRecord").asBoolean()).isFalse();
		assertThat(json.get("confirmed").asBoolean()).isFalse();
	}

	@Test
	void garbageEmptyAndOversizedUploadsGetAClearVerdict() throws Exception {
		byte[] garbage = "%PDF-1.7 this is not really a PDF".getBytes(StandardCharsets.US_ASCII);
		for (byte[] file : new byte[][] { garbage, "hello".getBytes(StandardCharsets.US_ASCII),
				"a.b.c".getBytes(StandardCharsets.US_ASCII) }) {
			HttpResponse<String> json = UploadRequests.post(this.http, this.port, "/api/certificates/verify", file,
					"x.pdf");
			assertThat(json.statusCode()).isEqualTo(422);
			assertThat(JSON.readTree(json.body()).get("format").asText()).isEqualTo("UNREADABLE");
		}
		HttpResponse<String> page = UploadRequests.post(this.http, this.port, "/verify/upload?lang=ru", garbage,
				"x.pdf");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body())
			.contains(this.translations.getTranslation("badge.format.UNREADABLE", Locale.forLanguageTag("ru")));

		HttpResponse<String> empty = UploadRequests.post(this.http, this.port, "/verify/upload?lang=en", new byte[0],
				"");
		assertThat(empty.body()).contains("No file was chosen");

		byte[] large = new byte[UploadCheck.MAX_BYTES + 1];
		System.arraycopy(this.genuine, 0, large, 0, this.genuine.length);
		HttpResponse<String> tooLarge = UploadRequests.post(this.http, this.port, "/verify/upload?lang=fa-AF", large,
				"big.pdf");
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(tooLarge.body()).contains(dari("badge.format.TOO_LARGE"));
		byte[] huge = new byte[11 * 1024 * 1024];
		HttpResponse<String> overTheServletLimit = UploadRequests.post(this.http, this.port, "/api/certificates/verify",
				huge, "huge.pdf");
		// Over the servlet's own limit the request is refused before the application
		// sees it: a plain 413, no stack trace, and the server goes on serving.
		assertThat(overTheServletLimit.statusCode()).isEqualTo(413);
		assertThat(overTheServletLimit.body()).doesNotContain("Exception", "at org.");
		assertThat(uploadJsonStatus(this.genuine)).isEqualTo(200);
	}

	@Test
	void theVerificationPageOffersTheUploadWithoutACode() throws Exception {
		HttpResponse<String> page = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/verify?lang=fa-AF"))
				.header("X-Forwarded-For", HttpResponses.randomAddress())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body())
			.contains("enctype=\"multipart/form-data\"", "action=\"/verify/upload?lang=fa-AF\"",
					dari("badge.upload.heading"))
			.doesNotContain("<script");
	}

	private int uploadJsonStatus(byte[] file) throws Exception {
		return UploadRequests.post(this.http, this.port, "/api/certificates/verify", file, "certificate.pdf")
			.statusCode();
	}

	private JsonNode uploadJson(byte[] file) throws Exception {
		HttpResponse<String> response = UploadRequests.post(this.http, this.port, "/api/certificates/verify", file,
				"certificate.pdf");
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private String dari(String key) {
		return org.springframework.web.util.HtmlUtils
			.htmlEscape(this.translations.getTranslation(key, Locale.forLanguageTag("fa-AF")), "UTF-8");
	}

	/**
	 * A byte inside the largest stream (the embedded font): covered by the signature, yet
	 * the file still opens, so the change can only be seen by checking the signature.
	 */
	private static int middleOfTheLargestStream(byte[] pdf) {
		String text = new String(pdf, StandardCharsets.ISO_8859_1);
		Matcher streams = Pattern.compile("stream\r?\n").matcher(text);
		int bestStart = -1;
		int bestLength = 0;
		while (streams.find()) {
			int start = streams.end();
			int end = text.indexOf("endstream", start);
			if (end > start && end - start > bestLength) {
				bestStart = start;
				bestLength = end - start;
			}
		}
		assertThat(bestStart).isPositive();
		assertThat(Arrays.copyOfRange(pdf, 0, 5)).isEqualTo("%PDF-".getBytes(StandardCharsets.US_ASCII));
		return bestStart + bestLength / 2;
	}

}
