package org.lepha.academy.certificates;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.learning.ModuleCompleted;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An academy's certificate design on the real database: only administrators may set it;
 * bad uploads and wording change nothing; the preview shows the unsaved design in every
 * language; certificates issued afterwards carry it, certificates issued before keep
 * their bytes, their hash and, for a language rendered later, their own design version.
 */
@IntegrationTest
class CertificateDesignsTests {

	private static final String MODULE = AcademyFixture.MODULE;

	@Autowired
	ApplicationContext context;

	@Autowired
	CertificateDesigns designs;

	@Autowired
	CertificateService certificates;

	@Autowired
	CohortService cohorts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	AcademyFixture fixtures;

	Academy academy;

	UserAccount admin;

	UserAccount trainer;

	CohortSummary cohort;

	@BeforeEach
	void anAcademyWithACohortThatHasTheModuleAssigned() {
		fixtures = new AcademyFixture(context);
		academy = fixtures.academy();
		admin = fixtures.user(Role.ADMIN, academy, "Admin Design");
		trainer = fixtures.user(Role.TRAINER, academy, "Amina Karimova");
		cohort = fixtures.cohort(academy, trainer);
		fixtures.assignTheModule(cohort);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void onlyAnAdministratorMaySeePreviewOrSaveADesign() throws IOException {
		byte[] png = png(400, 300);
		UserAccount cadet = fixtures.user(Role.CADET, academy, "Cadet Design");
		for (UserAccount refused : List.of(trainer, cadet)) {
			fixtures.signInAs(refused);
			assertThatThrownBy(() -> designs.current(academy.id())).isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> designs.emblem(png)).isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> designs.signature(png)).isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> designs.preview(academy.id(), CertificateDesign.empty()))
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> designs.save(academy.id(), CertificateDesign.empty()))
				.isInstanceOf(AccessDeniedException.class);
		}
		fixtures.signInAs(admin);
		assertThat(designs.current(academy.id())).isEmpty();
		CertificateDesignVersion saved = designs.save(academy.id(), design("Farid Rahimi", designs.emblem(png)));
		assertThat(saved.version()).isEqualTo(1);
		assertThat(designs.current(academy.id())).get().extracting(CertificateDesignVersion::id).isEqualTo(saved.id());
		// An academy that does not exist is refused, not created.
		assertThatThrownBy(() -> designs.save(Long.MAX_VALUE, CertificateDesign.empty()))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aRefusedUploadOrWordingChangesNothing() throws IOException {
		fixtures.signInAs(admin);
		CertificateDesignVersion v1 = designs.save(academy.id(), design("Farid Rahimi", designs.emblem(png(300, 300))));

		assertRefused(() -> designs.emblem("GIF89a garbage".getBytes(StandardCharsets.UTF_8)),
				"design.error.image.format");
		assertRefused(() -> designs.emblem(new byte[600 * 1024]), "design.error.image.tooLarge");
		assertRefused(() -> designs.emblem(
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"
					.getBytes(StandardCharsets.UTF_8)),
				"design.error.svg.active");
		assertRefused(() -> designs.emblem(
				"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\"><image xlink:href=\"http://example.org/a.png\"/></svg>"
					.getBytes(StandardCharsets.UTF_8)),
				"design.error.svg.active");
		assertRefused(() -> designs.emblem(
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90000\" height=\"10\"><rect width=\"5\" height=\"5\"/></svg>"
					.getBytes(StandardCharsets.UTF_8)),
				"design.error.image.dimensions");
		// Bytes that did not come through an upload check are refused on save too.
		assertRefused(() -> designs.save(academy.id(), design("Nadia Sultani", png(1200, 1200))),
				"design.error.image.broken");
		assertRefused(
				() -> designs.save(academy.id(),
						new CertificateDesign(null, List.of(),
								Map.of("en", "This certifies that {0} has completed the course."))),
				"design.error.wording.placeholders");
		assertRefused(
				() -> designs.save(academy.id(),
						new CertificateDesign(null, List.of(), Map.of("ru", "{0} прошёл {1} в {2}"))),
				"design.error.wording.placeholders");
		assertRefused(
				() -> designs.preview(academy.id(),
						new CertificateDesign(null, List.of(), Map.of("fa-AF", "{name} دورهٔ {module} را تمام کرد"))),
				"design.error.wording.placeholders");

		CertificateDesignVersion current = designs.current(academy.id()).orElseThrow();
		assertThat(current.id()).isEqualTo(v1.id());
		assertThat(current.version()).isEqualTo(1);
		assertThat(current.design().signatories()).extracting(CertificateDesign.Signatory::name)
			.containsExactly("Farid Rahimi");
		assertThat(current.design().emblemPng()).isEqualTo(v1.design().emblemPng());
	}

	@Test
	void thePreviewShowsTheUnsavedDesignInEveryLanguageAndSavesNothing() throws IOException {
		fixtures.signInAs(admin);
		byte[] signature = designs.signature(png(900, 240));
		CertificateDesign draft = new CertificateDesign(designs.emblem(png(800, 800)),
				List.of(new CertificateDesign.Signatory("Farid Rahimi",
						Map.of("en", "Director", "ru", "Директор", "fa-AF", "رئیس"), signature),
						new CertificateDesign.Signatory("Nadia Sultani", Map.of("en", "Head of training"), null)),
				Map.of("en", "We hereby certify that {0} completed {1} with distinction", "ru",
						"Настоящим удостоверяется, что {0} прошёл(ла) курс {1}", "fa-AF",
						"تصدیق می‌شود که {0} دورهٔ {1} را به پایان رسانید"));

		List<CertificateDesigns.Preview> previews = designs.preview(academy.id(), draft);

		assertThat(previews).extracting((p) -> p.language().toLanguageTag()).containsExactly("en", "ru", "fa-AF");
		Map<String, List<String>> expected = Map.of("en", List.of("Director", "We hereby certify that", "completed"),
				"ru", List.of("Директор", "Настоящим удостоверяется, что", "прошёл(ла) курс"), "fa-AF",
				List.of("رئیس", "تصدیق می‌شود که", "دورهٔ", "را به پایان رسانید"));
		for (CertificateDesigns.Preview preview : previews) {
			List<String> text = PdfText.lines(preview.pdf());
			assertThat(text).contains("Farid Rahimi", "Nadia Sultani", academy.name());
			assertThat(text).containsAll(expected.get(preview.language().toLanguageTag()));
			// The second signatory has only an English title: shown in every language.
			assertThat(text).contains("Head of training");
			// Emblem and one signature.
			assertThat(images(preview.pdf())).hasSize(2);
			BufferedImage page = ImageIO.read(new ByteArrayInputStream(preview.png()));
			assertThat(page.getWidth()).isGreaterThan(page.getHeight()).isGreaterThan(600);
		}
		assertThat(designs.current(academy.id())).isEmpty();
	}

	@Test
	void newCertificatesCarryTheNewDesignWhileIssuedOnesNeverChange() throws IOException {
		// Issued before any design: the configured look (the trainer signs, no images).
		Certificate before = issueTo(fixtures.user(Role.CADET, academy, "Cadet Before"));
		Map<String, CertificateFile> beforeFiles = downloads(before);
		assertThat(PdfText.lines(beforeFiles.get("en").pdf())).contains("Amina Karimova");

		fixtures.signInAs(admin);
		designs.save(academy.id(), design("Farid Rahimi", designs.emblem(png(500, 500))));

		Certificate first = issueTo(fixtures.user(Role.CADET, academy, "Cadet First"));
		Map<String, CertificateFile> firstFiles = downloads(first);
		for (CertificateFile file : firstFiles.values()) {
			List<String> text = PdfText.lines(file.pdf());
			assertThat(text).contains("Farid Rahimi").doesNotContain("Amina Karimova");
			assertThat(images(file.pdf())).hasSize(2);
			assertThat(file.pdf().length).isLessThanOrEqualTo(80 * 1024);
		}
		assertThat(PdfText.lines(firstFiles.get("ru").pdf())).contains("Директор", "Настоящим удостоверяется, что");
		assertThat(first.signatoryName()).isEqualTo("Farid Rahimi");

		// Version 2: another signatory and no emblem.
		fixtures.signInAs(admin);
		designs.save(academy.id(), new CertificateDesign(null,
				List.of(new CertificateDesign.Signatory("Nadia Sultani", Map.of("en", "Rector"), null)), Map.of()));
		Certificate second = issueTo(fixtures.user(Role.CADET, academy, "Cadet Second"));
		List<String> secondText = PdfText.lines(downloads(second).get("en").pdf());
		assertThat(secondText).contains("Nadia Sultani", "Rector").doesNotContain("Farid Rahimi");
		assertThat(images(downloads(second).get("en").pdf())).isEmpty();

		// Issued PDFs are the very same bytes with the same hash.
		assertSameFiles(downloads(before), beforeFiles);
		assertSameFiles(downloads(first), firstFiles);

		// A language rendered later (its stored PDF missing, as for a language added
		// after issue) uses the certificate's own design version.
		jdbc.sql("DELETE FROM certificate_document WHERE certificate_id IN (?, ?) AND language = 'fa-AF'")
			.params(before.id(), first.id())
			.update();
		byte[] firstDari = download(first, "fa-AF").pdf();
		assertThat(PdfText.lines(firstDari)).contains("Farid Rahimi", "رئیس").doesNotContain("Nadia Sultani");
		assertThat(images(firstDari)).hasSize(2);
		byte[] beforeDari = download(before, "fa-AF").pdf();
		assertThat(PdfText.lines(beforeDari)).contains("Amina Karimova").doesNotContain("Nadia Sultani");
		assertThat(images(beforeDari)).isEmpty();
	}

	private Certificate issueTo(UserAccount cadet) {
		SystemAccess.asAdministrator(() -> {
			cohorts.enrol(cohort.id(), cadet.id());
			return null;
		});
		Instant at = Instant.now();
		jdbc.sql("INSERT INTO module_completion (user_id, module_id, completed_at) VALUES (?, ?, ?)")
			.params(cadet.id(), MODULE, Timestamp.from(at))
			.update();
		events.publishEvent(new ModuleCompleted(cadet.id(), MODULE, at));
		fixtures.signInAs(admin);
		return certificates.cohortCertificates(cohort.id())
			.stream()
			.filter((row) -> row.userId() == cadet.id())
			.flatMap((row) -> row.certificates().stream())
			.filter((c) -> c.kind() == Certificate.Kind.MODULE)
			.findFirst()
			.orElseThrow();
	}

	private Map<String, CertificateFile> downloads(Certificate certificate) {
		return Map.of("en", download(certificate, "en"), "ru", download(certificate, "ru"), "fa-AF",
				download(certificate, "fa-AF"));
	}

	private CertificateFile download(Certificate certificate, String tag) {
		fixtures.signInAs(admin);
		return certificates.download(certificate.id(), Locale.forLanguageTag(tag));
	}

	private static void assertSameFiles(Map<String, CertificateFile> now, Map<String, CertificateFile> then) {
		then.forEach((tag, file) -> {
			assertThat(now.get(tag).pdf()).isEqualTo(file.pdf());
			assertThat(now.get(tag).sha256()).isEqualTo(file.sha256());
		});
	}

	private static CertificateDesign design(String signatory, byte[] emblem) throws IOException {
		return new CertificateDesign(emblem,
				List.of(new CertificateDesign.Signatory(signatory,
						Map.of("en", "Director", "ru", "Директор", "fa-AF", "رئیس"),
						org.lepha.academy.certificates.internal.DesignImages.prepare(png(600, 200),
								org.lepha.academy.certificates.internal.DesignImages.Use.SIGNATURE))),
				Map.of("ru", "Настоящим удостоверяется, что {0} прошёл(ла) курс {1}"));
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
		assertThatThrownBy(call).isInstanceOf(CertificateDesignException.class)
			.extracting((e) -> ((CertificateDesignException) e).messageKey())
			.isEqualTo(key);
	}

	/** The image XObjects of the first page. */
	static List<PDImageXObject> images(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDResources resources = document.getPage(0).getResources();
			List<PDImageXObject> images = new ArrayList<>();
			for (COSName name : resources.getXObjectNames()) {
				if (resources.getXObject(name) instanceof PDImageXObject image) {
					images.add(image);
				}
			}
			return images;
		}
	}

	static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x1F, 0x3A, 0x5F));
		g.fillOval(width / 10, height / 10, width * 8 / 10, height * 8 / 10);
		g.setColor(new Color(0xB8, 0x86, 0x0B));
		g.fillRect(width / 3, height / 3, width / 3, height / 3);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
