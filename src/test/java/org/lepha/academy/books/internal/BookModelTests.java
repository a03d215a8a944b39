package org.lepha.academy.books.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lepha.academy.books.BookBlock;
import org.lepha.academy.books.BookBlock.CalloutKind;
import org.lepha.academy.books.BookBlock.Inline;
import org.lepha.academy.books.BookChapter;
import org.lepha.academy.books.BookEdition;
import org.lepha.academy.books.CourseBook;
import org.lepha.academy.books.internal.ShippedBooks.Case;
import org.lepha.academy.content.Lesson;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.Scenario;
import org.lepha.academy.content.ScenarioNode;
import org.lepha.academy.content.Text;
import org.lepha.academy.content.TranslationFiles;
import org.lepha.academy.content.TranslationOverrides;
import org.lepha.academy.content.internal.ContentService;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The book model of every shipped module: lessons as chapters in order with resolved
 * titles, each scenario as a paper exercise without effects, the whole question bank as
 * self-check without answers in the cadet's edition, the answer key only in the
 * trainer's; the Markdown walk; and a version that follows every visible change.
 */
class BookModelTests {

	static final Locale DARI = Locale.forLanguageTag("fa-AF");

	static Stream<Case> books() {
		return ShippedBooks.cases().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("books")
	void chaptersAreTheLessonsInOrderThenScenariosSelfCheckSourcesAndTheKeyForTrainers(Case c) {
		Module module = c.module();
		CourseBook book = ShippedBooks.BUILDER.build(module, c.language(), c.edition());

		assertThat(book.rightToLeft()).isEqualTo(DARI.equals(c.language()));
		assertThat(book.title())
			.isEqualTo(ShippedBooks.CONTENT.resolve(module.id(), module.title(), c.language()).text());
		List<Lesson> lessons = module.lessons()
			.stream()
			.sorted((a, b) -> Integer.compare(a.order(), b.order()))
			.toList();
		List<BookChapter> lessonChapters = book.chapters()
			.stream()
			.filter((ch) -> ch.kind() == BookChapter.Kind.LESSON)
			.toList();
		assertThat(book.chapters().subList(0, lessons.size())).isEqualTo(lessonChapters);
		assertThat(lessonChapters).extracting(BookChapter::title)
			.containsExactlyElementsOf(lessons.stream()
				.map((l) -> ShippedBooks.CONTENT.resolve(module.id(), l.title(), c.language()).text())
				.toList());
		// Every section of a lesson starts with its level-2 heading.
		for (int i = 0; i < lessons.size(); i++) {
			long headings = lessonChapters.get(i)
				.blocks()
				.stream()
				.filter((b) -> b instanceof BookBlock.Heading h && h.level() == 2)
				.count();
			assertThat(headings).isEqualTo(lessons.get(i).sections().size());
		}

		List<BookBlock.ScenarioExercise> exercises = blocks(book, BookBlock.ScenarioExercise.class);
		assertThat(exercises).hasSize(module.scenarios().size());
		for (int i = 0; i < exercises.size(); i++) {
			Scenario scenario = module.scenarios().get(i);
			BookBlock.ScenarioExercise exercise = exercises.get(i);
			assertThat(exercise.situations()).hasSize(scenario.nodes().size());
			assertThat(exercise.outcomes()).hasSize(scenario.endings().size());
			assertThat(exercise.situations().getFirst().choices())
				.hasSize(scenario.node(scenario.start()).orElseThrow().choices().size());
			for (BookBlock.Situation situation : exercise.situations()) {
				for (BookBlock.ScenarioChoice choice : situation.choices()) {
					assertThat(choice.nextSituation() > 0 ^ choice.nextOutcome() > 0).as("one target").isTrue();
				}
			}
		}

		List<BookBlock.SelfCheck> selfChecks = blocks(book, BookBlock.SelfCheck.class);
		assertThat(selfChecks).hasSize(1);
		assertThat(selfChecks.getFirst().questions()).hasSize(module.quiz().questions().size());

		List<BookBlock.AnswerKey> keys = blocks(book, BookBlock.AnswerKey.class);
		if (c.edition() == BookEdition.TRAINER) {
			assertThat(keys).hasSize(1);
			assertThat(keys.getFirst().answers()).hasSize(module.quiz().questions().size())
				.allSatisfy((a) -> assertThat(a.answer()).isNotBlank());
			assertThat(keys.getFirst().debriefs()).hasSize(module.scenarios().size());
			assertThat(book.chapters().getLast().kind()).isEqualTo(BookChapter.Kind.ANSWER_KEY);
		}
		else {
			assertThat(keys).isEmpty();
			assertThat(book.chapters()).noneMatch((ch) -> ch.kind() == BookChapter.Kind.ANSWER_KEY);
		}
	}

	@Test
	void aScenarioChoiceInTheBookCarriesNoEffectsOrFeedback() {
		assertThat(Arrays.stream(BookBlock.ScenarioChoice.class.getRecordComponents()).map((r) -> r.getName()))
			.containsExactly("label", "text", "nextSituation", "nextOutcome");
		assertThat(Arrays.stream(BookBlock.SelfCheckQuestion.class.getRecordComponents()).map((r) -> r.getName()))
			.doesNotContain("answer", "correct", "explanation");
	}

	@Test
	void situationsAreNumberedInReadingOrderFromTheStart() {
		Module module = ShippedBooks.CONTENT.modules()
			.stream()
			.filter((m) -> !m.scenarios().isEmpty())
			.findFirst()
			.orElseThrow();
		Scenario scenario = module.scenarios().getFirst();
		CourseBook book = ShippedBooks.BUILDER.build(module, Locale.ENGLISH, BookEdition.CADET);
		BookBlock.ScenarioExercise exercise = blocks(book, BookBlock.ScenarioExercise.class).getFirst();
		ScenarioNode start = scenario.node(scenario.start()).orElseThrow();
		BookBlock.Situation first = exercise.situations().getFirst();
		assertThat(first.number()).isEqualTo(1);
		assertThat(first.choices()).extracting(BookBlock.ScenarioChoice::text)
			.containsExactlyElementsOf(start.choices().stream().map((ch) -> ch.text().english()).toList());
		assertThat(first.choices()).extracting(BookBlock.ScenarioChoice::label).startsWith("A", "B");
	}

	@Test
	void markdownBecomesBlocksFromTheTreeWithCalloutsTablesImagesAndSafeLinks() {
		MarkdownBlocks markdown = new MarkdownBlocks(
				(name) -> "diagram.svg".equals(name) ? Optional
					.of(new BookBlock.Image(name, "<svg/>".getBytes(StandardCharsets.UTF_8), "image/svg+xml", "", null))
						: Optional.empty(),
				(kind) -> kind.name().toLowerCase(Locale.ROOT), "https://academy.example.org/learn/m/lesson/");
		List<BookBlock> blocks = markdown.blocks("""
				## Title

				Some **bold** and *italic* text with `code`, a [guide](https://who.int/x), a [lesson](lesson:next-one)
				and a [bad link](javascript:alert(1)) <script>alert(2)</script>.

				> [!WARNING]
				> Wear gloves.

				| Drug | Sign |
				|:-----|-----:|
				| opioid | **pinpoint** pupils |

				![Steps 1 to 3](media/diagram.svg "1 call, 2 check, 3 wait")

				1. first
				2. second
				""");
		assertThat(blocks.getFirst()).isEqualTo(new BookBlock.Heading(2, "Title"));
		BookBlock.Paragraph paragraph = (BookBlock.Paragraph) blocks.get(1);
		assertThat(paragraph.inlines()).contains(new Inline("bold", true, false, false, null),
				new Inline("italic", false, true, false, null), new Inline("code", false, false, true, null),
				new Inline("guide", false, false, false, "https://who.int/x"),
				new Inline("lesson", false, false, false, "https://academy.example.org/learn/m/lesson/next-one"));
		assertThat(paragraph.inlines()).filteredOn((i) -> i.href() != null)
			.extracting(Inline::href)
			.allMatch((href) -> href.startsWith("https://"));
		assertThat(paragraph.plainText()).contains("bad link").contains("<script>alert(2)</script>");
		assertThat(blocks.get(2)).isEqualTo(new BookBlock.Callout(CalloutKind.WARNING, "warning",
				List.of(new BookBlock.Paragraph(List.of(Inline.plain("Wear gloves."))))));
		BookBlock.Table table = (BookBlock.Table) blocks.get(3);
		assertThat(table.header()).hasSize(2);
		assertThat(table.alignments()).containsExactly(BookBlock.Alignment.LEFT, BookBlock.Alignment.RIGHT);
		assertThat(table.rows().getFirst().get(1)).contains(new Inline("pinpoint", true, false, false, null));
		BookBlock.Image image = (BookBlock.Image) blocks.get(4);
		assertThat(image.alt()).isEqualTo("Steps 1 to 3");
		assertThat(image.caption()).isEqualTo("1 call, 2 check, 3 wait");
		assertThat(image.mediaType()).isEqualTo("image/svg+xml");
		assertThat(blocks.get(5)).isInstanceOf(BookBlock.NumberedList.class);
	}

	@Test
	void hostileTextIsEscapedInTheEpub() throws Exception {
		MarkdownBlocks markdown = new MarkdownBlocks((name) -> Optional.empty(), (kind) -> "", "https://x/");
		List<BookBlock> blocks = markdown.blocks("Text <img src=x onerror=alert(1)> & \"quotes\" \u0001");
		CourseBook sample = ShippedBooks.BUILDER.build(ShippedBooks.CONTENT.modules().getFirst(), Locale.ENGLISH,
				BookEdition.CADET);
		CourseBook hostile = new CourseBook(sample.moduleId(), sample.moduleVersion(), sample.language(), false,
				"<b>Title</b>", "&", BookEdition.CADET, sample.onlineUrl(), sample.qrCodePng(), "notice",
				sample.labels(), List.of(new BookChapter("lesson-x", BookChapter.Kind.LESSON, "<i>x</i>", blocks)));
		var files = EpubBooksTests.unzip(ShippedBooks.EPUB.render(hostile));
		String page = EpubBooksTests.text(files, "OEBPS/lesson-x.xhtml");
		assertThat(page).contains("Text &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; ")
			.doesNotContain("<img src=x")
			.doesNotContain("\u0001")
			.contains("<h1>&lt;i&gt;x&lt;/i&gt;</h1>");
		assertThat(EpubBooksTests.text(files, "OEBPS/content.opf")).contains("<dc:title>&lt;b&gt;Title&lt;/b&gt;");
	}

	@Test
	void theVersionChangesWithAnyVisibleChangeAndOnlyThen() {
		Path content = Path.of("src/test/resources/content-valid/content");
		Path translations = Path.of("src/test/resources/content-valid/translations");
		ContentService files = new ContentService(content, translations, ShippedBooks.LANGUAGES, true, false);
		Module module = files.module("example-module").orElseThrow();
		Text title = module.title();
		TranslationOverrides edit = (moduleId, locale, key) -> DARI.equals(locale) && title.key().equals(key)
				? Optional
					.of(new TranslationOverrides.Edit("عنوان تازه", true, TranslationFiles.sourceHash(title.english())))
				: Optional.empty();
		ContentService edited = new ContentService(content, translations, ShippedBooks.LANGUAGES, true, false,
				new StaticListableBeanFactory(Map.of("edit", edit)).getBeanProvider(TranslationOverrides.class));

		BookBuilder before = new BookBuilder(files, ShippedBooks.STRINGS, ShippedBooks.PUBLIC_URL);
		BookBuilder after = new BookBuilder(edited, ShippedBooks.STRINGS, ShippedBooks.PUBLIC_URL);
		String dari = before.build(module, DARI, BookEdition.CADET).moduleVersion();
		assertThat(before.build(module, DARI, BookEdition.CADET).moduleVersion()).isEqualTo(dari);
		CourseBook changed = after.build(module, DARI, BookEdition.CADET);
		assertThat(changed.title()).isEqualTo("عنوان تازه");
		assertThat(changed.moduleVersion()).isNotEqualTo(dari);
		// The edit is in Dari only: the English book keeps its version.
		assertThat(after.build(module, Locale.ENGLISH, BookEdition.CADET).moduleVersion())
			.isEqualTo(before.build(module, Locale.ENGLISH, BookEdition.CADET).moduleVersion());
	}

	@Test
	void matchingAndOrderingAreMixedTheSameWayEveryTimeAndNeverLeftInOrder() {
		for (int n = 2; n < 8; n++) {
			List<Integer> order = BookBuilder.mixedOrder(n, "question-" + n);
			assertThat(order).containsExactlyInAnyOrderElementsOf(BookBuilder.mixedOrder(n, "question-" + n));
			assertThat(order).isEqualTo(BookBuilder.mixedOrder(n, "question-" + n));
			List<Integer> identity = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				identity.add(i);
			}
			assertThat(order).isNotEqualTo(identity).containsExactlyInAnyOrderElementsOf(Set.copyOf(identity));
		}
	}

	static <T extends BookBlock> List<T> blocks(CourseBook book, Class<T> type) {
		return book.chapters()
			.stream()
			.flatMap((ch) -> ch.blocks().stream())
			.filter(type::isInstance)
			.map(type::cast)
			.toList();
	}

}
