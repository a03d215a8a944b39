package org.lepha.academy.content;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lepha.academy.content.internal.ContentLoader;
import org.lepha.academy.content.internal.ContentSnapshot;
import org.lepha.academy.content.internal.TranslationValidator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Inputs that once crashed the loader or kept it (or a translator's save) busy for
 * minutes now end, each well within ten seconds, in problems for the file at hand. This
 * is a guard against hangs, not a benchmark: ten seconds is far above what they take.
 */
class HostileInputsFinishTests {

	private static final Duration LIMIT = Duration.ofSeconds(10);

	@TempDir
	Path temp;

	@ParameterizedTest
	@ValueSource(strings = { "hostile-yaml", "hostile-bomb", "hostile-markdown", "hostile-scenario", "hostile-media" })
	void aHostileModuleLoadsToProblemsWithoutCrashOrHang(String module) throws Exception {
		ContentFolders.copy(Path.of("src/test/resources/content-broken/content/" + module),
				temp.resolve("content/" + module));
		ContentSnapshot snapshot = assertTimeoutPreemptively(LIMIT, () -> ContentLoader.load(temp.resolve("content"),
				temp.resolve("translations"), List.of(Locale.ENGLISH)));
		assertThat(snapshot.served()).isEmpty();
		assertThat(snapshot.problems().get(module)).isNotEmpty()
			.noneMatch((p) -> p.message().contains("could not be read"));
	}

	@Test
	void aHalfMegabyteOfOpeningTagsIsRefusedAtOnce() {
		String english = "## A section\n\nA paragraph.";
		List<TranslationValidator.SegmentProblem> problems = assertTimeoutPreemptively(LIMIT,
				() -> TranslationValidator.check(english, "<a".repeat(250_000)));
		assertThat(problems).extracting(TranslationValidator.SegmentProblem::code)
			.containsExactly(ContentProblem.Code.C027_TOO_LONG);
	}

	@Test
	void openingTagsAndBlankLinesJustUnderTheLimitAreCheckedQuickly() {
		String english = "## A section\n\nA paragraph.";
		assertTimeoutPreemptively(LIMIT,
				() -> TranslationValidator.check(english, "## Раздел\n\n" + "<a".repeat(9_900)));
		assertTimeoutPreemptively(LIMIT,
				() -> TranslationValidator.check(english, "## Раздел\n\n" + "\n".repeat(19_900) + "Абзац."));
		assertThat(TranslationValidator.check(english, "\n".repeat(120_000)))
			.extracting(TranslationValidator.SegmentProblem::code)
			.containsExactly(ContentProblem.Code.C027_TOO_LONG);
	}

}
