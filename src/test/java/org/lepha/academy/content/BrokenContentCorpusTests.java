package org.lepha.academy.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lepha.academy.content.internal.ContentLoader;
import org.lepha.academy.content.internal.ContentSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of deliberately broken modules and translations: the validator finds every
 * planted problem, each with its code, file and line, and serves none of the broken
 * modules.
 */
class BrokenContentCorpusTests {

	private static final Path ROOT = Path.of("src/test/resources/content-broken");

	private final ContentSnapshot snapshot = ContentLoader.load(ROOT.resolve("content"), ROOT.resolve("translations"),
			List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"), Locale.forLanguageTag("fa-AF")),
			ROOT.resolve("seeds"));

	private List<String> found() {
		return snapshot.allProblems()
			.stream()
			.map((p) -> p.path().substring(p.path().indexOf("content-broken/") + "content-broken/".length()) + ":"
					+ p.line() + ": " + p.code().shortCode())
			.toList();
	}

	@Test
	void everyPlantedLessonAndManifestProblemIsFoundAtItsLine() {
		assertThat(found()).contains("content/broken-lessons/module.yaml:5: C004",
				"content/broken-lessons/module.yaml:6: C002", "content/broken-lessons/module.yaml:8: C005",
				"content/broken-lessons/lessons/01.md:5: C008", "content/broken-lessons/lessons/01.md:8: C010",
				"content/broken-lessons/lessons/01.md:12: C011", "content/broken-lessons/lessons/01.md:14: C009",
				"content/broken-lessons/lessons/01.md:14: C003", "content/broken-lessons/lessons/01.md:16: C011",
				"content/broken-lessons/lessons/01.md:18: C010", "content/broken-lessons/lessons/01.md:20: C006");
	}

	@Test
	void everyPlantedQuizProblemIsFoundAtItsLine() {
		assertThat(found()).contains("content/broken-lessons/quiz.yaml:1: C014",
				"content/broken-lessons/quiz.yaml:2: C015", "content/broken-lessons/quiz.yaml:9: C012",
				"content/broken-lessons/quiz.yaml:15: C008", "content/broken-lessons/quiz.yaml:17: C013",
				"content/broken-lessons/quiz.yaml:20: C006", "content/broken-lessons/quiz.yaml:33: C013",
				"content/broken-lessons/quiz.yaml:35: C015");
	}

	@Test
	void everyPlantedScenarioProblemIsFoundAtItsLine() {
		assertThat(found()).contains("content/broken-scenario/scenarios/graph.yaml:11: C008",
				"content/broken-scenario/scenarios/graph.yaml:15: C019",
				"content/broken-scenario/scenarios/graph.yaml:19: C017",
				"content/broken-scenario/scenarios/graph.yaml:25: C018",
				"content/broken-scenario/scenarios/graph.yaml:34: C019",
				"content/broken-scenario/scenarios/graph.yaml:36: C016",
				"content/broken-scenario/scenarios/graph.yaml:44: C015",
				"content/broken-scenario/scenarios/graph.yaml:48: C008");
	}

	@Test
	void syntaxErrorsAndFolderMismatchesAreFound() {
		assertThat(found()).contains("content/broken-yaml/module.yaml:5: C001",
				"content/wrong-folder/module.yaml:1: C007");
	}

	@Test
	void everyPlantedTranslationProblemIsFoundAtItsLine() {
		assertThat(found()).contains("translations/content/ru/broken-lessons.xlf:2: T004",
				"translations/content/ru/broken-scenario.xlf:8: T002",
				"translations/content/ru/broken-scenario.xlf:12: T005",
				"translations/content/ru/broken-scenario.xlf:24: T003",
				"translations/content/ru/broken-scenario.xlf:29: T001");
		assertThat(snapshot.allProblems()).filteredOn((p) -> p.code() == ContentProblem.Code.T002_STALE)
			.allSatisfy((p) -> assertThat(p.severity()).isEqualTo(ContentProblem.Severity.WARNING));
	}

	@Test
	void everyPlantedSourceProblemIsFoundAtItsLine() {
		assertThat(found()).contains("content/broken-quality/module.yaml:18: C023",
				"content/broken-quality/module.yaml:23: C021", "content/broken-quality/lessons/02.md:10: C022");
	}

	@Test
	void everyPlantedItemWritingFlawIsWarnedAboutAtItsLine() {
		assertThat(found()).contains("content/broken-quality/quiz.yaml:6: Q001",
				"content/broken-quality/module.yaml:10: Q002", "content/broken-quality/module.yaml:10: Q003",
				"content/broken-quality/quiz.yaml:1: Q004", "content/broken-quality/quiz.yaml:22: Q005",
				"content/broken-quality/quiz.yaml:1: Q006", "content/broken-quality/quiz.yaml:33: Q007",
				"content/broken-quality/quiz.yaml:50: Q008", "content/broken-quality/lessons/02.md:2: Q009",
				"content/broken-quality/quiz.yaml:23: Q010");
	}

	@Test
	void everyPlantedScenarioFlawIsFoundAtItsLine() {
		assertThat(found()).contains("content/broken-quality/scenarios/s.yaml:12: S001",
				"content/broken-quality/scenarios/s.yaml:18: S002", "content/broken-quality/scenarios/s.yaml:1: S003",
				"content/broken-quality/scenarios/s.yaml:1: S004");
	}

	@Test
	void mediaThatIsALinkNotAnImageOrScriptedIsRefused() {
		assertThat(found()).contains("content/hostile-media/media/link.svg:1: C024",
				"content/hostile-media/media/page.html:1: C024", "content/hostile-media/media/fake.png:1: C024",
				"content/hostile-media/media/scripted.svg:1: C024", "content/hostile-media/media/handler.svg:1: C024",
				"content/hostile-media/media/javascript.svg:1: C024", "content/hostile-media/media/foreign.svg:1: C024",
				"content/hostile-media/media/external.svg:1: C024", "content/hostile-media/media/entity.svg:1: C024",
				"content/hostile-media/lessons/01.md:10: C009", "content/hostile-media/lessons/01.md:14: C009",
				"content/hostile-media/lessons/01.md:16: C009")
			.noneMatch((p) -> p.startsWith("content/hostile-media/media/fine.svg"))
			.noneMatch((p) -> p.startsWith("content/hostile-media/lessons/01.md:18:"));
	}

	@Test
	void markdownIsParsedNotPatternMatched() {
		assertThat(found()).contains("content/hostile-markdown/lessons/01.md:10: C011",
				"content/hostile-markdown/lessons/01.md:12: C008", "content/hostile-markdown/lessons/01.md:14: C011",
				"content/hostile-markdown/lessons/01.md:16: C003", "content/hostile-markdown/lessons/01.md:18: C009",
				"content/hostile-markdown/lessons/01.md:23: C010", "content/hostile-markdown/lessons/01.md:26: C010",
				"content/hostile-markdown/lessons/01.md:29: C026", "content/hostile-markdown/lessons/02.md:8: C027");
		// A lesson saved with a UTF-8 byte-order mark is read like any other.
		assertThat(found())
			.noneMatch((p) -> p.startsWith("content/hostile-markdown/lessons/03.md") && !p.endsWith("Q009"));
	}

	@Test
	void valuesThatUsedToPassInSilenceAreReported() {
		assertThat(found()).contains("content/hostile-yaml/module.yaml:2: C015",
				"content/hostile-yaml/module.yaml:5: C015", "content/hostile-yaml/quiz.yaml:4: C025",
				"content/hostile-yaml/quiz.yaml:11: C003", "content/hostile-yaml/quiz.yaml:19: C004",
				"content/hostile-yaml/quiz.yaml:30: C013", "content/hostile-yaml/quiz.yaml:39: C013",
				"content/hostile-yaml/scenarios/s.yaml:12: C004", "content/hostile-yaml/scenarios/s.yaml:16: C003",
				"content/hostile-yaml/scenarios/s.yaml:20: C026", "content/hostile-bomb/module.yaml:6: C001");
	}

	@Test
	void trapsThatOnlyShowInStatesAndLimitsOnLargeScenariosAreReported() {
		assertThat(found()).contains("content/hostile-scenario/scenarios/trap.yaml:11: C017",
				"content/hostile-scenario/scenarios/trap.yaml:17: C017",
				"content/hostile-scenario/scenarios/trap.yaml:22: C016",
				"content/hostile-scenario/scenarios/large.yaml:1: C020",
				"content/hostile-scenario/scenarios/large.yaml:207: C017",
				"content/hostile-scenario/scenarios/large.yaml:211: C016");
	}

	@Test
	void translationFoldersScriptsDuplicatesAndMarkupAreChecked() {
		assertThat(found()).contains("translations/content/fa_AF:1: T006",
				"translations/content/fa-AF/hostile-yaml.xlf:4: T007",
				"translations/content/ru/hostile-scenario.xlf:8: T004",
				"translations/content/ru/hostile-yaml.xlf:8: C011", "translations/content/ru/hostile-yaml.xlf:8: T003",
				"translations/content/ru/hostile-yaml.xlf:4: G001");
		assertThat(snapshot.entry(Locale.forLanguageTag("ru"), "hostile-yaml", "lesson.one.section.one"))
			.as("the broken segment falls back to English")
			.isEmpty();
		assertThat(snapshot.entry(Locale.forLanguageTag("ru"), "hostile-yaml", "module.title")).isPresent();
	}

	@Test
	void theCorpusCoversEveryErrorCodeExceptTheExplorationLimit() {
		List<String> codes = snapshot.allProblems().stream().map((p) -> p.code().shortCode()).distinct().toList();
		for (ContentProblem.Code code : ContentProblem.Code.values()) {
			if (code != ContentProblem.Code.C020_EXPLORATION_LIMIT) {
				assertThat(codes).as("code %s planted", code).contains(code.shortCode());
			}
		}
	}

	@Test
	void noBrokenModuleIsServed() {
		assertThat(snapshot.served()).isEmpty();
	}

}
