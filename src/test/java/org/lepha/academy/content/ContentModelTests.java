package org.lepha.academy.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lepha.academy.content.internal.ContentLoader;
import org.lepha.academy.content.internal.ContentSnapshot;
import org.lepha.academy.content.internal.MarkdownRenderer;
import org.lepha.academy.content.internal.SourceHash;
import org.lepha.academy.content.internal.TranslationEntry;
import org.lepha.academy.content.internal.XliffFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content model on a small valid module: structure and ids, rendering, conditions,
 * translations with their resolution order, stale detection and the XLIFF round trip.
 */
class ContentModelTests {

	private static final Path VALID = Path.of("src/test/resources/content-valid");

	private static final Locale RU = Locale.forLanguageTag("ru");

	private static final List<Locale> LOCALES = List.of(Locale.ENGLISH, RU, Locale.forLanguageTag("fa-AF"));

	@TempDir
	Path temp;

	private ContentSnapshot load(Path root) {
		return ContentLoader.load(root.resolve("content"), root.resolve("translations"), LOCALES);
	}

	@Test
	void theExampleModuleLoadsWithoutProblemsAndKeepsItsAuthoredIds() {
		ContentSnapshot snapshot = load(VALID);
		// Its two-node scenario is too small to hold two dilemmas and a delayed
		// consequence; every other authoring standard holds.
		assertThat(snapshot.allProblems()).extracting((p) -> p.code().shortCode())
			.containsExactlyInAnyOrder("S003", "S004");
		assertThat(snapshot.hasErrors()).isFalse();
		Module module = snapshot.modules().get("example-module");
		assertThat(snapshot.served()).containsExactly("example-module");
		assertThat(module.lessons()).extracting(Lesson::id).containsExactly("signs-of-overdose", "first-steps");
		assertThat(module.lessons().get(0).sections()).extracting(LessonSection::id)
			.containsExactly("what-it-looks-like", "minutes-matter");
		assertThat(module.lessons().get(0).sections().get(0).markdown().english())
			.startsWith("## What an overdose looks like\n")
			.doesNotContain("{#");
		assertThat(module.quiz().questions()).extracting(Question::type)
			.containsExactly(QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUE_FALSE, QuestionType.MATCHING,
					QuestionType.ORDERING, QuestionType.SINGLE, QuestionType.TRUE_FALSE);
		assertThat(module.quiz().questions()).filteredOn((q) -> q.pool() == QuizKind.PRE)
			.extracting(Question::id)
			.containsExactly("first-check", "naloxone-harm");
		assertThat(module.quiz().preTestDrawCount()).isEqualTo(2);
		assertThat(module.completion()).isEqualTo(CompletionRule.standard());
		Scenario scenario = module.scenarios().get(0);
		assertThat(scenario.endings()).extracting(Ending::rating)
			.containsExactly(Rating.EXEMPLARY, Rating.ACCEPTABLE, Rating.HARMFUL);
	}

	@Test
	void aChoiceMadeEarlyDecidesWhatIsOfferedLater() {
		Scenario scenario = load(VALID).modules().get("example-module").scenarios().get(0);
		ScenarioNode later = scenario.node("at-his-side").orElseThrow();
		ScenarioState prepared = new ScenarioState(Set.of("arrival", "at-his-side"), Set.of("check-kit"),
				Map.of("health", 1));
		ScenarioState unprepared = new ScenarioState(Set.of("arrival", "at-his-side"), Set.of("go-straight"), Map.of());
		assertThat(later.choices().stream().filter((c) -> c.condition().test(prepared)).map(Choice::id))
			.containsExactly("give-naloxone", "search");
		assertThat(later.choices().stream().filter((c) -> c.condition().test(unprepared)).map(Choice::id))
			.containsExactly("wait-ambulance", "search");
		assertThat(new Condition.ScoreRange("health", 1, 3).test(prepared)).isTrue();
		assertThat(new Condition.All(List.of(new Condition.Visited("arrival"), new Condition.NotChose("check-kit")))
			.test(prepared)).isFalse();
	}

	@Test
	void lessonsRenderToSanitizedHtmlWithCalloutsLazyImagesAndLessonLinks() {
		Module module = load(VALID).modules().get("example-module");
		String html = MarkdownRenderer.render(module.lessons().get(0).sections().get(1).markdown().english(),
				"/content-media/example-module/", "/learn/example-module/lesson/");
		assertThat(html).contains("<table>")
			.contains("src=\"/content-media/example-module/recovery.svg\"")
			.contains("loading=\"lazy\"")
			.contains("data-callout=\"field\"")
			.contains("href=\"/learn/example-module/lesson/first-steps\"")
			.doesNotContain("[!FIELD]");
	}

	@Test
	void hostileHtmlInMarkdownOrTranslationsIsRenderedInert() {
		String html = MarkdownRenderer.render("""
				## Title

				<script>alert('x')</script>

				<img src=x onerror=alert(1)>

				[click](javascript:alert(1)) <iframe src="https://evil.example"></iframe>
				""", "/m/", "/l/");
		// What remains is escaped text or harmless markup: no script element, no
		// event-handler
		// attribute, no javascript: link, no frame, no image.
		assertThat(html).doesNotContain("<script")
			.doesNotContainPattern("<[^>]+\\son\\w+\\s*=")
			.doesNotContain("href=\"javascript")
			.doesNotContain("<iframe")
			.doesNotContain("<img");
	}

	@Test
	void resolutionPrefersApprovedThenDraftThenEnglishAndSaysWhichItGot() throws IOException {
		Path root = copy(VALID);
		Module module = load(root).modules().get("example-module");
		writeTranslations(root, module, Map.of("module.title", new String[] { "Помощь при передозировке", "APPROVED" },
				"module.summary", new String[] { "Черновик описания", "DRAFT" }));
		ContentSnapshot snapshot = load(root);

		assertThat(snapshot.resolve("example-module", module.title(), RU, true))
			.isEqualTo(new ResolvedText("Помощь при передозировке", ResolvedText.Origin.APPROVED, false));
		assertThat(snapshot.resolve("example-module", module.summary(), RU, true).origin())
			.isEqualTo(ResolvedText.Origin.DRAFT);
		assertThat(snapshot.resolve("example-module", module.summary(), RU, false))
			.isEqualTo(new ResolvedText(module.summary().english(), ResolvedText.Origin.ENGLISH_FALLBACK, false));
		assertThat(snapshot.resolve("example-module", module.certificateTitle(), RU, true).origin())
			.isEqualTo(ResolvedText.Origin.ENGLISH_FALLBACK);
		Coverage coverage = snapshot.coverage("example-module", RU);
		assertThat(coverage.approved()).isEqualTo(1);
		assertThat(coverage.draft()).isEqualTo(1);
		assertThat(coverage.missing()).isEqualTo(coverage.total() - 2);
	}

	@Test
	void changingAnEnglishSentenceMakesItsTranslationStale() throws IOException {
		Path root = copy(VALID);
		Module module = load(root).modules().get("example-module");
		writeTranslations(root, module, Map.of("module.summary", new String[] { "Что делает сотрудник", "APPROVED" }));
		assertThat(load(root).coverage("example-module", RU).stale()).isZero();

		Path manifest = root.resolve("content/example-module/module.yaml");
		Files.writeString(manifest,
				Files.readString(manifest)
					.replace("in the first minutes of a suspected opioid overdose.",
							"in the first five minutes of an overdose."));
		ContentSnapshot changed = load(root);

		assertThat(changed.coverage("example-module", RU).stale()).isEqualTo(1);
		ResolvedText text = changed.resolve("example-module", changed.modules().get("example-module").summary(), RU,
				true);
		// The cadet reads the current English, marked, rather than a translation of words
		// the course no longer says.
		assertThat(text.stale()).isTrue();
		assertThat(text.isFallback()).isTrue();
		assertThat(text.text()).isEqualTo("What an officer does in the first five minutes of an overdose.");
		assertThat(changed.allProblems())
			.anySatisfy((p) -> assertThat(p.code()).isEqualTo(ContentProblem.Code.T002_STALE));
	}

	@Test
	void xliffExportThenImportIsLossless() throws Exception {
		Module module = load(VALID).modules().get("example-module");
		List<TranslationEntry> entries = new ArrayList<>();
		for (var segment : org.lepha.academy.content.internal.Segments.of(module).entrySet()) {
			entries.add(new TranslationEntry(segment.getKey(), segment.getValue(), "«" + segment.getValue() + "»",
					TranslationEntry.State.DRAFT, SourceHash.of(segment.getValue()), 0));
		}
		String xml = XliffFiles.write("example-module", RU, entries, List.of(XliffFiles.DRAFT_NOTE));
		XliffFiles.Contents read = XliffFiles.read(xml.getBytes(StandardCharsets.UTF_8));
		assertThat(read.fileId()).isEqualTo("example-module");
		assertThat(read.targetLanguage()).isEqualTo("ru");
		assertThat(read.notes()).containsExactly(XliffFiles.DRAFT_NOTE);
		assertThat(read.entries()).hasSameSizeAs(entries);
		for (int i = 0; i < entries.size(); i++) {
			TranslationEntry expected = entries.get(i);
			TranslationEntry actual = read.entries().get(i);
			assertThat(actual.key()).isEqualTo(expected.key());
			assertThat(actual.source()).isEqualTo(expected.source());
			assertThat(actual.target()).isEqualTo(expected.target());
			assertThat(actual.state()).isEqualTo(expected.state());
			assertThat(actual.sourceHash()).isEqualTo(expected.sourceHash());
		}
	}

	@Test
	void theValidatorCommandExportsSkeletonsKeepsTranslationsAndReportsCoverageAsJson() throws IOException {
		Path root = copy(VALID);
		Module module = load(root).modules().get("example-module");
		writeTranslations(root, module, Map.of("module.title", new String[] { "Помощь", "APPROVED" }));
		String[] args = { "--export-xliff", "ru", root.resolve("content").toString(),
				root.resolve("translations").toString() };
		assertThat(ContentValidatorCommand.run(args, quiet(), quiet())).isZero();
		ContentSnapshot after = load(root);
		assertThat(after.resolve("example-module", module.title(), RU, true).text()).isEqualTo("Помощь");
		assertThat(after.coverage("example-module", RU).missing())
			.isEqualTo(after.coverage("example-module", RU).total() - 1);

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = ContentValidatorCommand.run(
				new String[] { "--json", root.resolve("content").toString(), root.resolve("translations").toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), quiet());
		assertThat(exit).isZero();
		String json = out.toString(StandardCharsets.UTF_8);
		assertThat(json).contains("\"valid\" : true")
			.contains("\"ru\"")
			.contains("\"approved\" : 1")
			.contains("\"missing\"");
		// The bank's figures against the authoring targets: 3 of the fixture's 7
		// questions are situational, none is recall, no correct option is the longest,
		// and both objectives are tested in both pools.
		assertThat(json).contains("\"questions\" : 7")
			.contains("\"situationalShare\" : 0.429")
			.contains("\"recallShare\" : 0.0")
			.contains("\"longestCorrectShare\" : 0.0")
			.contains("\"objectives\" : 2")
			.contains("\"objectivesNotCovered\" : [ ]");
	}

	@Test
	void theValidatorCommandTakesTranslationsForOneModuleFromAJsonFile() throws IOException {
		Path root = copy(VALID);
		Module module = load(root).modules().get("example-module");
		Path json = root.resolve("targets.json");
		Files.writeString(json, "{\"module.title\": \"Помощь при передозировке\"}", StandardCharsets.UTF_8);
		String content = root.resolve("content").toString();
		String translations = root.resolve("translations").toString();
		assertThat(ContentValidatorCommand.run(new String[] { "--export-xliff", "ru", "--module", "example-module",
				"--targets", json.toString(), content, translations }, quiet(), quiet()))
			.isZero();
		ContentSnapshot after = load(root);
		assertThat(after.resolve("example-module", module.title(), RU, true).text())
			.isEqualTo("Помощь при передозировке");
		assertThat(after.coverage("example-module", RU).translated()).isEqualTo(1);

		Files.writeString(json, "{\"no.such.key\": \"x\"}", StandardCharsets.UTF_8);
		assertThat(ContentValidatorCommand.run(new String[] { "--export-xliff", "ru", "--module", "example-module",
				"--targets", json.toString(), content, translations }, quiet(), quiet()))
			.isEqualTo(1);
		assertThat(ContentValidatorCommand
			.run(new String[] { "--export-xliff", "ru", "--module", "nope", content, translations }, quiet(), quiet()))
			.isEqualTo(1);
	}

	@Test
	void theValidatorCommandFailsOnTheBrokenCorpus() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = ContentValidatorCommand.run(
				new String[] { "src/test/resources/content-broken/content",
						"src/test/resources/content-broken/translations" },
				new PrintStream(out, true, StandardCharsets.UTF_8), quiet());
		assertThat(exit).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8))
			.contains("src/test/resources/content-broken/content/broken-lessons/quiz.yaml:9: C012");
	}

	@Test
	void theShippedContentAndTranslationsHaveNoErrors() {
		ContentSnapshot shipped = ContentLoader.load(Path.of("content"), Path.of("translations"), LOCALES);
		assertThat(shipped.allProblems().stream().filter(ContentProblem::isError).map(Object::toString)).isEmpty();
		assertThat(shipped.served()).hasSameSizeAs(shipped.modules().keySet());
	}

	private static PrintStream quiet() {
		return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
	}

	private void writeTranslations(Path root, Module module, Map<String, String[]> targets) throws IOException {
		List<TranslationEntry> entries = new ArrayList<>();
		org.lepha.academy.content.internal.Segments.of(module).forEach((key, english) -> {
			String[] target = targets.get(key);
			entries.add(target == null
					? new TranslationEntry(key, english, null, TranslationEntry.State.MISSING, SourceHash.of(english),
							0)
					: new TranslationEntry(key, english, target[0], TranslationEntry.State.valueOf(target[1]),
							SourceHash.of(english), 0));
		});
		Path file = root.resolve("translations/content/ru/example-module.xlf");
		Files.createDirectories(file.getParent());
		Files.writeString(file, XliffFiles.write("example-module", RU, entries, List.of()));
	}

	private Path copy(Path source) throws IOException {
		Path target = temp.resolve("copy");
		ContentFolders.copy(source, target);
		return target;
	}

}
