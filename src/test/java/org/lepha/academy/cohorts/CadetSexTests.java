package org.lepha.academy.cohorts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The optional recorded sex (decision 0018): the import's optional {@code sex} column in
 * English, Russian and Dari words, a clear problem for any other word, and the field on
 * the cadet's detail page, for the cohort's trainers only.
 */
@IntegrationTest
class CadetSexTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	CadetImport cadetImport;

	@Autowired
	CadetDetails details;

	@Autowired
	CohortService cohorts;

	@Autowired
	UiTranslationProvider strings;

	AcademyFixture fixtures;

	Academy academy;

	CohortSummary cohort;

	@BeforeEach
	void setUp() {
		fixtures = new AcademyFixture(context);
		academy = fixtures.academy();
		UserAccount trainer = fixtures.user(Role.TRAINER, academy, "Trainer");
		cohort = fixtures.cohort(academy, trainer);
		fixtures.signInAs(trainer);
	}

	@AfterEach
	void tearDown() {
		AcademyFixture.signOut();
	}

	@Test
	void sexColumnInEveryLanguageIsRecordedAndMayBeEmpty() {
		List<String> names = List.of(AcademyFixture.unique("zarina."), AcademyFixture.unique("ivan."),
				AcademyFixture.unique("mariam."), AcademyFixture.unique("ahmad."), AcademyFixture.unique("alex."),
				AcademyFixture.unique("sam."));
		byte[] file = ("full_name,username,email,language,Sex\n" + "Зарина," + names.get(0) + ",,ru,Женский\n" + "Иван,"
				+ names.get(1) + ",,ru,м\n" + "مریم," + names.get(2) + ",,fa-AF,زن\n" + "احمد," + names.get(3)
				+ ",,fa-AF, مرد \n" + "Alex," + names.get(4) + ",,en,another\n" + "Sam," + names.get(5) + ",,en,\n")
			.getBytes(StandardCharsets.UTF_8);

		ImportResult result = cadetImport.importCadets(cohort.id(), file);

		assertThat(result.problems()).isEmpty();
		Map<String, Long> ids = result.created()
			.stream()
			.collect(Collectors.toMap(ImportedCadet::username, ImportedCadet::userId));
		List<CadetSex> expected = List.of(CadetSex.FEMALE, CadetSex.MALE, CadetSex.FEMALE, CadetSex.MALE,
				CadetSex.ANOTHER);
		for (int i = 0; i < expected.size(); i++) {
			assertThat(details.detail(cohort.id(), ids.get(names.get(i))).sex()).as(names.get(i))
				.isEqualTo(expected.get(i));
		}
		assertThat(details.detail(cohort.id(), ids.get(names.get(5))).sex()).as("empty cell: not recorded").isNull();
	}

	@Test
	void anUnknownWordIsATranslatedRowProblemAndNothingIsCreated() {
		String good = AcademyFixture.unique("good.");
		byte[] file = ("full_name,username,email,language,sex\n" + "Good," + good + ",,en,female\n" + "Odd,"
				+ AcademyFixture.unique("odd.") + ",,en,=cmd|'/c calc'!A1\n")
			.getBytes(StandardCharsets.UTF_8);

		ImportResult result = cadetImport.importCadets(cohort.id(), file);

		assertThat(result.created()).isEmpty();
		assertThat(result.problems()).extracting(ImportProblem::line, ImportProblem::messageKey)
			.containsExactly(tuple(3, "report.import.sex"));
		ImportProblem problem = result.problems().get(0);
		for (String tag : List.of("en", "ru", "fa-AF")) {
			String message = strings.getTranslation(problem.messageKey(), Locale.forLanguageTag(tag),
					problem.arguments().toArray());
			assertThat(message).as(tag).contains("=cmd|'/c calc'!A1").doesNotStartWith("!");
		}
		assertThat(cohorts.cadets(cohort.id())).isEmpty();
	}

	@Test
	void theDetailPageFieldIsForTheCohortsTrainersOnly() {
		UserAccount cadet = fixtures.user(Role.CADET, academy, "Cadet");
		cohorts.enrol(cohort.id(), cadet.id());
		details.setSex(cohort.id(), cadet.id(), CadetSex.FEMALE);
		assertThat(details.detail(cohort.id(), cadet.id()).sex()).isEqualTo(CadetSex.FEMALE);
		details.setSex(cohort.id(), cadet.id(), null);
		assertThat(details.detail(cohort.id(), cadet.id()).sex()).isNull();

		UserAccount other = fixtures.user(Role.TRAINER, academy, "Other trainer");
		CohortSummary otherCohort = fixtures.cohort(academy, other);
		fixtures.signInAs(other);
		assertThatThrownBy(() -> details.setSex(cohort.id(), cadet.id(), CadetSex.MALE))
			.isInstanceOf(AccessDeniedException.class);
		// Through their own cohort: the cadet was never in it.
		assertThatThrownBy(() -> details.setSex(otherCohort.id(), cadet.id(), CadetSex.MALE))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void wordsAreReadInEveryLanguage() {
		assertThat(CadetSex.parse("FEMALE")).contains(CadetSex.FEMALE);
		assertThat(CadetSex.parse("Мужской")).contains(CadetSex.MALE);
		assertThat(CadetSex.parse("دیگر")).contains(CadetSex.ANOTHER);
		// Arabic yeh typed on an Arabic keyboard is the Dari word too.
		assertThat(CadetSex.parse("ديگر")).contains(CadetSex.ANOTHER);
		assertThat(CadetSex.parse("  ")).isEmpty();
		assertThatThrownBy(() -> CadetSex.parse("unknown")).isInstanceOf(IllegalArgumentException.class);
	}

}
