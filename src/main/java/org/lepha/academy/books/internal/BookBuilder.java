package org.lepha.academy.books.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.qr.QrCodes;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.books.BookBlock;
import org.lepha.academy.books.BookBlock.CalloutKind;
import org.lepha.academy.books.BookBlock.Inline;
import org.lepha.academy.books.BookChapter;
import org.lepha.academy.books.BookEdition;
import org.lepha.academy.books.BookLabels;
import org.lepha.academy.books.CourseBook;
import org.lepha.academy.content.Choice;
import org.lepha.academy.content.Citation;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Ending;
import org.lepha.academy.content.Lesson;
import org.lepha.academy.content.LessonSection;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.Option;
import org.lepha.academy.content.Question;
import org.lepha.academy.content.Scenario;
import org.lepha.academy.content.ScenarioNode;
import org.lepha.academy.content.Source;
import org.lepha.academy.content.Text;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Builds the format-independent {@link CourseBook} of a module from the content
 * catalogue: every text resolved as cadets see it online (translations, then the
 * translators' edits), lesson Markdown walked as a CommonMark tree, images read through
 * the catalogue's media gate. While it resolves, it hashes every text and image, so the
 * book's version changes with any change a reader could see, whether in the files or
 * edited in the application.
 */
@Component
public class BookBuilder {

	private final ContentCatalog content;

	private final UiTranslationProvider strings;

	private final String publicUrl;

	public BookBuilder(ContentCatalog content, UiTranslationProvider strings,
			@Value("${app.certificates.public-url:http://localhost:8080}") String publicUrl) {
		this.content = content;
		this.strings = strings;
		this.publicUrl = publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
	}

	/** The module's address online, where the book's QR code leads. */
	public String onlineUrl(String moduleId) {
		return this.publicUrl + "/learn/" + moduleId;
	}

	public CourseBook build(Module module, Locale locale, BookEdition edition) {
		return new Build(module, locale, edition).book();
	}

	/** One book being built: the resolver, the digest and the Markdown walker. */
	private final class Build {

		private final Module module;

		private final Locale locale;

		private final BookEdition edition;

		private final MessageDigest digest;

		private final MarkdownBlocks markdown;

		private final Map<String, Optional<BookBlock.Image>> images = new LinkedHashMap<>();

		Build(Module module, Locale locale, BookEdition edition) {
			this.module = module;
			this.locale = locale;
			this.edition = edition;
			try {
				this.digest = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
			this.markdown = new MarkdownBlocks((name) -> this.images.computeIfAbsent(name, this::image),
					(kind) -> label("callout." + kind.name().toLowerCase(Locale.ROOT)),
					onlineUrl(module.id()) + "/lesson/");
			hash("module:" + module.id() + ":" + module.version() + ":" + locale.toLanguageTag());
		}

		CourseBook book() {
			BookLabels labels = labels();
			List<BookChapter> chapters = new ArrayList<>();
			this.module.lessons()
				.stream()
				.sorted(java.util.Comparator.comparingInt(Lesson::order))
				.forEach((lesson) -> chapters.add(lesson(lesson, labels)));
			List<Scenario> scenarios = this.module.scenarios();
			List<ScenarioNumbers> numbers = scenarios.stream().map(ScenarioNumbers::of).toList();
			for (int i = 0; i < scenarios.size(); i++) {
				chapters.add(scenario(scenarios.get(i), numbers.get(i), labels));
			}
			List<Question> questions = this.module.quiz().questions();
			List<SelfCheckItem> items = new ArrayList<>();
			for (int i = 0; i < questions.size(); i++) {
				items.add(selfCheck(i + 1, questions.get(i), labels));
			}
			if (!items.isEmpty()) {
				chapters.add(new BookChapter("self-check", BookChapter.Kind.SELF_CHECK, labels.selfCheck(),
						List.of(paragraph(label("book.selfCheck.intro")),
								new BookBlock.SelfCheck(items.stream().map(SelfCheckItem::question).toList()))));
			}
			List<BookBlock.BookSource> allSources = sources(this.module.sources().stream().map(Source::id).toList());
			if (!allSources.isEmpty()) {
				chapters.add(new BookChapter("sources", BookChapter.Kind.SOURCES, labels.sources(),
						List.of(new BookBlock.SourceList(labels.sources(), allSources))));
			}
			if (this.edition == BookEdition.TRAINER) {
				List<BookBlock.Debrief> debriefs = new ArrayList<>();
				for (int i = 0; i < scenarios.size(); i++) {
					debriefs.add(debrief(scenarios.get(i), numbers.get(i)));
				}
				chapters.add(new BookChapter("answer-key", BookChapter.Kind.ANSWER_KEY, labels.answerKey(), List
					.of(new BookBlock.AnswerKey(items.stream().map(SelfCheckItem::answer).toList(), debriefs))));
			}
			String title = resolve(this.module.title());
			String summary = resolve(this.module.summary());
			String notice = label("book.notice");
			String url = onlineUrl(this.module.id());
			return new CourseBook(this.module.id(), HexFormat.of().formatHex(this.digest.digest()).substring(0, 16),
					this.locale, Languages.isRightToLeft(this.locale), title, summary, this.edition, url,
					QrCodes.png(url), notice, labels, chapters);
		}

		private BookChapter lesson(Lesson lesson, BookLabels labels) {
			List<BookBlock> blocks = new ArrayList<>();
			for (LessonSection section : lesson.sections()) {
				blocks.addAll(this.markdown.blocks(resolve(section.markdown())));
			}
			List<BookBlock.BookSource> sources = sources(lesson.sourceIds());
			if (!sources.isEmpty()) {
				blocks.add(new BookBlock.SourceList(labels.sources(), sources));
			}
			return new BookChapter("lesson-" + lesson.id(), BookChapter.Kind.LESSON, resolve(lesson.title()), blocks);
		}

		private BookChapter scenario(Scenario scenario, ScenarioNumbers numbers, BookLabels labels) {
			List<BookBlock.Situation> situations = new ArrayList<>();
			for (ScenarioNode node : numbers.situations()) {
				List<BookBlock.ScenarioChoice> choices = new ArrayList<>();
				for (int i = 0; i < node.choices().size(); i++) {
					Choice choice = node.choices().get(i);
					// Only where a choice leads: its effects on the scores stay online.
					choices.add(new BookBlock.ScenarioChoice(choiceLabel(i), resolve(choice.text()),
							numbers.situation(choice.next()), numbers.outcome(choice.next())));
				}
				BookBlock.Image image = node.image() == null ? null
						: this.images.computeIfAbsent(node.image().replaceFirst("^media/", ""), this::image)
							.orElse(null);
				situations.add(new BookBlock.Situation(numbers.situation(node.id()),
						this.markdown.blocks(resolve(node.text())), image, choices));
			}
			List<BookBlock.Outcome> outcomes = new ArrayList<>();
			for (Ending ending : numbers.endings()) {
				outcomes.add(new BookBlock.Outcome(numbers.outcome(ending.id()), resolve(ending.title()),
						this.markdown.blocks(resolve(ending.text()))));
			}
			String title = resolve(scenario.title());
			String summary = scenario.summary() == null ? null : resolve(scenario.summary());
			return new BookChapter("scenario-" + scenario.id(), BookChapter.Kind.SCENARIO,
					labels.scenario() + ": " + title, List.of(paragraph(label("book.scenario.intro")),
							new BookBlock.ScenarioExercise(title, summary, situations, outcomes)));
		}

		private BookBlock.Debrief debrief(Scenario scenario, ScenarioNumbers numbers) {
			List<BookBlock.OutcomeDebrief> outcomes = new ArrayList<>();
			for (Ending ending : numbers.endings()) {
				outcomes.add(new BookBlock.OutcomeDebrief(numbers.outcome(ending.id()), resolve(ending.title()),
						label("rating." + ending.rating().name()), this.markdown.blocks(resolve(ending.debrief()))));
			}
			List<BookBlock.Discussion> discussions = new ArrayList<>();
			for (ScenarioNode node : numbers.situations()) {
				if (node.discussion() != null) {
					discussions.add(new BookBlock.Discussion(numbers.situation(node.id()),
							this.markdown.blocks(resolve(node.discussion()))));
				}
			}
			return new BookBlock.Debrief(resolve(scenario.title()), outcomes, discussions);
		}

		private SelfCheckItem selfCheck(int number, Question question, BookLabels labels) {
			String text = resolve(question.text());
			String explanation = resolve(question.explanation());
			return switch (question) {
				case Question.SingleChoice single -> {
					List<String> options = single.options().stream().map((o) -> resolve(o.text())).toList();
					yield new SelfCheckItem(
							new BookBlock.SelfCheckQuestion(number, question.id(), text, null, options, List.of()),
							new BookBlock.Answer(number, correctLetters(single.options()), explanation));
				}
				case Question.MultipleChoice multiple -> {
					List<String> options = multiple.options().stream().map((o) -> resolve(o.text())).toList();
					yield new SelfCheckItem(
							new BookBlock.SelfCheckQuestion(number, question.id(), text, labels.multipleHint(), options,
									List.of()),
							new BookBlock.Answer(number, correctLetters(multiple.options()), explanation));
				}
				case Question.TrueFalse trueFalse -> new SelfCheckItem(
						new BookBlock.SelfCheckQuestion(number, question.id(), text, null,
								List.of(labels.trueLabel(), labels.falseLabel()), List.of()),
						new BookBlock.Answer(number, trueFalse.answer() ? labels.trueLabel() : labels.falseLabel(),
								explanation));
				case Question.Matching matching -> {
					List<String> lefts = matching.pairs().stream().map((p) -> resolve(p.left())).toList();
					List<Integer> order = mixedOrder(matching.pairs().size(), question.id());
					List<String> rights = order.stream().map((i) -> resolve(matching.pairs().get(i).right())).toList();
					List<String> answer = new ArrayList<>();
					for (int i = 0; i < lefts.size(); i++) {
						answer.add(letter(i) + "–" + (order.indexOf(i) + 1));
					}
					yield new SelfCheckItem(new BookBlock.SelfCheckQuestion(number, question.id(), text,
							labels.matchHint(), lefts, rights),
							new BookBlock.Answer(number, String.join(", ", answer), explanation));
				}
				case Question.Ordering ordering -> {
					List<Integer> order = mixedOrder(ordering.items().size(), question.id());
					List<String> items = order.stream().map((i) -> resolve(ordering.items().get(i).text())).toList();
					List<String> answer = new ArrayList<>();
					for (int i = 0; i < ordering.items().size(); i++) {
						answer.add(letter(order.indexOf(i)));
					}
					yield new SelfCheckItem(new BookBlock.SelfCheckQuestion(number, question.id(), text,
							labels.orderHint(), items, List.of()),
							new BookBlock.Answer(number, String.join(", ", answer), explanation));
				}
			};
		}

		private List<BookBlock.BookSource> sources(List<String> ids) {
			List<BookBlock.BookSource> sources = new ArrayList<>();
			for (Citation c : BookBuilder.this.content.citations(this.module.id(), ids)) {
				StringBuilder text = new StringBuilder(c.title()).append(". ").append(c.publisher());
				if (c.year() != null) {
					text.append(", ").append(c.year());
				}
				text.append('.');
				if (c.section() != null) {
					text.append(' ').append(label("lesson.sourceSection", c.section()));
				}
				hash(text.toString());
				sources.add(new BookBlock.BookSource(text.toString(), c.url()));
			}
			return sources;
		}

		private Optional<BookBlock.Image> image(String fileName) {
			Optional<Path> file = BookBuilder.this.content.mediaFile(this.module.id(), fileName);
			if (file.isEmpty()) {
				return Optional.empty();
			}
			try {
				byte[] bytes = Files.readAllBytes(file.get());
				this.digest.update(bytes);
				return Optional.of(new BookBlock.Image(fileName, bytes, mediaType(fileName), "", null));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private BookLabels labels() {
			return new BookLabels(label("book.contents"), label("book.edition." + this.edition.name()),
					label("book.scanToOpen"), label("book.sources"), label("book.selfCheck"), label("book.scenario"),
					label("book.answerKey"), label("book.explanation"), label("book.answer"), label("book.debrief"),
					label("book.discussion"), label("book.situation", "{0}"), label("book.outcome", "{0}"),
					label("book.goTo", "{0}"), label("book.true"), label("book.false"), label("book.hint.match"),
					label("book.hint.order"), label("book.hint.multiple"), label("book.pageOf", "{0}", "{1}"));
		}

		private String resolve(Text text) {
			String resolved = BookBuilder.this.content.resolve(this.module.id(), text, this.locale).text();
			hash(resolved);
			return resolved;
		}

		private String label(String key, Object... params) {
			String text = BookBuilder.this.strings.getTranslation(key, this.locale, params);
			hash(text);
			return text;
		}

		private void hash(String text) {
			this.digest.update(text.getBytes(StandardCharsets.UTF_8));
			this.digest.update((byte) 0);
		}

	}

	private static BookBlock.Paragraph paragraph(String text) {
		return new BookBlock.Paragraph(List.of(Inline.plain(text)));
	}

	private static String correctLetters(List<Option> options) {
		List<String> letters = new ArrayList<>();
		for (int i = 0; i < options.size(); i++) {
			if (options.get(i).correct()) {
				letters.add(letter(i));
			}
		}
		return String.join(", ", letters);
	}

	/**
	 * Options are lettered a, b, c... in every language, as in the printed answer key.
	 */
	static String letter(int index) {
		return String.valueOf((char) ('a' + index));
	}

	static String choiceLabel(int index) {
		return String.valueOf((char) ('A' + index));
	}

	/**
	 * A fixed mix of 0..n-1 for matching and ordering questions: the same in every build
	 * and language (so the answer key matches every printing), never the identity when n
	 * > 1.
	 */
	static List<Integer> mixedOrder(int n, String seed) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			order.add(i);
		}
		Collections.shuffle(order, new Random(seed.hashCode()));
		boolean identity = true;
		for (int i = 0; i < n; i++) {
			identity &= order.get(i) == i;
		}
		if (identity && n > 1) {
			Collections.rotate(order, 1);
		}
		return order;
	}

	static String mediaType(String fileName) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".svg")) {
			return "image/svg+xml";
		}
		if (lower.endsWith(".png")) {
			return "image/png";
		}
		if (lower.endsWith(".webp")) {
			return "image/webp";
		}
		return "image/jpeg";
	}

	private record SelfCheckItem(BookBlock.SelfCheckQuestion question, BookBlock.Answer answer) {
	}

	/**
	 * Situation and outcome numbers of a scenario: situations in the order a reader meets
	 * them (breadth first from the start, then any the author left unreachable), outcomes
	 * in the order the scenario lists its endings.
	 */
	private record ScenarioNumbers(List<ScenarioNode> situations, List<Ending> endings, Map<String, Integer> numbers,
			Map<String, Integer> outcomeNumbers) {

		static ScenarioNumbers of(Scenario scenario) {
			List<ScenarioNode> ordered = new ArrayList<>();
			Map<String, Integer> numbers = new LinkedHashMap<>();
			Deque<String> queue = new ArrayDeque<>();
			queue.add(scenario.start());
			while (!queue.isEmpty()) {
				String id = queue.removeFirst();
				if (numbers.containsKey(id)) {
					continue;
				}
				scenario.node(id).ifPresent((node) -> {
					numbers.put(id, numbers.size() + 1);
					ordered.add(node);
					node.choices().forEach((c) -> queue.addLast(c.next()));
				});
			}
			for (ScenarioNode node : scenario.nodes()) {
				if (!numbers.containsKey(node.id())) {
					numbers.put(node.id(), numbers.size() + 1);
					ordered.add(node);
				}
			}
			Map<String, Integer> outcomes = new LinkedHashMap<>();
			scenario.endings().forEach((e) -> outcomes.put(e.id(), outcomes.size() + 1));
			return new ScenarioNumbers(ordered, scenario.endings(), numbers, outcomes);
		}

		int situation(String id) {
			return this.numbers.getOrDefault(id, 0);
		}

		int outcome(String id) {
			return this.outcomeNumbers.getOrDefault(id, 0);
		}

	}

}
