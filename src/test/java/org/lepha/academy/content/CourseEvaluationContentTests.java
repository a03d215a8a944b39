package org.lepha.academy.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lepha.academy.content.internal.ContentLoader;
import org.lepha.academy.content.internal.ContentSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The course evaluation in {@code course.yaml}: the shipped one loads with its
 * translations, and every planted mistake is reported with its code and line, and keeps
 * the evaluation from being served (the modules still are).
 */
class CourseEvaluationContentTests {

	private static final Locale RU = Locale.forLanguageTag("ru");

	private static final Locale DARI = Locale.forLanguageTag("fa-AF");

	private static final String DOCUMENTS = """
			documents:
			  - file: 003_45d389ae66037507.txt
			    title: "Harm reduction policing: a briefing for law enforcement"
			    publisher: Open Society Foundations
			""";

	private static final String SCALE = """
			  scale:
			    - Strongly disagree
			    - Disagree
			    - Neither agree nor disagree
			    - Agree
			    - Strongly agree
			""";

	@TempDir
	Path dir;

	@Test
	void theShippedEvaluationLoadsWithItsRussianAndDariTranslations() {
		ContentSnapshot course = ContentLoader.load(Path.of("content"), Path.of("translations"),
				List.of(Locale.ENGLISH, RU, DARI));
		Evaluation evaluation = course.course().evaluation();
		assertThat(evaluation).isNotNull();
		assertThat(evaluation.scale()).hasSize(5);
		assertThat(evaluation.likertItems()).extracting(EvaluationItem::id)
			.contains("relevance", "clarity")
			.doesNotHaveDuplicates();
		assertThat(evaluation.freeText()).map(EvaluationItem::id).hasValue("change");
		for (Locale locale : List.of(RU, DARI)) {
			Coverage coverage = course.coverage(Evaluation.TRANSLATION_ID, locale);
			assertThat(coverage.total()).isEqualTo(evaluation.scale().size() + evaluation.items().size());
			assertThat(coverage.missing()).as("missing in " + locale).isZero();
			assertThat(coverage.stale()).as("stale in " + locale).isZero();
		}
		assertThat(course.resolve(Evaluation.TRANSLATION_ID, evaluation.scale().get(4), DARI, true).text())
			.isEqualTo("کاملاً موافق");
		assertThat(
				course.resolve(Evaluation.TRANSLATION_ID, evaluation.freeText().orElseThrow().text(), RU, true).text())
			.isEqualTo("Что бы вы изменили в этом модуле?");
		assertThat(course.allProblems()).filteredOn((p) -> p.path().contains("course."))
			.map(ContentProblem::toString)
			.isEmpty();
	}

	@Test
	void aCourseWithoutAnEvaluationAsksNothing() throws IOException {
		ContentSnapshot course = load(DOCUMENTS);
		assertThat(course.course().evaluation()).isNull();
		assertThat(course.allProblems()).isEmpty();
	}

	@Test
	void unknownKeysDuplicateIdsAndMissingTextsAreReportedAtTheirLines() throws IOException {
		ContentSnapshot course = load(DOCUMENTS + """
				evaluation:
				  version: 1
				""" + SCALE + """
				  items:
				    - id: relevance
				      type: likert
				      text: Relevant to my work.
				      colour: blue
				    - id: relevance
				      type: likert
				      text: Clear.
				    - id: clarity
				      type: likert
				""");
		assertThat(found(course)).contains("course.yaml:17: C002", "course.yaml:18: C006", "course.yaml:21: C003");
		assertThat(course.course().evaluation()).isNull();
	}

	@Test
	void aSecondFreeTextABadTypeAndAScaleOfFourPointsAreRefused() throws IOException {
		ContentSnapshot course = load(DOCUMENTS + """
				evaluation:
				  version: 1
				  scale: [Disagree, Rather disagree, Rather agree, Agree]
				  items:
				    - {id: relevance, type: likert, text: Relevant to my work.}
				    - {id: change, type: text, text: "What would you change?"}
				    - {id: keep, type: text, text: "What would you keep?"}
				    - {id: stars, type: stars, text: "How many stars?"}
				""");
		assertThat(found(course)).contains("course.yaml:7: C015", "course.yaml:11: C015", "course.yaml:12: C015");
		assertThat(course.course().evaluation()).isNull();
	}

	@Test
	void anEvaluationWithoutALikertItemOrWithAnEmptyPointIsRefused() throws IOException {
		ContentSnapshot noLikert = load(DOCUMENTS + """
				evaluation:
				  version: 1
				""" + SCALE + """
				  items:
				    - {id: change, type: text, text: "What would you change?"}
				""");
		assertThat(found(noLikert)).contains("course.yaml:13: C003");
		ContentSnapshot emptyPoint = load(DOCUMENTS + """
				evaluation:
				  version: 1
				  scale: [Strongly disagree, Disagree, ~, Agree, Strongly agree]
				  items:
				    - {id: relevance, type: likert, text: Relevant to my work.}
				""");
		assertThat(found(emptyPoint)).contains("course.yaml:7: C003");
		assertThat(emptyPoint.course().evaluation()).isNull();
	}

	@Test
	void theCourseTranslationIsCheckedLikeAModules() throws IOException {
		Path translations = dir.resolve("translations");
		Files.createDirectories(translations.resolve("content/ru"));
		Files.writeString(translations.resolve("content/ru/course.xlf"), """
				<?xml version="1.0"?>
				<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">
				 <file id="course">
				  <unit id="evaluation.item.gone.text">
				   <segment state="translated">
				    <source>Gone.</source>
				    <target>Нет.</target>
				   </segment>
				  </unit>
				 </file>
				</xliff>
				""", StandardCharsets.UTF_8);
		ContentSnapshot course = load(DOCUMENTS + """
				evaluation:
				  version: 1
				""" + SCALE + """
				  items:
				    - {id: relevance, type: likert, text: Relevant to my work.}
				""");
		assertThat(course.course().evaluation()).isNotNull();
		assertThat(found(course)).contains("course.xlf:4: T001");
	}

	@Test
	void theValidatorStartsTheCoursesTranslationFileBesideTheModules() throws IOException {
		load(DOCUMENTS + """
				evaluation:
				  version: 1
				""" + SCALE + """
				  items:
				    - {id: relevance, type: likert, text: Relevant to my work.}
				""");
		java.io.PrintStream quiet = new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true,
				StandardCharsets.UTF_8);
		assertThat(ContentValidatorCommand.run(new String[] { "--export-xliff", "ru", dir.resolve("content").toString(),
				dir.resolve("translations").toString() }, quiet, quiet))
			.isZero();
		assertThat(dir.resolve("translations/content/ru/course.xlf")).exists();
		ContentSnapshot after = ContentLoader.load(dir.resolve("content"), dir.resolve("translations"),
				List.of(Locale.ENGLISH, RU));
		assertThat(after.coverage(Evaluation.TRANSLATION_ID, RU).total()).isEqualTo(6);
		assertThat(after.coverage(Evaluation.TRANSLATION_ID, RU).missing()).isEqualTo(6);
		assertThat(after.allProblems()).isEmpty();
	}

	@Test
	void aModuleFolderCannotTakeTheCoursesTranslationName() throws IOException {
		Files.createDirectories(dir.resolve("content/course"));
		assertThat(found(load(DOCUMENTS))).contains("course:1: C007");
	}

	private ContentSnapshot load(String courseYaml) throws IOException {
		Files.createDirectories(dir.resolve("content"));
		Files.createDirectories(dir.resolve("translations/content"));
		Files.writeString(dir.resolve("content/course.yaml"), courseYaml, StandardCharsets.UTF_8);
		return ContentLoader.load(dir.resolve("content"), dir.resolve("translations"),
				List.of(Locale.ENGLISH, RU, DARI));
	}

	/** Problems as {@code file:line: CODE}, the file without its folders. */
	private static List<String> found(ContentSnapshot snapshot) {
		return snapshot.allProblems()
			.stream()
			.map((p) -> p.path().substring(p.path().lastIndexOf('/') + 1) + ":" + p.line() + ": "
					+ p.code().shortCode())
			.toList();
	}

}
