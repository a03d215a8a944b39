package org.lepha.academy.cohorts;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.audit.AuditAction;
import org.lepha.academy.audit.AuditFilter;
import org.lepha.academy.audit.AuditLog;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A trainer enrols a class from a spreadsheet export: a good file creates every cadet
 * with a one-time password; a file with any problem creates nothing and names every
 * problem by line.
 */
@IntegrationTest
class CadetImportTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	CadetImport cadetImport;

	@Autowired
	CohortService cohorts;

	@Autowired
	UserAccountService accounts;

	@Autowired
	AuditLog audit;

	AcademyFixture fixtures;

	UserAccount trainer;

	CohortSummary cohort;

	@BeforeEach
	void setUp() {
		fixtures = new AcademyFixture(context);
		Academy academy = fixtures.academy();
		trainer = fixtures.user(Role.TRAINER, academy, "Trainer");
		cohort = fixtures.cohort(academy, trainer);
		fixtures.signInAs(trainer);
	}

	@AfterEach
	void tearDown() {
		AcademyFixture.signOut();
	}

	@Test
	void goodFileWithCyrillicAndDariNamesCreatesEnrolledCadetsWithOneTimePasswords() {
		String a = AcademyFixture.unique("madina.");
		String b = AcademyFixture.unique("farishta.");
		String c = AcademyFixture.unique("aibek.");
		byte[] file = ("\uFEFFfull_name,username,email,language\n" + "Мадина Ахметова," + a + ",madina@example.org,ru\n"
				+ "فرشته نوری," + b + ",,fa-AF\n" + "\"Nurlanov, Aibek\"," + c + ",,en\n")
			.getBytes(StandardCharsets.UTF_8);

		ImportResult result = cadetImport.importCadets(cohort.id(), file);

		assertThat(result.problems()).isEmpty();
		assertThat(result.created()).extracting(ImportedCadet::fullName)
			.containsExactly("Мадина Ахметова", "فرشته نوری", "Nurlanov, Aibek");
		assertThat(result.created()).allSatisfy((cadet) -> assertThat(cadet.oneTimePassword()).hasSize(12));
		assertThat(cohorts.cadets(cohort.id())).extracting(EnrolledCadet::fullName)
			.containsExactlyInAnyOrder("Мадина Ахметова", "فرشته نوری", "Nurlanov, Aibek");
		UserAccount madina = SystemAccess.asAdministrator(
				() -> accounts.listUsers().stream().filter((u) -> u.username().equals(a)).findFirst().orElseThrow());
		assertThat(madina.mustChangePassword()).isTrue();
		assertThat(madina.roles()).containsExactly(Role.CADET);
		assertThat(madina.locale().toLanguageTag()).isEqualTo("ru");
		assertThat(SystemAccess.asAdministrator(() -> audit
			.search(new AuditFilter(AuditAction.ACCOUNTS_IMPORTED, trainer.username(), null, null), 0, 10))).hasSize(1);
	}

	@Test
	void fileWithProblemsCreatesNothingAndReportsEveryProblemByLine() {
		String existing = trainer.username();
		String dup = AcademyFixture.unique("dup.");
		String ok = AcademyFixture.unique("fine.");
		byte[] file = ("full_name,username,email,language\n" + "Good Cadet," + ok + ",,en\n" // line
																								// 2
				+ "Taken Name," + existing + ",,en\n" // line 3: exists
				+ "Dup One," + dup + ",,ru\n" // line 4
				+ "Dup Two," + dup + ",,ru\n" // line 5: duplicate of 4
				+ "Bad Language," + AcademyFixture.unique("lang.") + ",,de\n" // line 6
				+ ",noname" + AcademyFixture.unique("") + ",,en\n" // line 7: no name
				+ "Bad Mail," + AcademyFixture.unique("mail.") + ",not-an-address,en\n" // line
																						// 8
				+ "Too,Many,Columns,en,extra\n") // line 9
			.getBytes(StandardCharsets.UTF_8);

		ImportResult result = cadetImport.importCadets(cohort.id(), file);

		assertThat(result.succeeded()).isFalse();
		assertThat(result.created()).isEmpty();
		assertThat(result.problems()).extracting(ImportProblem::line, ImportProblem::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "import.error.usernameTaken"),
					org.assertj.core.groups.Tuple.tuple(5, "import.error.duplicate"),
					org.assertj.core.groups.Tuple.tuple(6, "import.error.language"),
					org.assertj.core.groups.Tuple.tuple(7, "import.error.fullName"),
					org.assertj.core.groups.Tuple.tuple(8, "import.error.email"),
					org.assertj.core.groups.Tuple.tuple(9, "import.error.columnCount"));
		assertThat(cohorts.cadets(cohort.id())).isEmpty();
		assertThat(accounts.takenUsernames(List.of(ok, dup))).isEmpty();
	}

	@Test
	void fileInALegacyCodePageIsRefusedWithTheLinesThatAreNotUtf8() {
		byte[] file = ("full_name,username,email,language\n" + "Ivan Petrov,ivan" + AcademyFixture.unique("") + ",,ru\n"
				+ "Мадина Ахметова,madina" + AcademyFixture.unique("") + ",,ru\n")
			.getBytes(Charset.forName("windows-1251"));

		ImportResult result = cadetImport.importCadets(cohort.id(), file);

		assertThat(result.problems()).extracting(ImportProblem::line, ImportProblem::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "import.error.encoding"));
		assertThat(cohorts.cadets(cohort.id())).isEmpty();
	}

	@Test
	void missingColumnsAreReportedOnTheHeaderLine() {
		ImportResult result = cadetImport.importCadets(cohort.id(),
				"name,login\nA,b\n".getBytes(StandardCharsets.UTF_8));
		assertThat(result.problems()).allSatisfy((p) -> assertThat(p.line()).isEqualTo(1));
		assertThat(result.problems()).extracting(ImportProblem::messageKey)
			.contains("import.error.unknownColumn", "import.error.missingColumn");
	}

	@Test
	void handoutIsUtf8WithBomAndNeutralizesFormulas() throws Exception {
		byte[] handout = CadetImport.handout(List.of(
				new ImportedCadet(1, "=HYPERLINK(\"http://evil\")", "user.one", null,
						java.util.Locale.forLanguageTag("fa-AF"), "pw-123"),
				new ImportedCadet(2, "گلالی چکری", "user.two", null, java.util.Locale.forLanguageTag("fa-AF"), "+pw")),
				List.of("نام کامل", "نام کاربری", "رمز یک‌بار مصرف", "زبان"));
		assertThat(handout).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		String text = new String(handout, 3, handout.length - 3, StandardCharsets.UTF_8);
		List<CSVRecord> records = CSVFormat.RFC4180.parse(new java.io.StringReader(text)).getRecords();
		assertThat(records.get(0).get(0)).isEqualTo("نام کامل");
		assertThat(records.get(1).get(0)).isEqualTo("'=HYPERLINK(\"http://evil\")");
		assertThat(records.get(2).get(0)).isEqualTo("گلالی چکری");
		assertThat(records.get(2).get(2)).isEqualTo("'+pw");
	}

	@Test
	void aTrainerCannotImportIntoAnotherTrainersCohort() {
		Academy other = fixtures.academy();
		UserAccount otherTrainer = fixtures.user(Role.TRAINER, other, "Other trainer");
		CohortSummary otherCohort = fixtures.cohort(other, otherTrainer);
		byte[] file = ("full_name,username,email,language\nX Y," + AcademyFixture.unique("x.") + ",,en\n")
			.getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> cadetImport.importCadets(otherCohort.id(), file))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> cadetImport.check(otherCohort.id(), file)).isInstanceOf(AccessDeniedException.class);
	}

}
