package org.lepha.academy.certificates;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.audit.AuditAction;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.learning.LearningService;
import org.lepha.academy.learning.ModuleCompleted;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Certificates on the real database and over real HTTP: issued once when a module is
 * completed (also under concurrent completion events), the programme certificate, the
 * same code in every language, verification, revocation, re-issue, forged codes and the
 * access rules.
 */
@IntegrationTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "app.certificates.verifications-per-minute=40" })
class CertificateServiceTests {

	@Autowired
	ApplicationContext context;

	private static final String MODULE = "example-module";

	@Autowired
	CertificateService certificates;

	@Autowired
	LearningService learning;

	@Autowired
	CohortService cohorts;

	@Autowired
	UserAccountService accounts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	AcademyFixture fixtures;

	UserAccount trainer;

	UserAccount cadet;

	CohortSummary cohort;

	@BeforeEach
	void cadetInACohortWithTheModuleAssigned() {
		fixtures = new AcademyFixture(context);
		Academy academy = fixtures.academy();
		trainer = fixtures.user(Role.TRAINER, academy, "Amina Karimova");
		cadet = fixtures.user(Role.CADET, academy, "Зарина Ахмедова");
		cohort = fixtures.cohort(academy, trainer);
		SystemAccess.asAdministrator(() -> {
			cohorts.enrol(cohort.id(), cadet.id());
			cohorts.assign(cohort.id(), MODULE, LocalDate.now().plusDays(7));
			return null;
		});
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void completingTheModuleIssuesOneModuleAndOneProgrammeCertificateWithTheSameCodeInEveryLanguage() throws Exception {
		fixtures.signInAs(cadet);
		fixtures.completeTheModule();

		List<Certificate> mine = certificates.myCertificates();
		assertThat(mine).extracting(Certificate::kind)
			.containsExactlyInAnyOrder(Certificate.Kind.MODULE, Certificate.Kind.PROGRAMME);
		Certificate module = mine.stream().filter((c) -> c.kind() == Certificate.Kind.MODULE).findFirst().orElseThrow();
		assertThat(module.code()).matches("[a-z2-7]{32}");
		assertThat(module.cadetName()).isEqualTo("Зарина Ахмедова");
		assertThat(module.cohortName()).isEqualTo(cohort.name());
		assertThat(module.signatoryName()).isEqualTo("Amina Karimova");

		Verification verification = certificates.verify(module.code());
		assertThat(verification.status()).isEqualTo(Verification.Status.VALID);
		assertThat(verification.documents()).extracting(Verification.IssuedDocument::language)
			.containsExactlyInAnyOrder("en", "ru", "fa-AF");
		for (String tag : List.of("en", "ru", "fa-AF")) {
			CertificateFile file = certificates.download(module.id(), Locale.forLanguageTag(tag));
			assertThat(file.sha256()).isEqualTo(verification.documents()
				.stream()
				.filter((d) -> d.language().equals(tag))
				.findFirst()
				.orElseThrow()
				.sha256());
			assertThat(file.pdf().length).isLessThanOrEqualTo(80 * 1024);
			List<String> text = actualText(file.pdf());
			assertThat(text).contains("Зарина Ахмедова", cohortLine(tag), module.serial().isEmpty() ? "" : text.get(0));
			assertThat(String.join("\n", text)).contains("/verify/" + module.code());
		}
		// The Dari certificate carries the Dari module title from the translation file.
		assertThat(actualText(certificates.download(module.id(), Locale.forLanguageTag("fa-AF")).pdf()))
			.contains("پاسخ به مصرف بیش از حد مواد");
		// Downloading again gives the very same bytes (the issued document).
		assertThat(certificates.download(module.id(), Locale.ENGLISH).pdf())
			.isEqualTo(certificates.download(module.id(), Locale.ENGLISH).pdf());
	}

	private String cohortLine(String tag) {
		return switch (tag) {
			case "ru" -> "Учебная группа: " + cohort.name();
			case "fa-AF" -> "صنف: " + cohort.name();
			default -> "Cohort: " + cohort.name();
		};
	}

	@Test
	void concurrentCompletionEventsIssueExactlyOneCertificate() throws Exception {
		Instant at = recordCompletion(cadet);
		int threads = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			futures.add(pool.submit(() -> {
				start.await();
				events.publishEvent(new ModuleCompleted(cadet.id(), MODULE, at));
				return null;
			}));
		}
		start.countDown();
		for (Future<?> f : futures) {
			f.get();
		}
		pool.shutdown();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM certificate WHERE user_id = ? AND kind = 'MODULE'")
			.param(cadet.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM certificate WHERE user_id = ? AND kind = 'PROGRAMME'")
			.param(cadet.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		// The database itself refuses a second valid certificate for the same subject.
		assertThatThrownBy(() -> jdbc.sql("""
				INSERT INTO certificate (code, serial_no, kind, subject, user_id, cadet_name, academy_name, cohort_name,
				    completed_on, issued_at, language, signatory_name)
				SELECT 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', serial_no + 1000000, kind, subject, user_id, cadet_name,
				    academy_name, cohort_name, completed_on, issued_at, language, signatory_name
				FROM certificate WHERE user_id = ? AND kind = 'MODULE'
				""").param(cadet.id()).update()).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
	}

	@Test
	void aCadetWhoCompletedTheModuleOutsideACohortGetsTheCertificatesWhenEnrolled() {
		UserAccount later = fixtures.user(Role.CADET, fixtures.academy(), "Later Cadet");
		events.publishEvent(new ModuleCompleted(later.id(), MODULE, recordCompletion(later)));
		assertThat(certificatesOf(later)).as("no cohort, no certificate yet").isZero();

		SystemAccess.asAdministrator(() -> {
			cohorts.enrol(cohort.id(), later.id());
			return null;
		});

		assertThat(certificatesOf(later)).as("module and programme").isEqualTo(2);
	}

	@Test
	void takingAnUnfinishedModuleOffTheProgrammeCompletesItForACadetWhoDidTheRest() {
		// The test course has one module; a second assignment is written as the cohorts
		// feature writes it.
		jdbc.sql("INSERT INTO cohort_assignment (cohort_id, module_id) VALUES (?, 'second-module')")
			.param(cohort.id())
			.update();
		events.publishEvent(new ModuleCompleted(cadet.id(), MODULE, recordCompletion(cadet)));
		assertThat(certificatesOf(cadet)).as("the module certificate only").isEqualTo(1);

		SystemAccess.asAdministrator(() -> {
			cohorts.unassign(cohort.id(), "second-module");
			return null;
		});

		assertThat(certificatesOf(cadet)).as("module and programme").isEqualTo(2);
	}

	private long certificatesOf(UserAccount who) {
		return jdbc.sql("SELECT COUNT(*) FROM certificate WHERE user_id = ?")
			.param(who.id())
			.query(Long.class)
			.single();
	}

	@Test
	void aTrainerOfTheCohortRevokesWithAReasonAndReissuesAndTheOldCodeTurnsRevoked() {
		Certificate issued = issuedModuleCertificate();
		fixtures.signInAs(trainer);
		assertThatThrownBy(() -> certificates.revoke(issued.id(), "  ")).isInstanceOf(CertificateException.class);
		certificates.revoke(issued.id(), "Identity fraud found by the academy");
		Verification revoked = certificates.verify(issued.code());
		assertThat(revoked.status()).isEqualTo(Verification.Status.REVOKED);
		assertThat(revoked.certificate().revokeReason()).isEqualTo("Identity fraud found by the academy");
		assertThat(revoked.certificate().revokedAt()).isNotNull();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject_id = ? AND details LIKE ?")
			.params(AuditAction.CERTIFICATE_REVOKED.name(), issued.serial(), "%Identity fraud%")
			.query(Long.class)
			.single()).isEqualTo(1);

		Certificate fresh = certificates.reissue(issued.id(), null);
		assertThat(fresh.code()).isNotEqualTo(issued.code());
		assertThat(fresh.serial()).isNotEqualTo(issued.serial());
		assertThat(certificates.verify(fresh.code()).status()).isEqualTo(Verification.Status.VALID);
		assertThat(certificates.verify(issued.code()).status()).isEqualTo(Verification.Status.REVOKED);
		assertThat(certificates.cohortCertificates(cohort.id())).singleElement()
			.satisfies((row) -> assertThat(row.hasValid()).isTrue());
	}

	@Test
	void onlyTheCadetTheCohortsTrainersAndAdminsReachACertificate() {
		Certificate issued = issuedModuleCertificate();
		Academy other = fixtures.academy();
		UserAccount otherTrainer = fixtures.user(Role.TRAINER, other, "Other Trainer");
		UserAccount otherCadet = fixtures.user(Role.CADET, other, "Other Cadet");

		fixtures.signInAs(otherTrainer);
		assertThatThrownBy(() -> certificates.revoke(issued.id(), "no")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> certificates.download(issued.id(), Locale.ENGLISH))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> certificates.cohortCertificates(cohort.id()))
			.isInstanceOf(AccessDeniedException.class);
		fixtures.signInAs(otherCadet);
		assertThatThrownBy(() -> certificates.download(issued.id(), Locale.ENGLISH))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> certificates.revoke(issued.id(), "no")).isInstanceOf(AccessDeniedException.class);
		fixtures.signInAs(cadet);
		assertThatThrownBy(() -> certificates.revoke(issued.id(), "no")).isInstanceOf(AccessDeniedException.class);
		assertThat(certificates.download(issued.id(), Locale.ENGLISH).pdf()).isNotEmpty();
		fixtures.signInAs(trainer);
		assertThat(certificates.download(issued.id(), Locale.forLanguageTag("ru")).pdf()).isNotEmpty();
	}

	@Test
	void forgedAlteredAndRandomCodesAreUnknown() {
		Certificate issued = issuedModuleCertificate();
		char last = issued.code().charAt(31);
		String altered = issued.code().substring(0, 31) + (last == 'a' ? 'b' : 'a');
		for (String code : List.of(altered, issued.code().toUpperCase(Locale.ROOT), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
				issued.code() + "a", "' OR 1=1 --", "", "../../etc/passwd")) {
			assertThat(certificates.verify(code).status()).as(code).isEqualTo(Verification.Status.UNKNOWN);
			assertThat(certificates.verify(code).certificate()).isNull();
		}
	}

	@Test
	void thePublicPageAndTheJsonShowTheStatusAndAreRateLimitedPerClient() throws Exception {
		Certificate issued = issuedModuleCertificate();
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> page = http.send(
				HttpRequest.newBuilder(URI.create(base() + "/verify/" + issued.code() + "?lang=fa-AF")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("dir=\"rtl\"", "تصدیق‌نامهٔ معتبر", "Зарина Ахмедова", issued.serial());
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'none'"));

		HttpResponse<String> json = http.send(
				HttpRequest.newBuilder(URI.create(base() + "/api/certificates/" + issued.code())).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.body()).contains("\"status\":\"VALID\"", "\"serial\":\"" + issued.serial() + "\"", "sha256");

		HttpResponse<String> unknown = http.send(
				HttpRequest.newBuilder(URI.create(base() + "/verify/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(unknown.body()).contains("Unknown code").doesNotContain("Зарина");
		HttpResponse<String> script = http.send(
				HttpRequest.newBuilder(URI.create(base() + "/verify/%3Cscript%3Ealert(1)%3C%2Fscript%3E")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(script.body()).doesNotContain("<script>");

		int status = 200;
		for (int i = 0; i < 45 && status != 429; i++) {
			status = http
				.send(HttpRequest.newBuilder(URI.create(base() + "/api/certificates/" + issued.code())).build(),
						HttpResponse.BodyHandlers.ofString())
				.statusCode();
		}
		assertThat(status).isEqualTo(429);
	}

	@Test
	void theTrainerDownloadsTheCohortAsOneZip() throws Exception {
		issuedModuleCertificate();
		fixtures.signInAs(trainer);
		byte[] zip = certificates.cohortZip(cohort.id());
		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		assertThat(names).hasSize(2).allMatch((n) -> n.endsWith(".pdf"));
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private Certificate issuedModuleCertificate() {
		events.publishEvent(new ModuleCompleted(cadet.id(), MODULE, recordCompletion(cadet)));
		fixtures.signInAs(cadet);
		Certificate issued = certificates.myCertificates()
			.stream()
			.filter((c) -> c.kind() == Certificate.Kind.MODULE)
			.findFirst()
			.orElseThrow();
		SecurityContextHolder.clearContext();
		return issued;
	}

	private Instant recordCompletion(UserAccount who) {
		Instant at = Instant.now();
		jdbc.sql("INSERT INTO module_completion (user_id, module_id, completed_at) VALUES (?, ?, ?)")
			.params(who.id(), MODULE, Timestamp.from(at))
			.update();
		return at;
	}

	private static List<String> actualText(byte[] pdf) {
		return PdfText.lines(pdf);
	}

}
