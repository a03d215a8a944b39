package org.lepha.academy.books;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A block of a book chapter. Built by walking the CommonMark tree of each lesson section
 * (never by parsing HTML), so the same blocks render as XHTML in an EPUB and as laid-out
 * text in a PDF. All strings are plain text in the book's language; renderers escape
 * them.
 */
public sealed interface BookBlock {

	/**
	 * A heading; level 2 is a lesson section, 3 and below headings inside a section.
	 */
	record Heading(int level, String text) implements BookBlock {
	}

	/** A paragraph of inline runs. */
	record Paragraph(List<Inline> inlines) implements BookBlock {

		public Paragraph {
			inlines = List.copyOf(inlines);
		}

		/** The paragraph's text without formatting. */
		public String plainText() {
			StringBuilder text = new StringBuilder();
			this.inlines.forEach((i) -> text.append(i.text()));
			return text.toString();
		}

	}

	/** A bulleted list; each item is a list of blocks (paragraphs, nested lists). */
	record BulletList(List<ListItem> items) implements BookBlock {

		public BulletList {
			items = List.copyOf(items);
		}

	}

	/** A numbered list starting at {@code start}. */
	record NumberedList(int start, List<ListItem> items) implements BookBlock {

		public NumberedList {
			items = List.copyOf(items);
		}

	}

	/** One list item. */
	record ListItem(List<BookBlock> blocks) {

		public ListItem {
			blocks = List.copyOf(blocks);
		}

	}

	/**
	 * A callout ({@code > [!KEYFACT]} and the like in the Markdown).
	 *
	 * @param title the kind's translated name, e.g. "Key fact"
	 */
	record Callout(CalloutKind kind, String title, List<BookBlock> blocks) implements BookBlock {

		public Callout {
			blocks = List.copyOf(blocks);
		}

	}

	/** The kinds of callout the content format knows. */
	enum CalloutKind {

		KEYFACT, WARNING, FIELD, NOTE

	}

	/**
	 * A table; cells are inline runs. {@code alignments} has one entry per column.
	 */
	record Table(List<List<Inline>> header, List<List<List<Inline>>> rows,
			List<Alignment> alignments) implements BookBlock {

		public Table {
			header = header.stream().map(List::copyOf).toList();
			rows = rows.stream().map((r) -> r.stream().map(List::copyOf).toList()).toList();
			alignments = List.copyOf(alignments);
		}

	}

	/** Column alignment of a table. */
	enum Alignment {

		NONE, LEFT, CENTER, RIGHT

	}

	/**
	 * An image or diagram from the module's media, with its bytes. Diagrams are SVG
	 * ({@code image/svg+xml}): EPUB carries them as they are (an EPUB 3 core media type);
	 * the PDF renderer draws or rasterizes them.
	 *
	 * @param fileName the media file's name, safe for use inside an archive
	 * @param caption null when there is none
	 */
	record Image(String fileName, byte[] bytes, String mediaType, String alt,
			@Nullable String caption) implements BookBlock {

		public Image {
			bytes = bytes.clone();
		}

		@Override
		public byte[] bytes() {
			return this.bytes.clone();
		}

	}

	/** Sources cited, as readable citations. */
	record SourceList(String title, List<BookSource> sources) implements BookBlock {

		public SourceList {
			sources = List.copyOf(sources);
		}

	}

	/**
	 * A citation: document title, publisher, year and section.
	 *
	 * @param url null for the course's own source documents
	 */
	record BookSource(String text, @Nullable String url) {
	}

	/**
	 * A scenario as a paper exercise for classroom discussion: the situations, numbered,
	 * and the choices at each with where they lead; never the effects on scores.
	 */
	record ScenarioExercise(String title, @Nullable String summary, List<Situation> situations,
			List<Outcome> outcomes) implements BookBlock {

		public ScenarioExercise {
			situations = List.copyOf(situations);
			outcomes = List.copyOf(outcomes);
		}

	}

	/**
	 * One situation: its number (1 is the start), text and choices.
	 *
	 * @param image null when the situation has none
	 */
	record Situation(int number, List<BookBlock> text, @Nullable Image image, List<ScenarioChoice> choices) {

		public Situation {
			text = List.copyOf(text);
			choices = List.copyOf(choices);
		}

	}

	/**
	 * A choice; it leads to situation {@code nextSituation} or to outcome
	 * {@code nextOutcome} (exactly one is non-zero).
	 *
	 * @param label "A", "B"... in the order of the content
	 */
	record ScenarioChoice(String label, String text, int nextSituation, int nextOutcome) {
	}

	/**
	 * An ending of the scenario, numbered, as the player reads it (no rating, no
	 * debrief).
	 */
	record Outcome(int number, String title, List<BookBlock> text) {

		public Outcome {
			text = List.copyOf(text);
		}

	}

	/** Self-check questions without their answers. */
	record SelfCheck(List<SelfCheckQuestion> questions) implements BookBlock {

		public SelfCheck {
			questions = List.copyOf(questions);
		}

	}

	/**
	 * A question as printed for self-check.
	 *
	 * @param hint how to answer (e.g. "Choose all that apply"), or null
	 * @param options the options labelled a, b, c... (for true/false: true, false; for
	 * ordering: the items in a fixed mixed order)
	 * @param matches for matching questions: the right-hand sides, labelled 1, 2, 3... in
	 * a fixed mixed order (the options are then the left-hand sides); empty otherwise
	 */
	record SelfCheckQuestion(int number, String questionId, String text, @Nullable String hint, List<String> options,
			List<String> matches) {

		public SelfCheckQuestion {
			options = List.copyOf(options);
			matches = List.copyOf(matches);
		}

	}

	/**
	 * Trainer's edition only: the answers to the self-check and the scenario debriefs.
	 */
	record AnswerKey(List<Answer> answers, List<Debrief> debriefs) implements BookBlock {

		public AnswerKey {
			answers = List.copyOf(answers);
			debriefs = List.copyOf(debriefs);
		}

	}

	/**
	 * @param answer the correct answer written out (e.g. "b, d" or "a–3, b–1, c–2")
	 */
	record Answer(int questionNumber, String answer, String explanation) {
	}

	/**
	 * A scenario's debriefs and the trainer's discussion prompts.
	 *
	 * @param discussions the discussion prompts of the situations, by situation number
	 */
	record Debrief(String scenarioTitle, List<OutcomeDebrief> outcomes, List<Discussion> discussions) {

		public Debrief {
			outcomes = List.copyOf(outcomes);
			discussions = List.copyOf(discussions);
		}

	}

	/**
	 * @param rating the outcome's rating, translated (e.g. "Good outcome")
	 */
	record OutcomeDebrief(int outcomeNumber, String title, String rating, List<BookBlock> debrief) {

		public OutcomeDebrief {
			debrief = List.copyOf(debrief);
		}

	}

	record Discussion(int situationNumber, List<BookBlock> prompt) {

		public Discussion {
			prompt = List.copyOf(prompt);
		}

	}

	/**
	 * A run of text with its formatting; {@code href} non-null makes it a link
	 * ({@code https:} only, or the module's online address for links between lessons). A
	 * hard line break is a run whose text is {@code "\n"}.
	 */
	record Inline(String text, boolean bold, boolean italic, boolean code, @Nullable String href) {

		public static Inline plain(String text) {
			return new Inline(text, false, false, false, null);
		}

	}

}
