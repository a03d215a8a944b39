package org.lepha.academy.books.internal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.pdf.SvgDrawing;
import org.lepha.academy.base.pdf.TextShaper;
import org.lepha.academy.books.BookBlock;
import org.lepha.academy.books.BookChapter;
import org.lepha.academy.books.CourseBook;

/**
 * Lays out a course book's parts: the title page, the table of contents and the chapters,
 * block by block. Every text of the model is drawn as it is (labels such as "Situation 2"
 * or "a)" are added around it, never into it), so a reader's extraction finds each
 * paragraph of the source whole.
 */
final class PdfBookContent {

	private static final float QR_SIZE = 110;

	private static final Color CALLOUT_FILL = new Color(0xEE, 0xF3, 0xF9);

	private static final Color WARNING_FILL = new Color(0xFC, 0xF1, 0xE3);

	private static final Color WARNING_BAR = new Color(0xB3, 0x5C, 0x00);

	private static final Color TABLE_HEAD = new Color(0xE6, 0xE9, 0xEE);

	private static final Color GRID = new Color(0x9A, 0xA3, 0xAF);

	private static final float INDENT = 18;

	/** An entry of the contents: where it is drawn (page of the contents, y span). */
	record TocEntry(int chapter, int page, float top, float bottom) {
	}

	record Toc(PdfLayout layout, List<TocEntry> entries) {
	}

	private final CourseBook book;

	private final PdfLayout out;

	private final LocalizedFormats formats;

	private final boolean rtl;

	PdfBookContent(CourseBook book, PdfLayout out, LocalizedFormats formats) {
		this.book = book;
		this.out = out;
		this.formats = formats;
		this.rtl = book.rightToLeft();
	}

	static float leading(CourseBook book, float size) {
		// Naskh's marks above and below the letters need more room between lines.
		return size * (book.rightToLeft() ? 1.8f : 1.45f);
	}

	/**
	 * Title, summary, edition, the notice in a box, then room for the QR code and its
	 * caption; returns where the QR code's lower edge goes.
	 */
	static float titlePage(CourseBook book, PdfLayout out) {
		out.space(70);
		out.paragraph(PdfLayout.Styled.of(book.title(), PdfLayout.BOLD | PdfBookRenderer.HEADING), 24,
				leading(book, 24));
		out.space(14);
		// The summary is one paragraph; its line breaks are those of the source file.
		out.paragraph(PdfLayout.Styled.of(book.summary().replaceAll("\\s*\n\\s*", " "), 0), 12, leading(book, 12));
		out.space(12);
		out.paragraph(PdfLayout.Styled.of(book.labels().edition(), PdfLayout.BOLD | PdfBookRenderer.GREY), 11,
				leading(book, 11));
		out.space(24);
		out.beginBox(CALLOUT_FILL, PdfBookRenderer.NAVY, 10);
		out.paragraph(PdfLayout.Styled.of(book.notice(), 0), PdfBookRenderer.BODY, leading(book, PdfBookRenderer.BODY));
		out.endBox();
		out.space(24);
		out.space(QR_SIZE);
		float qrBottom = out.y();
		out.space(6);
		// The caption under the QR code, centred.
		for (String text : List.of(book.labels().scanToOpen(), book.onlineUrl())) {
			boolean address = text.equals(book.onlineUrl());
			PdfLayout.Styled styled = PdfLayout.Styled.of(text, address ? PdfBookRenderer.LINK : PdfBookRenderer.GREY);
			for (TextShaper.ShapedLine line : out.lines(styled, 9, PdfLayout.PAGE_WIDTH - 2 * PdfLayout.MARGIN,
					book.rightToLeft() && !address)) {
				float from = (PdfLayout.PAGE_WIDTH - line.width(9)) / 2;
				out.line(line, 9, leading(book, 9), from, from + line.width(9), false);
			}
		}
		return qrBottom;
	}

	static float qrX() {
		return (PdfLayout.PAGE_WIDTH - QR_SIZE) / 2;
	}

	static float qrSize() {
		return QR_SIZE;
	}

	/**
	 * The contents: one entry per chapter, its page number in a column of fixed width on
	 * the end side. With {@code offset} 0 the numbers are placeholders (first pass).
	 */
	static Toc toc(CourseBook book, List<Integer> starts, int offset, LocalizedFormats formats) {
		PdfLayout out = new PdfLayout(book.rightToLeft(), book.language(), colours());
		out.paragraph(PdfLayout.Styled.of(book.labels().contents(), PdfLayout.BOLD | PdfBookRenderer.HEADING), 18,
				leading(book, 18));
		out.space(12);
		List<TocEntry> entries = new ArrayList<>();
		float size = 11;
		float leading = leading(book, size);
		float column = 44;
		List<BookChapter> chapters = book.chapters();
		for (int i = 0; i < chapters.size(); i++) {
			out.ensure(leading);
			int page = out.pageIndex();
			float top = out.y();
			float from = book.rightToLeft() ? out.left() + column : out.left();
			float to = book.rightToLeft() ? out.right() : out.right() - column;
			float baseline = out.paragraph(PdfLayout.Styled.of(chapters.get(i).title(), 0), size, leading, from, to,
					book.rightToLeft());
			String number = formats.number(offset + starts.get(i) + 1, book.language());
			TextShaper.ShapedLine line = TextShaper.shape(number, book.rightToLeft(), false);
			float x = book.rightToLeft() ? out.left() : out.right() - line.width(size);
			out.place(line, x, baseline, size, 0);
			entries.add(new TocEntry(i, page, top, out.y()));
			out.space(3);
		}
		return new Toc(out, entries);
	}

	static Color[] colours() {
		return PdfBookRenderer.colours();
	}

	/** Lays out every chapter, each from a new page; returns each one's first page. */
	List<Integer> chapters() {
		List<Integer> starts = new ArrayList<>();
		for (BookChapter chapter : this.book.chapters()) {
			this.out.pageBreak();
			starts.add(this.out.pageIndex());
			this.out.paragraph(PdfLayout.Styled.of(chapter.title(), PdfLayout.BOLD | PdfBookRenderer.HEADING), 18,
					leading(18));
			this.out.space(10);
			blocks(chapter.blocks());
		}
		return starts;
	}

	private float leading(float size) {
		return leading(this.book, size);
	}

	private void blocks(List<BookBlock> blocks) {
		for (BookBlock block : blocks) {
			block(block);
		}
	}

	private void block(BookBlock block) {
		switch (block) {
			case BookBlock.Heading heading -> heading(heading.level(), heading.text());
			case BookBlock.Paragraph paragraph -> paragraph(styled(paragraph.inlines()));
			case BookBlock.BulletList list -> {
				for (BookBlock.ListItem item : list.items()) {
					item("•", item.blocks());
				}
				this.out.space(4);
			}
			case BookBlock.NumberedList list -> {
				for (int i = 0; i < list.items().size(); i++) {
					item(number(list.start() + i) + ".", list.items().get(i).blocks());
				}
				this.out.space(4);
			}
			case BookBlock.Callout callout -> callout(callout);
			case BookBlock.Table table -> new PdfTable(this.out, this.rtl, PdfBookRenderer.BODY - 1,
					leading(PdfBookRenderer.BODY - 1), TABLE_HEAD, GRID)
				.draw(table.header().stream().map(PdfBookContent::styled).toList(),
						table.rows().stream().map((row) -> row.stream().map(PdfBookContent::styled).toList()).toList(),
						table.alignments());
			case BookBlock.Image image -> image(image);
			case BookBlock.SourceList sources -> {
				heading(3, sources.title());
				for (BookBlock.BookSource source : sources.sources()) {
					String text = (source.url() == null) ? source.text() : source.text() + " " + source.url();
					int[] styles = new int[text.length()];
					for (int i = source.text().length(); i < text.length(); i++) {
						styles[i] = PdfBookRenderer.LINK;
					}
					item("•", new PdfLayout.Styled(text, styles));
				}
				this.out.space(4);
			}
			case BookBlock.ScenarioExercise exercise -> scenario(exercise);
			case BookBlock.SelfCheck check -> {
				for (BookBlock.SelfCheckQuestion question : check.questions()) {
					question(question);
				}
			}
			case BookBlock.AnswerKey key -> answerKey(key);
		}
	}

	private void heading(int level, String text) {
		float size = switch (level) {
			case 1 -> 16;
			case 2 -> 14;
			case 3 -> 12;
			default -> 11;
		};
		float leading = leading(size);
		this.out.space(size * 0.6f);
		// Keeps a heading with at least two lines of what follows.
		this.out.ensure(leading + 2 * leading(PdfBookRenderer.BODY));
		this.out.paragraph(PdfLayout.Styled.of(text, PdfLayout.BOLD | PdfBookRenderer.HEADING), size, leading);
		this.out.space(3);
	}

	private void paragraph(PdfLayout.Styled text) {
		this.out.paragraph(text, PdfBookRenderer.BODY, leading(PdfBookRenderer.BODY));
		this.out.space(5);
	}

	/** A list item: its marker in the gutter on the start side, its blocks indented. */
	private void item(String marker, List<BookBlock> blocks) {
		marker(marker);
		this.out.indent(INDENT);
		blocks(blocks);
		this.out.outdent(INDENT);
	}

	private void item(String marker, PdfLayout.Styled text) {
		marker(marker);
		this.out.indent(INDENT);
		paragraph(text);
		this.out.outdent(INDENT);
	}

	private void marker(String marker) {
		float size = PdfBookRenderer.BODY;
		float leading = leading(size);
		this.out.ensure(leading);
		float baseline = this.out.nextBaseline(size, leading);
		TextShaper.ShapedLine line = TextShaper.shape(marker, this.rtl, false);
		float x = this.rtl ? this.out.right() - line.width(size) : this.out.left();
		this.out.place(line, x, baseline, size, 0);
	}

	private void callout(BookBlock.Callout callout) {
		boolean warning = callout.kind() == BookBlock.CalloutKind.WARNING;
		this.out.space(4);
		this.out.ensure(3 * leading(PdfBookRenderer.BODY));
		this.out.beginBox(warning ? WARNING_FILL : CALLOUT_FILL, warning ? WARNING_BAR : PdfBookRenderer.NAVY, 8);
		this.out.paragraph(PdfLayout.Styled.of(callout.title(), PdfLayout.BOLD | PdfBookRenderer.HEADING),
				PdfBookRenderer.BODY, leading(PdfBookRenderer.BODY));
		this.out.space(2);
		blocks(callout.blocks());
		this.out.endBox();
		this.out.space(8);
	}

	private void image(BookBlock.Image image) {
		float width = this.out.right() - this.out.left();
		float maxHeight = 300;
		byte[] bytes = image.bytes();
		if (image.mediaType().equals("image/svg+xml")) {
			SvgDrawing drawing = SvgDrawing.parse(bytes);
			float scale = Math.min(width / drawing.width(), maxHeight / drawing.height());
			float w = drawing.width() * scale;
			float h = drawing.height() * scale;
			this.out.ensure(h + 8);
			float x = (this.out.left() + this.out.right() - w) / 2;
			float bottom = this.out.y() - h - 4;
			this.out.add((writer, document) -> drawing.draw(writer, x, bottom, scale));
			this.out.space(h + 8);
		}
		else {
			BufferedImage raster = read(bytes);
			if (raster == null) {
				// Not an image the JDK reads: its description stands in for it.
				paragraph(PdfLayout.Styled.of(image.alt(), PdfBookRenderer.GREY));
				return;
			}
			float scale = Math.min(width / raster.getWidth(), maxHeight / raster.getHeight());
			float w = raster.getWidth() * scale;
			float h = raster.getHeight() * scale;
			this.out.ensure(h + 8);
			float x = (this.out.left() + this.out.right() - w) / 2;
			float bottom = this.out.y() - h - 4;
			String name = image.fileName();
			this.out.add((writer, document) -> writer.graphics()
				.drawImage(PDImageXObject.createFromByteArray(document, bytes, name), x, bottom, w, h));
			this.out.space(h + 8);
		}
		if (image.caption() != null) {
			this.out.paragraph(PdfLayout.Styled.of(image.caption(), PdfBookRenderer.GREY), PdfBookRenderer.BODY - 1,
					leading(PdfBookRenderer.BODY - 1));
			this.out.space(6);
		}
	}

	private static BufferedImage read(byte[] bytes) {
		try {
			return ImageIO.read(new ByteArrayInputStream(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void scenario(BookBlock.ScenarioExercise exercise) {
		if (exercise.summary() != null) {
			paragraph(PdfLayout.Styled.of(exercise.summary(), PdfBookRenderer.EMPHASIS));
		}
		for (BookBlock.Situation situation : exercise.situations()) {
			heading(3, situation(situation.number()));
			blocks(situation.text());
			if (situation.image() != null) {
				image(situation.image());
			}
			for (BookBlock.ScenarioChoice choice : situation.choices()) {
				String target = (choice.nextSituation() != 0) ? situation(choice.nextSituation())
						: outcome(choice.nextOutcome());
				String goTo = " (" + this.book.labels().goTo().replace("{0}", target) + ")";
				String text = choice.text() + goTo;
				int[] styles = new int[text.length()];
				for (int i = choice.text().length(); i < text.length(); i++) {
					styles[i] = PdfBookRenderer.GREY;
				}
				item(choice.label() + ".", new PdfLayout.Styled(text, styles));
			}
		}
		for (BookBlock.Outcome outcome : exercise.outcomes()) {
			heading(3, outcome(outcome.number()) + ": " + outcome.title());
			blocks(outcome.text());
		}
	}

	private void question(BookBlock.SelfCheckQuestion question) {
		this.out.space(4);
		this.out.ensure(3 * leading(PdfBookRenderer.BODY));
		item(number(question.number()) + ".", PdfLayout.Styled.of(question.text(), PdfLayout.BOLD));
		this.out.indent(INDENT);
		if (question.hint() != null) {
			paragraph(PdfLayout.Styled.of(question.hint(), PdfBookRenderer.GREY));
		}
		for (int i = 0; i < question.options().size(); i++) {
			item(letter(i) + ")", PdfLayout.Styled.of(question.options().get(i), 0));
		}
		if (!question.matches().isEmpty()) {
			this.out.space(4);
			for (int i = 0; i < question.matches().size(); i++) {
				item((i + 1) + ")", PdfLayout.Styled.of(question.matches().get(i), 0));
			}
		}
		this.out.outdent(INDENT);
	}

	private void answerKey(BookBlock.AnswerKey key) {
		for (BookBlock.Answer answer : key.answers()) {
			this.out.ensure(2 * leading(PdfBookRenderer.BODY));
			item(number(answer.questionNumber()) + ".", PdfLayout.Styled.of(answer.answer(), PdfLayout.BOLD));
			if (!answer.explanation().isBlank()) {
				this.out.indent(INDENT);
				paragraph(PdfLayout.Styled.of(answer.explanation(), 0));
				this.out.outdent(INDENT);
			}
		}
		for (BookBlock.Debrief debrief : key.debriefs()) {
			heading(2, this.book.labels().debrief() + ": " + debrief.scenarioTitle());
			for (BookBlock.OutcomeDebrief outcome : debrief.outcomes()) {
				heading(3, outcome(outcome.outcomeNumber()) + ": " + outcome.title() + " (" + outcome.rating() + ")");
				blocks(outcome.debrief());
			}
			if (!debrief.discussions().isEmpty()) {
				heading(3, this.book.labels().discussion());
				for (BookBlock.Discussion discussion : debrief.discussions()) {
					heading(4, situation(discussion.situationNumber()));
					blocks(discussion.prompt());
				}
			}
		}
	}

	/** "Situation 3" with the book's digits. */
	private String situation(int number) {
		return this.book.labels().situation().replace("{0}", number(number));
	}

	private String outcome(int number) {
		return this.book.labels().outcome().replace("{0}", number(number));
	}

	private String number(int number) {
		return this.formats.number(number, this.book.language());
	}

	/** Options are lettered a, b, c... in every language, as in the answer key. */
	private static String letter(int index) {
		return String.valueOf((char) ('a' + index));
	}

	/** Inline runs as styled text: bold as bold, emphasis, code and links in colour. */
	static PdfLayout.Styled styled(List<BookBlock.Inline> inlines) {
		StringBuilder text = new StringBuilder();
		List<Integer> styles = new ArrayList<>();
		for (BookBlock.Inline inline : inlines) {
			int style = inline.bold() ? PdfLayout.BOLD : 0;
			if (inline.href() != null) {
				style |= PdfBookRenderer.LINK;
			}
			else if (inline.code()) {
				style |= PdfBookRenderer.CODE;
			}
			else if (inline.italic()) {
				style |= PdfBookRenderer.EMPHASIS;
			}
			text.append(inline.text());
			for (int i = 0; i < inline.text().length(); i++) {
				styles.add(style);
			}
		}
		return new PdfLayout.Styled(text.toString(), styles.stream().mapToInt(Integer::intValue).toArray());
	}

}
