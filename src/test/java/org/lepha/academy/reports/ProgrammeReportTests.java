package org.lepha.academy.reports;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.base.chart.ChartPoint;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.pdf.Poppler;
import org.lepha.academy.certificates.PdfText;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.AnalyticsData;
import org.lepha.academy.cohorts.CadetDetails;
import org.lepha.academy.cohorts.CadetSex;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.cohorts.NewCohort;
import org.lepha.academy.learning.CourseEvaluations;
import org.lepha.academy.reports.ProgrammeReport.ModuleFigures;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The programme report on a fixed data set with known answers: a cohort of 14 active
 * cadets (6 female, 5 male, 1 of another sex, 2 not recorded) and a withdrawn one who
 * must not count, in one module:
 *
 * <pre>
 * cadet  pre  post  passed  completed   certificate
 * F1     40   80    yes     2026-10-01  valid (a second pre-test of 90 does not count)
 * F2     50   90    yes     2026-10-01  valid
 * F3     60   100   yes     2026-10-03  valid
 * F4     40   70    yes     2026-10-03  revoked
 * F5     50   60    no      -
 * F6     -    -     -       -
 * M1     30   90    yes     2026-10-02  valid
 * M2     50   70    yes     2026-10-02
 * M3     -    40    no      -
 * M4, M5 nothing
 * A1     20   80    yes     2026-10-04
 * U1     60   100   yes     2026-10-04
 * U2     nothing
 * </pre>
 *
 * "Another" (1) is below 5 and withheld; "male" (5), the next smallest recorded group, is
 * withheld with it so that the one cannot be worked out from the total.
 */
@IntegrationTest
class ProgrammeReportTests {

	private static final Locale DARI = Locale.forLanguageTag("fa-AF");

	@Autowired
	ApplicationContext context;

	@Autowired
	ProgrammeReports reports;

	@Autowired
	CohortService cohorts;

	@Autowired
	CadetDetails details;

	@Autowired
	JdbcClient jdbc;

	AcademyFixture fixtures;

	Academy academy;

	UserAccount trainer;

	UserAccount otherTrainer;

	CohortSummary cohort;

	CohortSummary otherCohort;

	@Autowired
	CourseEvaluations evaluations;

	/** The cadets who completed the module, in the order of the table above. */
	final List<UserAccount> completedCadets = new ArrayList<>();

	@BeforeEach
	void buildTheCohort() {
		fixtures = new AcademyFixture(context);
		academy = fixtures.academy();
		trainer = fixtures.user(Role.TRAINER, academy, "Trainer");
		otherTrainer = fixtures.user(Role.TRAINER, academy, "Other trainer");
		// A name a spreadsheet would take for a formula.
		cohort = SystemAccess.asAdministrator(
				() -> cohorts.createCohort(new NewCohort(academy.id(), "=1+2 " + AcademyFixture.unique("Cohort "),
						LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 20), Set.of(trainer.id()))));
		otherCohort = fixtures.cohort(academy, otherTrainer);
		fixtures.enrol(otherCohort, fixtures.user(Role.CADET, academy, "Elsewhere"));
		fixtures.signInAs(trainer);
		cohorts.assign(cohort.id(), AnalyticsData.MODULE, null);
		AnalyticsData data = new AnalyticsData(jdbc);
		Instant t = Instant.parse("2026-09-20T12:00:00Z");
		cadet(data, CadetSex.FEMALE, 40, 80, true, "2026-10-01", "valid");
		long f2 = cadet(data, CadetSex.FEMALE, 50, 90, true, "2026-10-01", "valid");
		cadet(data, CadetSex.FEMALE, 60, 100, true, "2026-10-03", "valid");
		cadet(data, CadetSex.FEMALE, 40, 70, true, "2026-10-03", "revoked");
		cadet(data, CadetSex.FEMALE, 50, 60, false, null, null);
		cadet(data, CadetSex.FEMALE, null, null, false, null, null);
		cadet(data, CadetSex.MALE, 30, 90, true, "2026-10-02", "valid");
		cadet(data, CadetSex.MALE, 50, 70, true, "2026-10-02", null);
		cadet(data, CadetSex.MALE, null, 40, false, null, null);
		cadet(data, CadetSex.MALE, null, null, false, null, null);
		cadet(data, CadetSex.MALE, null, null, false, null, null);
		cadet(data, CadetSex.ANOTHER, 20, 80, true, "2026-10-04", null);
		cadet(data, null, 60, 100, true, "2026-10-04", null);
		cadet(data, null, null, null, false, null, null);
		// Only the first pre-test counts: a later one of 90 changes nothing.
		data.attempt(f2, "PRE", 2, 90, null, t.plusSeconds(3600));
		long gone = cadet(data, CadetSex.FEMALE, 0, 100, true, "2026-10-01", "valid");
		cohorts.withdraw(cohort.id(), gone);
	}

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	private long cadet(AnalyticsData data, CadetSex sex, Integer pre, Integer post, boolean passed, String completed,
			String certificate) {
		UserAccount cadet = fixtures.user(Role.CADET, academy, "Cadet");
		cohorts.enrol(cohort.id(), cadet.id());
		details.setSex(cohort.id(), cadet.id(), sex);
		Instant t = Instant.parse("2026-09-20T12:00:00Z");
		if (pre != null) {
			data.attempt(cadet.id(), "PRE", 1, pre, null, t);
		}
		if (post != null) {
			if (passed) {
				// A failed first try: the best post-test and any pass count.
				data.attempt(cadet.id(), "POST", 1, 10, false, t.plusSeconds(60));
			}
			data.attempt(cadet.id(), "POST", passed ? 2 : 1, post, passed, t.plusSeconds(120));
		}
		if (completed != null) {
			data.completed(cadet.id(), Instant.parse(completed + "T12:00:00Z"));
			completedCadets.add(cadet);
		}
		if (certificate != null) {
			jdbc.sql(
					"""
							INSERT INTO certificate (code, serial_no, kind, subject, user_id, cohort_id, cadet_name, academy_name,
							                         cohort_name, completed_on, issued_at, language, signatory_name, revoked_at)
							VALUES (?, NEXT VALUE FOR certificate_serial, 'MODULE', ?, ?, ?, 'Cadet', 'Academy', 'Cohort',
							        '2026-10-01', ?, 'en', 'Signatory', ?)""")
				.params(UUID.randomUUID().toString().replace("-", ""), AnalyticsData.MODULE, cadet.id(), cohort.id(),
						Timestamp.from(t), certificate.equals("revoked") ? Timestamp.from(t) : null)
				.update();
		}
		return cadet.id();
	}

	@Test
	void everyFigureOnTheFixedDataSet() {
		ProgrammeReport report = reports.cohortReport(cohort.id(), Locale.ENGLISH);
		assertThat(report.name()).isEqualTo(cohort.name());
		assertThat(report.academy()).isFalse();
		assertThat(report.start()).isEqualTo(LocalDate.of(2026, 9, 1));
		assertThat(report.end()).isEqualTo(LocalDate.of(2026, 12, 20));
		assertThat(value(report.enrolled().total())).isEqualTo(14);
		assertThat(report.modules()).hasSize(1);
		ModuleFigures module = report.modules().get(0);
		assertThat(module.moduleId()).isEqualTo(AnalyticsData.MODULE);
		assertThat(value(module.cadets().total())).isEqualTo(14);
		assertThat(value(module.completed().total())).isEqualTo(8);
		// 8 of the 10 who submitted a post-test passed.
		assertThat(value(module.passRate().total())).isCloseTo(0.8, within(1e-9));
		// 9 cadets took both tests.
		assertThat(value(module.preAverage().total())).isCloseTo(400 / 9.0, within(1e-9));
		assertThat(value(module.postAverage().total())).isCloseTo(740 / 9.0, within(1e-9));
		assertThat(value(module.gain().total())).isCloseTo(340 / 9.0, within(1e-9));
		// F1, F2, F3 and M1: the revoked one and the withdrawn cadet's do not count.
		assertThat(value(module.certificates().total())).isEqualTo(4);
		assertThat(report.completionOverTime()).containsExactly(new ChartPoint(LocalDate.of(2026, 10, 1), 2 / 14.0),
				new ChartPoint(LocalDate.of(2026, 10, 2), 4 / 14.0),
				new ChartPoint(LocalDate.of(2026, 10, 3), 6 / 14.0),
				new ChartPoint(LocalDate.of(2026, 10, 4), 8 / 14.0));
	}

	@Test
	void disaggregatedBySexWithTheUnknownShareAndSmallGroupsWithheld() {
		ProgrammeReport report = reports.cohortReport(cohort.id(), Locale.ENGLISH);
		assertThat(report.suppressed()).containsExactlyInAnyOrder(SexGroup.ANOTHER, SexGroup.MALE);
		assertThat(value(report.enrolled().group(SexGroup.FEMALE))).isEqualTo(6);
		assertThat(value(report.enrolled().group(SexGroup.UNKNOWN))).isEqualTo(2);
		assertThat(report.enrolled().group(SexGroup.MALE).suppressed()).isTrue();
		assertThat(report.enrolled().group(SexGroup.ANOTHER).suppressed()).isTrue();
		assertThat(report.unknownShare()).isCloseTo(2 / 14.0, within(1e-9));
		ModuleFigures module = report.modules().get(0);
		assertThat(value(module.completed().group(SexGroup.FEMALE))).isEqualTo(4);
		assertThat(value(module.passRate().group(SexGroup.FEMALE))).isCloseTo(0.8, within(1e-9));
		assertThat(value(module.preAverage().group(SexGroup.FEMALE))).isCloseTo(48, within(1e-9));
		assertThat(value(module.postAverage().group(SexGroup.FEMALE))).isCloseTo(80, within(1e-9));
		assertThat(value(module.gain().group(SexGroup.FEMALE))).isCloseTo(32, within(1e-9));
		assertThat(value(module.certificates().group(SexGroup.FEMALE))).isEqualTo(3);
		for (ProgrammeReport.ModuleFigures m : report.modules()) {
			for (Figure figure : List.of(m.cadets(), m.completed(), m.passRate(), m.gain(), m.certificates())) {
				assertThat(figure.group(SexGroup.MALE).suppressed()).isTrue();
				assertThat(figure.group(SexGroup.MALE).value()).isNull();
				assertThat(figure.group(SexGroup.ANOTHER).suppressed()).isTrue();
			}
		}
		// Not recorded: 2 cadets, counts shown, but a rate over 1 cadet is withheld.
		assertThat(value(module.completed().group(SexGroup.UNKNOWN))).isEqualTo(1);
		assertThat(module.passRate().group(SexGroup.UNKNOWN).suppressed()).isTrue();
		assertThat(module.gain().group(SexGroup.UNKNOWN).suppressed()).isTrue();
	}

	@Test
	void xlsxReadBackKeepsFormulaLikeNamesAsText() throws Exception {
		ProgrammeReport report = reports.cohortReport(cohort.id(), Locale.ENGLISH);
		byte[] xlsx = reports.xlsx(report, Locale.ENGLISH);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			// Summary, modules, completion over time, objective mastery, evaluation and
			// its
			// comments.
			assertThat(workbook.getNumberOfSheets()).isEqualTo(6);
			assertThat(workbook.getSheetName(3)).isEqualTo("Objective mastery");
			assertThat(workbook.getSheetName(0)).isEqualTo("Summary");
			assertThat(workbook.getSheetName(1)).isEqualTo("Modules");
			Sheet summary = workbook.getSheetAt(0);
			assertThat(texts(summary.getRow(0))).containsExactly("Figure", "All cadets", "Female", "Male", "Another",
					"Not recorded");
			Cell name = summary.getRow(1).getCell(1);
			assertThat(name.getCellType()).isEqualTo(CellType.STRING);
			assertThat(name.getStringCellValue()).isEqualTo(cohort.name()).startsWith("=1+2");
			assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
			Row enrolled = summary.getRow(4);
			assertThat(enrolled.getCell(0).getStringCellValue()).isEqualTo("Cadets enrolled");
			assertThat(enrolled.getCell(1).getNumericCellValue()).isEqualTo(14);
			assertThat(enrolled.getCell(2).getNumericCellValue()).isEqualTo(6);
			assertThat(enrolled.getCell(3).getStringCellValue()).isEqualTo("withheld");
			assertThat(enrolled.getCell(5).getNumericCellValue()).isEqualTo(2);
			Sheet modules = workbook.getSheetAt(1);
			Row passRate = rowStartingWith(modules, 1, "Pass rate (post-test)");
			assertThat(passRate.getCell(2).getNumericCellValue()).isEqualTo(80.0);
			assertThat(passRate.getCell(3).getNumericCellValue()).isEqualTo(80.0);
			Row gain = rowStartingWith(modules, 1, "Knowledge gain (points)");
			assertThat(gain.getCell(2).getNumericCellValue()).isEqualTo(37.8);
			assertThat(gain.getCell(3).getNumericCellValue()).isEqualTo(32.0);
			assertThat(gain.getCell(6).getStringCellValue()).isEqualTo("withheld");
			Sheet completion = workbook.getSheetAt(2);
			assertThat(completion.getLastRowNum()).isEqualTo(4);
			assertThat(completion.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(57.1);
		}
	}

	/**
	 * Objective mastery as the analysis tab counts it: six cadets answered a question of
	 * "act" (five with full credit), three answered one of "recognise" (fewer than five:
	 * withheld). The fixed cohort's attempts draw no questions, so it has none.
	 */
	@Test
	void objectiveMasteryWithSmallGroupsWithheld() throws Exception {
		CohortSummary mastery = fixtures.cohort(academy, trainer);
		fixtures.signInAs(trainer);
		cohorts.assign(mastery.id(), AnalyticsData.MODULE, null);
		AnalyticsData data = new AnalyticsData(jdbc);
		String answer = "{\"kind\":\"choices\",\"ids\":[]}";
		for (int i = 0; i < 6; i++) {
			UserAccount cadet = fixtures.user(Role.CADET, academy, "Mastery");
			cohorts.enrol(mastery.id(), cadet.id());
			long attempt = data.attempt(cadet.id(), "POST", 1, 50, false, Instant.parse("2026-10-05T08:00:00Z"));
			data.drawn(attempt, "naloxone-effect", "arrest-at-scene");
			data.answer(attempt, "arrest-at-scene", answer, (i < 5) ? 1 : 0);
			if (i < 3) {
				data.answer(attempt, "naloxone-effect", answer, 1);
			}
		}

		ProgrammeReport report = reports.cohortReport(mastery.id(), Locale.ENGLISH);
		assertThat(report.objectives())
			.extracting(ObjectiveFigures::objectiveId, ObjectiveFigures::cadets, ObjectiveFigures::masteredShare)
			.containsExactly(tuple("recognise", 3, null), tuple("act", 6, 5 / 6.0));
		assertThat(reports.cohortReport(cohort.id(), Locale.ENGLISH).objectives()).extracting(ObjectiveFigures::cadets)
			.containsOnly(0);

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(reports.xlsx(report, Locale.ENGLISH)))) {
			Sheet sheet = workbook.getSheet("Objective mastery");
			assertThat(texts(sheet.getRow(0))).containsExactly("Module", "Learning objective", "Cadets", "Mastered");
			Row act = rowStartingWith(sheet, 1, "Call for medical help and keep the person breathing.");
			assertThat(act.getCell(2).getNumericCellValue()).isEqualTo(6);
			assertThat(act.getCell(3).getNumericCellValue()).isEqualTo(83.3);
			Row recognise = rowStartingWith(sheet, 1, "Recognise the signs of an opioid overdose.");
			assertThat(recognise.getCell(2).getNumericCellValue()).isEqualTo(3);
			assertThat(recognise.getCell(3).getStringCellValue()).isEqualTo("withheld");
		}
		List<String> lines = PdfText.allLines(reports.pdf(report, Locale.ENGLISH));
		assertThat(lines).contains("Objective mastery", "Learning objective", "83%", "withheld");
		List<String> dari = PdfText.allLines(reports.pdf(reports.cohortReport(mastery.id(), DARI), DARI));
		assertThat(dari).contains("فراگیری اهداف آموزشی", new LocalizedFormats().percent(5 / 6.0, DARI));
	}

	@Test
	void pdfInEnglishAndDari() throws Exception {
		ProgrammeReport english = reports.cohortReport(cohort.id(), Locale.ENGLISH);
		List<String> lines = PdfText.lines(reports.pdf(english, Locale.ENGLISH));
		assertThat(lines).contains("Programme report: cohort " + cohort.name(),
				"Period: September 1, 2026 to December 20, 2026", "Cadets enrolled", "14", "withheld",
				"Sex not recorded: 14% of cadets");

		ProgrammeReport dari = reports.cohortReport(cohort.id(), DARI);
		byte[] pdf = reports.pdf(dari, DARI);
		List<String> dariLines = PdfText.lines(pdf);
		String share = new LocalizedFormats().percent(2 / 14.0, DARI);
		assertThat(share).contains("۱۴");
		assertThat(dariLines).contains("گزارش برنامه: صنف " + cohort.name(), "محصلین ثبت نام شده", "۱۴", "پنهان",
				"جنسیت ثبت نشده: " + share + " از محصلین");
		// Solar Hijri: 1 September 2026 is 10 Sunbula 1405.
		String start = new LocalizedFormats().date(LocalDate.of(2026, 9, 1), DARI);
		assertThat(start).contains("۱۰", "سنبله", "۱۴۰۵");
		assertThat(dariLines)
			.contains("دوره: از " + start + " تا " + new LocalizedFormats().date(LocalDate.of(2026, 12, 20), DARI));
		// pdftotext reads the glyphs through their ToUnicode map: the shaped (joined)
		// Dari
		// letters come back as the letters typed.
		Path file = Files.createTempFile("programme-report", ".pdf");
		try {
			Files.write(file, pdf);
			String poppler = String.join(" ", Poppler.lines(file));
			assertThat(poppler).contains("برنامه", "محصلین", "۱۴");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void onlyTheCohortsTrainersAndAdministrators() {
		fixtures.signInAs(otherTrainer);
		assertThatThrownBy(() -> reports.cohortReport(cohort.id(), Locale.ENGLISH))
			.isInstanceOf(AccessDeniedException.class);
		// The other trainer's academy report covers only their own cohort.
		ProgrammeReport theirs = reports.academyReport(academy.id(), Locale.ENGLISH);
		assertThat(value(theirs.enrolled().total())).isEqualTo(1);
		assertThat(theirs.academy()).isTrue();
		fixtures.signInAs(fixtures.user(Role.CADET, academy, "Curious cadet"));
		assertThatThrownBy(() -> reports.cohortReport(cohort.id(), Locale.ENGLISH))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> reports.academyReport(academy.id(), Locale.ENGLISH))
			.isInstanceOf(AccessDeniedException.class);
		fixtures.signInAs(fixtures.user(Role.ADMIN, academy, "Administrator"));
		assertThat(value(reports.academyReport(academy.id(), Locale.ENGLISH).enrolled().total())).isEqualTo(15);
		assertThat(value(reports.cohortReport(cohort.id(), Locale.ENGLISH).enrolled().total())).isEqualTo(14);
		fixtures.signInAs(trainer);
		assertThat(reports.academies()).extracting(Academy::id).contains(academy.id());
		assertThat(value(reports.academyReport(academy.id(), Locale.ENGLISH).enrolled().total())).isEqualTo(14);
	}

	@Test
	void courseEvaluationResultsWithTheirThresholdOfFiveAnswers() throws Exception {
		ProgrammeReport before = reports.cohortReport(cohort.id(), Locale.ENGLISH);
		assertThat(before.evaluation()).hasSize(1);
		assertThat(before.evaluation().get(0).shown()).isFalse();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(reports.xlsx(before, Locale.ENGLISH)))) {
			assertThat(workbook.getSheet("Evaluation").getRow(1).getCell(1).getStringCellValue())
				.isEqualTo("Not shown: fewer than 5 answers (0).");
		}
		// Five of the cadets who completed the module answer; one writes a formula.
		for (UserAccount cadet : completedCadets.subList(0, 5)) {
			fixtures.signInAs(cadet);
			evaluations.answer(AnalyticsData.MODULE, Map.of("relevance", 5, "clarity", 4, "confidence", 3),
					cadet.equals(completedCadets.get(0)) ? "=SUM(A1:A9)" : null);
		}
		fixtures.signInAs(trainer);
		ProgrammeReport after = reports.cohortReport(cohort.id(), Locale.ENGLISH);
		assertThat(after.evaluation().get(0).shown()).isTrue();
		assertThat(after.evaluation().get(0).answered()).isEqualTo(5);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(reports.xlsx(after, Locale.ENGLISH)))) {
			Row relevance = rowStartingWith(workbook.getSheet("Evaluation"), 0,
					after.evaluation().get(0).moduleTitle());
			assertThat(relevance.getCell(2).getNumericCellValue()).isEqualTo(5);
			assertThat(relevance.getCell(3).getNumericCellValue()).isEqualTo(5.0);
			Cell comment = workbook.getSheet("Comments").getRow(1).getCell(1);
			assertThat(comment.getCellType()).isEqualTo(CellType.STRING);
			assertThat(comment.getStringCellValue()).isEqualTo("=SUM(A1:A9)");
			assertThat(comment.getCellStyle().getQuotePrefixed()).isTrue();
		}
		try (PDDocument pdf = Loader.loadPDF(reports.pdf(after, Locale.ENGLISH))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Course evaluation", "Mean (1 to 5)");
		}
		// Pooled over an academy: administrators only; a trainer's academy report leaves
		// it out.
		assertThat(reports.academyReport(academy.id(), Locale.ENGLISH).evaluation()).isNull();
		fixtures.signInAs(fixtures.user(Role.ADMIN, academy, "Administrator"));
		assertThat(reports.academyReport(academy.id(), Locale.ENGLISH).evaluation()).isNotNull();
	}

	private static double value(org.lepha.academy.reports.Cell cell) {
		assertThat(cell.suppressed()).as("withheld").isFalse();
		assertThat(cell.value()).as("value").isNotNull();
		return cell.value();
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		row.forEach((c) -> texts.add(c.getStringCellValue()));
		return texts;
	}

	private static Row rowStartingWith(Sheet sheet, int column, String text) {
		for (Row row : sheet) {
			Cell cell = row.getCell(column);
			if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
				return row;
			}
		}
		throw new AssertionError("no row " + text);
	}

}
