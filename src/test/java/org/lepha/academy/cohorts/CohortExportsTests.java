package org.lepha.academy.cohorts;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Progress and quiz-result exports on a fixed data set, read back from CSV and XLSX: the
 * header is translated, a cadet named like a formula stays text.
 */
@IntegrationTest
class CohortExportsTests {

	@Autowired
	ApplicationContext context;

	static final Function<String, String> LABELS = (key) -> "[" + key + "]";

	@Autowired
	CohortExports exports;

	@Autowired
	CohortService cohorts;

	@Autowired
	UserAccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	@Test
	void progressAndQuizResultsAsCsvAndXlsx() throws Exception {
		AcademyFixture fixtures = new AcademyFixture(context);
		Academy academy = fixtures.academy();
		UserAccount trainer = fixtures.user(Role.TRAINER, academy, "Trainer");
		UserAccount formula = fixtures.user(Role.CADET, academy, "=1+1");
		UserAccount plain = fixtures.user(Role.CADET, academy, "Zara Plain");
		CohortSummary cohort = fixtures.cohort(academy, trainer);
		fixtures.signInAs(trainer);
		cohorts.enrol(cohort.id(), formula.id());
		cohorts.enrol(cohort.id(), plain.id());
		LocalDate today = LocalDate.of(2026, 11, 20);
		cohorts.assign(cohort.id(), AnalyticsData.MODULE, LocalDate.of(2026, 11, 1));

		AnalyticsData data = new AnalyticsData(jdbc);
		Instant first = Instant.parse("2026-10-05T08:30:00Z");
		data.attempt(formula.id(), "POST", 1, 50, false, first);
		data.attempt(formula.id(), "POST", 2, 80, true, first.plusSeconds(3600));
		data.attempt(formula.id(), "POST", 3, null, null, null);
		data.attempt(formula.id(), "PRE", 1, 20, null, first.minusSeconds(86400));
		data.completed(formula.id(), first.plusSeconds(3600));

		ExportTable progress = exports.progress(cohort.id(), Locale.ENGLISH, LABELS, today, ZoneOffset.UTC);
		assertThat(progress.header()).containsExactly("[export.cadet]", "[export.username]", "[export.module]",
				"[export.status]", "[export.bestScore]", "[export.completedAt]", "[export.dueDate]",
				"[export.overdue]");
		assertThat(progress.rows()).containsExactly(
				Arrays.asList("=1+1", formula.username(), "Responding to an overdose", "[status.COMPLETED]", 80,
						LocalDateTime.of(2026, 10, 5, 9, 30), LocalDate.of(2026, 11, 1), "[export.no]"),
				Arrays.asList("Zara Plain", plain.username(), "Responding to an overdose", "[status.NOT_STARTED]", null,
						null, LocalDate.of(2026, 11, 1), "[export.yes]"));

		List<CSVRecord> csv = csv(progress.toCsv());
		assertThat(csv.get(0).toList()).containsExactlyElementsOf(progress.header());
		assertThat(csv.get(1).toList()).containsExactly("'=1+1", formula.username(), "Responding to an overdose",
				"[status.COMPLETED]", "80", "2026-10-05 09:30", "2026-11-01", "[export.no]");
		assertThat(csv.get(2).get(4)).isEmpty();

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(progress.toXlsx("Progress")))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("[export.cadet]");
			var name = sheet.getRow(1).getCell(0);
			assertThat(name.getCellType()).isEqualTo(CellType.STRING);
			assertThat(name.getStringCellValue()).isEqualTo("=1+1");
			assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(sheet.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(80.0);
			assertThat(sheet.getRow(1).getCell(5).getLocalDateTimeCellValue())
				.isEqualTo(LocalDateTime.of(2026, 10, 5, 9, 30));
			assertThat(sheet.getRow(2).getCell(4)).isNull();
			assertThat(sheet.getRow(2).getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
		}

		ExportTable results = exports.quizResults(cohort.id(), Locale.ENGLISH, LABELS, ZoneOffset.UTC);
		assertThat(results.header()).containsExactly("[export.cadet]", "[export.username]", "[export.module]",
				"[export.attempt]", "[export.score]", "[export.passed]", "[export.submittedAt]");
		assertThat(results.rows()).containsExactly(
				Arrays.asList("=1+1", formula.username(), "Responding to an overdose", 1, 50, "[export.no]",
						LocalDateTime.of(2026, 10, 5, 8, 30)),
				Arrays.asList("=1+1", formula.username(), "Responding to an overdose", 2, 80, "[export.yes]",
						LocalDateTime.of(2026, 10, 5, 9, 30)));
		List<CSVRecord> resultsCsv = csv(results.toCsv());
		assertThat(resultsCsv).hasSize(3);
		assertThat(resultsCsv.get(2).toList()).containsExactly("'=1+1", formula.username(), "Responding to an overdose",
				"2", "80", "[export.yes]", "2026-10-05 09:30");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(results.toXlsx("Quiz results")))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			assertThat(sheet.getRow(2).getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(sheet.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(2.0);
		}

		UserAccount stranger = fixtures.user(Role.TRAINER, academy, "Stranger");
		fixtures.signInAs(stranger);
		assertThatThrownBy(() -> exports.progress(cohort.id(), Locale.ENGLISH, LABELS, today, ZoneOffset.UTC))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> exports.quizResults(cohort.id(), Locale.ENGLISH, LABELS, ZoneOffset.UTC))
			.isInstanceOf(AccessDeniedException.class);
	}

	private static List<CSVRecord> csv(byte[] bytes) throws Exception {
		assertThat(bytes[0]).isEqualTo((byte) 0xEF);
		String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
	}

}
