package org.lepha.academy.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.BrowserJourneyTest;
import org.lepha.academy.base.text.SafeNames;
import org.lepha.academy.browser.Browser;
import org.lepha.academy.certificates.Certificate;
import org.lepha.academy.certificates.CertificateService;
import org.lepha.academy.certificates.PdfText;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CadetImport;
import org.lepha.academy.cohorts.CohortExports;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.cohorts.ExportTable;
import org.lepha.academy.cohorts.ImportProblem;
import org.lepha.academy.cohorts.ImportResult;
import org.lepha.academy.cohorts.NewCohort;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.ResolvedText;
import org.lepha.academy.learning.LearningService;
import org.lepha.academy.security.SecurityWorld.Caller;
import org.lepha.academy.translation.ImportReport;
import org.lepha.academy.translation.Segment;
import org.lepha.academy.translation.SegmentFilter;
import org.lepha.academy.translation.TranslationRejectedException;
import org.lepha.academy.translation.TranslationWorkspace;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile text where users can put text: display names, academy and cohort names, a CSV
 * import of cadets, lesson Markdown, translations, uploads. In a real Chromium nothing
 * runs and names show literally; the certificate PDF carries the name as text and no
 * actions; exports never hold formulas; bad uploads are refused and change nothing.
 */
@BrowserJourneyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

	/** Shown wherever the cadet's name is; both parts would run if inserted as HTML. */
	static final String CADET_NAME = "Marker <img src=x onerror=\"window.__xss=1\"> \"><script>window.__xss=1</script>";

	static final String ACADEMY_NAME = "<svg onload=\"window.__xss=1\"> Academy";

	static final String COHORT_NAME = "Cohort '><img src=x onerror=alert(1)> {{7*7}}";

	static final List<String> FORMULA_NAMES = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+2",
			"-3+4 cmd|' /C calc'!A0", "@SUM(1,2)");

	/**
	 * Formulas behind a leading tab or CR: refused as names (control characters), and
	 * neutralized by the CSV writer all the same.
	 */
	static final List<String> CONTROL_FORMULAS = List.of("\t=1+1", "\r=1+1");

	/** A segment no other test uses: this one saves a translation of it. */
	static final String SEGMENT_KEY = "objective.recognise";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	AcademyFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CohortService cohorts;

	@Autowired
	UserAccountService accounts;

	@Autowired
	CadetImport imports;

	@Autowired
	CohortExports exports;

	@Autowired
	CertificateService certificates;

	@Autowired
	TranslationWorkspace translations;

	@Autowired
	ContentCatalog catalog;

	@Autowired
	LearningService learning;

	@Autowired
	org.lepha.academy.certificates.CertificateProperties certificateProperties;

	private SecurityWorld world;

	private Browser browser;

	private List<String> payloads;

	private CohortSummary hostileCohort;

	private CohortSummary importCohort;

	private UserAccount hostileCadet;

	private final String clientAddress = "10.88." + new Random().nextInt(256) + "." + (1 + new Random().nextInt(254));

	@BeforeAll
	void buildTheHostileAcademy() throws IOException {
		forgetHostileTranslations();
		payloads = Files.readAllLines(Path.of("src/test/resources/security/xss-payloads.txt"), StandardCharsets.UTF_8)
			.stream()
			.filter((l) -> !l.isBlank() && !l.startsWith("#"))
			.toList();
		world = new SecurityWorld(context).build();
		UserAccount trainer = world.user(Caller.TRAINER);
		SystemAccess.asAdministrator(() -> {
			Academy academy = cohorts.createAcademy(ACADEMY_NAME + " " + SecurityWorld.unique(""));
			hostileCohort = cohorts.createCohort(new NewCohort(academy.id(), COHORT_NAME + SecurityWorld.unique(" "),
					LocalDate.now().minusDays(1), null, Set.of(trainer.id())));
			importCohort = cohorts.createCohort(new NewCohort(academy.id(), "Import " + SecurityWorld.unique(""),
					LocalDate.now().minusDays(1), null, Set.of(trainer.id())));
			cohorts.assign(hostileCohort.id(), SecurityWorld.MODULE, LocalDate.now().plusDays(7));
			hostileCadet = accounts.createUser(new NewUser(SecurityWorld.unique("hostile.cadet."), CADET_NAME, null,
					Locale.ENGLISH, Set.of(Role.CADET), academy.id(), SecurityWorld.PASSWORD, false));
			cohorts.enrol(hostileCohort.id(), hostileCadet.id());
			for (String name : FORMULA_NAMES) {
				UserAccount cadet = accounts.createUser(new NewUser(SecurityWorld.unique("formula.cadet."), name, null,
						Locale.ENGLISH, Set.of(Role.CADET), academy.id(), SecurityWorld.PASSWORD, false));
				cohorts.enrol(hostileCohort.id(), cadet.id());
			}
			return null;
		});
		// Every payload short enough to be a name, as cadets in one CSV import.
		ImportResult imported = world.as(trainer, () -> imports.importCadets(importCohort.id(), corpusCsv()));
		assertThat(imported.problems()).as("the corpus imports as names").isEmpty();
		assertThat(imported.created()).hasSizeGreaterThan(25);
		browser = new Browser();
	}

	@AfterAll
	void closeBrowserAndForgetTheTranslation() {
		if (browser != null) {
			browser.close();
		}
		forgetHostileTranslations();
	}

	/**
	 * Other tests read this module's Dari translation as the files have it: the edit made
	 * here goes, and so does any hostile text left by an interrupted run.
	 */
	private void forgetHostileTranslations() {
		jdbc.sql("DELETE FROM translation_edit WHERE module_id = ? AND segment_key = ?")
			.params(SecurityWorld.MODULE, SEGMENT_KEY)
			.update();
		jdbc.sql("DELETE FROM translation_edit WHERE target LIKE '%window.\\_\\_xss%'").update();
		jdbc.sql("DELETE FROM ui_string_edit WHERE text LIKE '%window.\\_\\_xss%'").update();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private byte[] corpusCsv() {
		StringBuilder csv = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180)) {
			printer.printRecord("full_name", "username", "language");
			for (String payload : payloads) {
				// Names with control or bidi override characters are refused at import
				// (NameCharactersTests); the rest must import and show literally.
				if (payload.strip().length() <= 200 && SafeNames.isSafe(payload)) {
					printer.printRecord(payload, SecurityWorld.unique("xss."), "en");
				}
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	// ---- (a) in the browser

	@Test
	void namesRunNowhereAndShowLiterallyInTheTrainersPages() {
		Page page = signedIn(world.user(Caller.TRAINER));
		List<String> dialogs = listen(page);
		String base = "http://localhost:" + port;

		open(page, base + "/cohorts");
		assertNoScriptRan(page, dialogs, "/cohorts");

		open(page, base + "/cohorts/" + hostileCohort.id());
		page.locator("#progress-filter input").fill("Marker");
		com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#progress-grid"))
			.containsText(CADET_NAME);
		com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("body"))
			.containsText(COHORT_NAME);
		assertNoScriptRan(page, dialogs, "cohort view");

		open(page, base + "/cohorts/" + hostileCohort.id() + "/cadet/" + hostileCadet.id());
		com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("body"))
			.containsText(CADET_NAME);
		assertNoScriptRan(page, dialogs, "cadet detail");

		open(page, base + "/cohorts/" + hostileCohort.id() + "/certificates");
		com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#cohort-certificates"))
			.containsText(CADET_NAME);
		assertNoScriptRan(page, dialogs, "cohort certificates");
		// Downloads (fetched while their page is open: Vaadin serves them for the
		// attached link only): for the trainer's own session only, with the headers of
		// every response.
		Page otherTrainer = signedIn(world.otherTrainer);
		Page anonymous = browser.newPage("en");
		assertOnlyTheOwnSessionDownloads(page, List.of(otherTrainer, anonymous),
				absolute(base, page.locator("#certificates-zip").getAttribute("href")), "application/zip");

		open(page, base + "/cohorts/" + hostileCohort.id());
		// By its label: the cohort page's tabs grow (the evaluation tab came after it).
		page.locator("vaadin-tab:has-text('Exports')").click();
		page.waitForSelector("#export-progress-csv[href]");
		String csv = absolute(base, page.locator("#export-progress-csv").getAttribute("href"));
		String xlsx = absolute(base, page.locator("#export-progress-xlsx").getAttribute("href"));
		assertOnlyTheOwnSessionDownloads(page, List.of(otherTrainer, anonymous), csv, "text/csv");
		assertOnlyTheOwnSessionDownloads(page, List.of(otherTrainer, anonymous), xlsx,
				"application/vnd.openxmlformats");
		assertThat(page.request().get(csv).text()).contains("'=HYPERLINK");
		otherTrainer.context().close();
		anonymous.context().close();

		// The whole corpus, imported as cadet names, in the progress matrix and the
		// cadet list.
		open(page, base + "/cohorts/" + importCohort.id());
		page.waitForTimeout(500);
		assertNoScriptRan(page, dialogs, "cohort of imported payload names");
		page.locator("vaadin-tab").nth(1).click();
		page.waitForTimeout(500);
		assertNoScriptRan(page, dialogs, "cadet list of imported payload names");
		page.context().close();
	}

	@Test
	void namesRunNowhereInTheAdministratorsPages() {
		Page page = signedIn(world.user(Caller.ADMIN));
		List<String> dialogs = listen(page);
		String base = "http://localhost:" + port;
		for (String path : List.of("/admin/users", "/admin/academies", "/admin/audit",
				"/cohorts/" + hostileCohort.id())) {
			open(page, base + path);
			page.waitForTimeout(300);
			assertNoScriptRan(page, dialogs, path);
		}
		open(page, base + "/admin/academies");
		com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("body"))
			.containsText(ACADEMY_NAME);
		page.context().close();
	}

	@Test
	void theHostileCadetsOwnPagesRunNothingAndItsCertificateDownloadIsItsAlone() throws Exception {
		world.as(hostileCadet, () -> {
			completeTheModuleAs();
			return null;
		});
		Page page = signedIn(hostileCadet);
		List<String> dialogs = listen(page);
		String base = "http://localhost:" + port;
		open(page, base + "/learn");
		assertNoScriptRan(page, dialogs, "/learn");
		open(page, base + "/certificates");
		page.waitForSelector(".certificate-card");
		assertNoScriptRan(page, dialogs, "/certificates");

		// The download carries the headers of every response and only its owner's
		// session can fetch it.
		String href = page.locator(".certificate-card[data-kind=module] a[data-language=en]").getAttribute("href");
		APIResponse own = page.request().get(absolute(base, href));
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.headers().get("content-type")).startsWith("application/pdf");
		assertThat(own.headers().get("x-content-type-options")).isEqualTo("nosniff");
		assertThat(own.headers().get("x-frame-options")).isEqualTo("DENY");
		assertThat(own.body()).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));

		Page stranger = signedIn(world.user(Caller.CADET));
		APIResponse theirs = stranger.request().get(absolute(base, href));
		assertThat(theirs.headers().getOrDefault("content-type", "")).doesNotStartWith("application/pdf");
		Page anonymous = browser.newPage("en");
		APIResponse nobody = anonymous.request()
			.get(absolute(base, href), com.microsoft.playwright.options.RequestOptions.create().setMaxRedirects(0));
		assertThat(nobody.headers().getOrDefault("content-type", "")).doesNotStartWith("application/pdf");
		stranger.context().close();
		anonymous.context().close();
		page.context().close();
	}

	@Test
	void translationsAndTheirPreviewRunNothingInTheEditor() {
		UserAccount translator = world.user(Caller.TRANSLATOR);
		Segment title = world.as(translator,
				() -> translations.segments(SecurityWorld.MODULE, SecurityWorld.DARI, SegmentFilter.all())
					.stream()
					.filter((s) -> s.key().equals(SEGMENT_KEY))
					.findFirst()
					.orElseThrow());
		// HTML in a translation is refused outright...
		assertThatThrownBy(() -> world.as(translator,
				() -> translations.save(SecurityWorld.MODULE, SecurityWorld.DARI, title.key(),
						"<img src=x onerror=\"window.__xss=1\"> عنوان")))
			.isInstanceOf(TranslationRejectedException.class);
		// ...text that only looks like code is kept as text.
		String template = "{{constructor.constructor('window.__xss=1')()}} \u202eعنوان ${7*7}";
		world.as(translator, () -> translations.save(SecurityWorld.MODULE, SecurityWorld.DARI, title.key(), template));

		Page page = signedIn(translator);
		List<String> dialogs = listen(page);
		open(page, "http://localhost:" + port + "/translate/" + SecurityWorld.MODULE + "/fa-AF");
		page.locator("vaadin-grid-cell-content")
			.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(title.key()))
			.first()
			.click();
		com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#segment-target textarea"))
			.hasValue(template);
		assertNoScriptRan(page, dialogs, "translation editor");
		// The preview renders what the translator types, through the lesson sanitizer.
		for (String payload : payloads.subList(0, 12)) {
			page.locator("#segment-target textarea").fill(payload);
			page.waitForTimeout(150);
		}
		page.waitForTimeout(600);
		assertNoScriptRan(page, dialogs, "translation preview");
		page.context().close();
	}

	// ---- lesson Markdown

	@Test
	void lessonMarkdownIsSanitizedAndRunsNothingInTheBrowser() {
		StringBuilder all = new StringBuilder();
		for (String payload : payloads) {
			String html = catalog.markdownHtml(SecurityWorld.MODULE,
					new ResolvedText("Some text " + payload + "\n\n" + payload, ResolvedText.Origin.DRAFT, false));
			String lower = html.toLowerCase(Locale.ROOT);
			// Escaped text may spell anything; tags and attributes may not.
			assertThat(lower).as(payload)
				.doesNotContain("<script", "<iframe", "<object", "<svg", "<style", "<math", "<details", "<body")
				.doesNotContainPattern("<[^>]+\\son[a-z]+\\s*=")
				.doesNotContainPattern("(href|src|data|action)\\s*=\\s*[\"']?\\s*(javascript|data|vbscript):");
			all.append(html);
		}
		// And what the sanitizer lets through, put in a page with no policy at all.
		Page page = browser.newPage("en");
		List<String> dialogs = listen(page);
		page.setContent("<!DOCTYPE html><html><body>" + all + "</body></html>");
		page.waitForTimeout(500);
		assertNoScriptRan(page, dialogs, "sanitized lesson HTML");
		page.context().close();
	}

	// ---- (b) the certificate PDF

	@Test
	void theCertificateShowsTheNameAsTextAndHasNoActionButTheVerificationLink() throws Exception {
		Certificate certificate = world.as(hostileCadet, () -> {
			completeTheModuleAs();
			return certificates.myCertificates()
				.stream()
				.filter((c) -> c.kind() == Certificate.Kind.MODULE)
				.findFirst()
				.orElseThrow();
		});
		byte[] pdf = world.as(hostileCadet, () -> certificates.download(certificate.id(), Locale.ENGLISH).pdf());
		assertThat(String.join("\n", PdfText.lines(pdf))).contains(CADET_NAME);
		String raw = new String(pdf, StandardCharsets.ISO_8859_1);
		assertThat(raw).doesNotContain("/JavaScript", "/JS ", "/JS(", "/Launch", "/SubmitForm", "/ImportData",
				"/RichMedia", "/EmbeddedFile");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getDocumentCatalog().getOpenAction()).isNull();
			assertThat(document.getDocumentCatalog().getActions().getCOSObject().size()).isZero();
			assertThat(document.getDocumentCatalog().getNames() == null
					|| document.getDocumentCatalog().getNames().getJavaScript() == null)
				.isTrue();
			int links = 0;
			for (PDPage p : document.getPages()) {
				assertThat(p.getActions().getCOSObject().size()).isZero();
				for (PDAnnotation annotation : p.getAnnotations()) {
					if (annotation instanceof PDAnnotationWidget widget) {
						// The academy's invisible signature field (PAdES): no action, no
						// appearance area.
						assertThat(widget.getAction()).isNull();
						assertThat(widget.getActions() == null || widget.getActions().getCOSObject().size() == 0)
							.isTrue();
						assertThat(widget.getRectangle().getWidth() * widget.getRectangle().getHeight()).isZero();
						continue;
					}
					assertThat(annotation).isInstanceOf(PDAnnotationLink.class);
					var action = ((PDAnnotationLink) annotation).getAction();
					assertThat(action).isInstanceOf(PDActionURI.class);
					assertThat(((PDActionURI) action).getURI())
						.startsWith(certificateProperties.publicUrl() + "/verify/");
					links++;
				}
			}
			// The QR code and the printed address are the way to the verification page; a
			// link annotation, if one is ever added, may only lead there.
			assertThat(links).as("links, all to the verification page").isLessThanOrEqualTo(1);
			assertThat(document.getSignatureDictionaries()).hasSize(1);
		}
	}

	/** Once per cadet: a second call finds the module completed. */
	private void completeTheModuleAs() {
		if (certificates.myCertificates().isEmpty()) {
			fixture.completeTheModule();
		}
	}

	// ---- (c) exports

	@Test
	void exportsNeutralizeFormulasAndHoldOnlyTextCells() throws Exception {
		UserAccount trainer = world.user(Caller.TRAINER);
		List<ExportTable> tables = world.as(trainer,
				() -> List.of(
						exports.progress(hostileCohort.id(), Locale.ENGLISH, (k) -> k, LocalDate.now(), ZoneOffset.UTC),
						exports.quizResults(hostileCohort.id(), Locale.ENGLISH, (k) -> k, ZoneOffset.UTC)));
		ExportTable progressTable = tables.getFirst();

		String csv = new String(progressTable.toCsv(), StandardCharsets.UTF_8);
		List<String> firstCells = new ArrayList<>();
		for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(csv.substring(1)))) {
			firstCells.add(record.get(0));
			for (String cell : record) {
				assertThat(cell).as("no CSV cell a spreadsheet would evaluate").doesNotStartWith("=");
				assertThat(cell).doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
				assertThat(cell).doesNotStartWith("\t").doesNotStartWith("\r");
			}
		}
		for (String name : FORMULA_NAMES) {
			assertThat(firstCells).as("the name kept, behind a quote").contains("'" + name.strip());
			assertThat(org.lepha.academy.base.csv.SafeCsvWriter.neutralize(name)).startsWith("'");
		}
		for (String formula : CONTROL_FORMULAS) {
			// A leading tab or CR never reaches an export (names refuse control
			// characters); the writer would neutralize them too.
			assertThat(SafeNames.isSafe(formula)).as("refused as a name").isFalse();
			assertThat(org.lepha.academy.base.csv.SafeCsvWriter.neutralize(formula)).startsWith("'");
		}
		assertThat(firstCells).contains(CADET_NAME);

		for (ExportTable table : tables) {
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(table.toXlsx("Export")))) {
				List<String> texts = new ArrayList<>();
				for (Sheet sheet : workbook) {
					for (Row row : sheet) {
						for (Cell cell : row) {
							assertThat(cell.getCellType()).as("cell %s", cell.getAddress())
								.isNotEqualTo(CellType.FORMULA);
							if (cell.getCellType() == CellType.STRING) {
								texts.add(cell.getStringCellValue());
							}
						}
					}
				}
				if (table == progressTable) {
					// Names are string cells, whatever they start with.
					for (String name : FORMULA_NAMES) {
						assertThat(texts).anySatisfy((t) -> assertThat(t).endsWith(name.strip()));
					}
					assertThat(texts).contains(CADET_NAME);
				}
			}
		}
	}

	// ---- (d) uploads

	@Test
	void badCadetFilesAreRefusedWithAReasonAndChangeNothing() {
		UserAccount trainer = world.user(Caller.TRAINER);
		long cohortId = world.secondCohort.id();
		byte[] tooLarge = new byte[CadetImport.MAX_BYTES + 1];
		java.util.Arrays.fill(tooLarge, (byte) 'a');
		byte[] garbage = new byte[4096];
		new Random(7).nextBytes(garbage);
		String goodCsv = "full_name,username,language\nАлишер Каримов," + SecurityWorld.unique("enc.") + ",ru\n";
		byte[] utf16 = goodCsv.getBytes(StandardCharsets.UTF_16);
		byte[] cp1251 = goodCsv.getBytes(Charset.forName("windows-1251"));
		byte[] wrongColumns = ("name;login;lang\nAli;" + SecurityWorld.unique("col.") + ";en\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] extraCells = ("full_name,username,language\nAli," + SecurityWorld.unique("x.") + ",en,surplus\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] formula = ("full_name,username,language\nAli,=cmd|' /C calc'!A0,en\n").getBytes(StandardCharsets.UTF_8);
		int users = count("SELECT COUNT(*) FROM app_user");
		int enrolments = count("SELECT COUNT(*) FROM enrolment");
		for (var bad : java.util.Map
			.of("too large", tooLarge, "binary garbage", garbage, "UTF-16", utf16, "windows-1251", cp1251,
					"wrong columns", wrongColumns, "extra cells", extraCells, "formula as a user name", formula,
					"empty", new byte[0])
			.entrySet()) {
			ImportResult result = world.as(trainer, () -> imports.importCadets(cohortId, bad.getValue()));
			assertThat(result.problems()).as(bad.getKey()).isNotEmpty();
			assertThat(result.created()).as(bad.getKey()).isEmpty();
			assertThat(result.problems()).as(bad.getKey())
				.allSatisfy((ImportProblem p) -> assertThat(p.messageKey()).startsWith("import.error."));
		}
		assertThat(world.as(trainer, () -> imports.importCadets(cohortId, tooLarge)).problems())
			.extracting(ImportProblem::messageKey)
			.containsExactly("import.error.tooLarge");
		assertThat(count("SELECT COUNT(*) FROM app_user")).as("no account created").isEqualTo(users);
		assertThat(count("SELECT COUNT(*) FROM enrolment")).as("no enrolment").isEqualTo(enrolments);
	}

	@Test
	void badXliffFilesAreRefusedWithAReasonAndChangeNothing() {
		UserAccount translator = world.user(Caller.TRANSLATOR);
		String xliffHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
		String body = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"fa-AF\">"
				+ "<file id=\"example-module\"><unit id=\"module.title\"><segment><source>Overdose</source>"
				+ "<target>&xxe;</target></segment></unit></file></xliff>";
		String xxe = xliffHead + "<!DOCTYPE xliff [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + body;
		String parameterXxe = xliffHead
				+ "<!DOCTYPE xliff [<!ENTITY % remote SYSTEM \"http://127.0.0.1:1/evil.dtd\"> %remote;]>\n"
				+ body.replace("&xxe;", "x");
		StringBuilder laughs = new StringBuilder(xliffHead + "<!DOCTYPE xliff [<!ENTITY lol \"lol\">");
		laughs.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
		for (int i = 2; i <= 9; i++) {
			laughs.append("<!ENTITY lol").append(i).append(" \"");
			laughs.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
		}
		laughs.append("]>\n").append(body.replace("&xxe;", "&lol9;"));
		byte[] tooLarge = (xliffHead + "<!--" + "x".repeat(TranslationWorkspace.MAX_IMPORT_BYTES) + "-->" + body)
			.getBytes(StandardCharsets.UTF_8);
		byte[] garbage = new byte[2048];
		new Random(11).nextBytes(garbage);
		int edits = count("SELECT COUNT(*) FROM translation_edit");
		for (var bad : java.util.Map
			.of("not XML", "this is not xml at all".getBytes(StandardCharsets.UTF_8), "binary", garbage, "XXE",
					xxe.getBytes(StandardCharsets.UTF_8), "parameter entity",
					parameterXxe.getBytes(StandardCharsets.UTF_8), "billion laughs",
					laughs.toString().getBytes(StandardCharsets.UTF_8), "too large", tooLarge)
			.entrySet()) {
			ImportReport report = assertTimeoutPreemptively(Duration.ofSeconds(20),
					() -> world.as(translator,
							() -> translations.importXliff(SecurityWorld.MODULE, SecurityWorld.DARI, bad.getValue())),
					bad.getKey());
			assertThat(report.applied()).as(bad.getKey()).isFalse();
			assertThat(report.changed()).as(bad.getKey()).isZero();
			assertThat(report.problems()).as(bad.getKey()).isNotEmpty();
			assertThat(report.problems().toString()).as(bad.getKey()).doesNotContain("root:").doesNotContain("lollol");
		}
		assertThat(count("SELECT COUNT(*) FROM translation_edit")).as("no translation stored").isEqualTo(edits);
	}

	@Test
	void badUiStringFilesAreRefusedWithAReasonAndChangeNothing() {
		UserAccount translator = world.user(Caller.TRANSLATOR);
		byte[] garbage = new byte[2048];
		new Random(13).nextBytes(garbage);
		byte[] tooLarge = ("# " + "x".repeat(org.lepha.academy.translation.UiStringsWorkspace.MAX_IMPORT_BYTES))
			.getBytes(StandardCharsets.UTF_8);
		byte[] html = "audit.title=<img src=x onerror=\"window.__xss=1\">\n".getBytes(StandardCharsets.UTF_8);
		byte[] unknownKey = "no.such.key=x\n".getBytes(StandardCharsets.UTF_8);
		int edits = count("SELECT COUNT(*) FROM ui_string_edit");
		for (var bad : java.util.Map
			.of("binary", garbage, "too large", tooLarge, "HTML", html, "unknown key", unknownKey, "empty", new byte[0])
			.entrySet()) {
			ImportReport report = world.as(translator,
					() -> context.getBean(org.lepha.academy.translation.UiStringsWorkspace.class)
						.importProperties(SecurityWorld.DARI, bad.getValue()));
			assertThat(report.applied()).as(bad.getKey()).isFalse();
			assertThat(report.problems()).as(bad.getKey()).isNotEmpty();
		}
		assertThat(count("SELECT COUNT(*) FROM ui_string_edit")).as("no UI string stored").isEqualTo(edits);
		assertThatThrownBy(() -> world.as(translator,
				() -> context.getBean(org.lepha.academy.translation.UiStringsWorkspace.class)
					.save(SecurityWorld.DARI, "audit.title", "<script>window.__xss=1</script>")))
			.isInstanceOf(TranslationRejectedException.class);
	}

	// ---- 4: the policy does not break Vaadin

	@Test
	void theContentSecurityPolicyDoesNotBreakTheLoginPageOrTheCadetsPages() {
		Page page = browser.newPage("en");
		List<String> violations = new CopyOnWriteArrayList<>();
		page.onConsoleMessage((m) -> {
			String text = m.text();
			if (text.contains("Content Security Policy") || text.contains("Refused to")) {
				violations.add(page.url() + ": " + text);
			}
		});
		page.onPageError((e) -> violations.add(page.url() + ": page error " + e));
		page.navigate("http://localhost:" + port + "/login");
		page.waitForSelector("vaadin-login-form input[name=username]");
		login(page, world.user(Caller.CADET));
		page.waitForURL("**/learn");
		page.waitForSelector("#module-example-module");
		page.navigate("http://localhost:" + port + "/learn/" + SecurityWorld.MODULE);
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
		assertThat(violations).as("CSP violations and script errors").isEmpty();
		page.context().close();
	}

	// ---- helpers

	private Page signedIn(UserAccount user) {
		Page page = browser.newPage("en");
		page.context().setExtraHTTPHeaders(java.util.Map.of("Accept-Language", "en", "X-Forwarded-For", clientAddress));
		page.navigate("http://localhost:" + port + "/login");
		login(page, user);
		page.waitForURL((url) -> !url.contains("/login"));
		return page;
	}

	private static void login(Page page, UserAccount user) {
		page.locator("vaadin-login-form input[name=username]").fill(user.username());
		page.locator("vaadin-login-form input[name=password]").fill(SecurityWorld.PASSWORD);
		page.locator("vaadin-login-form vaadin-button[slot=submit], vaadin-login-form button[type=submit]")
			.first()
			.click();
	}

	private static List<String> listen(Page page) {
		List<String> dialogs = new CopyOnWriteArrayList<>();
		page.onDialog((d) -> {
			dialogs.add(d.type() + ": " + d.message());
			d.dismiss();
		});
		return dialogs;
	}

	private static void open(Page page, String url) {
		page.navigate(url);
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
	}

	private static void assertNoScriptRan(Page page, List<String> dialogs, String where) {
		assertThat(page.evaluate("() => typeof window.__xss")).as("window.__xss on " + where).isEqualTo("undefined");
		assertThat(dialogs).as("dialogs on " + where).isEmpty();
	}

	private static void assertOnlyTheOwnSessionDownloads(Page owner, List<Page> strangers, String url, String type) {
		APIResponse own = owner.request().get(url);
		assertThat(own.status()).as(type).isEqualTo(200);
		assertThat(own.headers().get("content-type")).startsWith(type);
		assertThat(own.headers().get("x-content-type-options")).isEqualTo("nosniff");
		assertThat(own.headers().get("x-frame-options")).isEqualTo("DENY");
		for (Page stranger : strangers) {
			APIResponse theirs = stranger.request()
				.get(url, com.microsoft.playwright.options.RequestOptions.create().setMaxRedirects(0));
			assertThat(theirs.headers().getOrDefault("content-type", "")).as("a stranger's " + type)
				.doesNotStartWith(type);
		}
	}

	private static String absolute(String base, String href) {
		return href.startsWith("http") ? href : base + (href.startsWith("/") ? "" : "/") + href;
	}

	private int count(String sql) {
		return jdbc.sql(sql).query(Integer.class).single();
	}

}
