package org.lepha.academy.books.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jspecify.annotations.Nullable;
import org.lepha.academy.content.CalloutMarkers;
import org.lepha.academy.books.BookBlock;
import org.lepha.academy.books.BookBlock.Alignment;
import org.lepha.academy.books.BookBlock.CalloutKind;
import org.lepha.academy.books.BookBlock.Inline;

/**
 * Turns lesson Markdown into book blocks by walking the CommonMark tree (the parser and
 * table extension the lesson pages use), never by looking at HTML. Raw HTML, which the
 * content checks refuse anyway, becomes plain text; links keep only {@code https:}
 * addresses and {@code lesson:} links, which point to the module online.
 */
final class MarkdownBlocks {

	private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

	/**
	 * Deeper nesting than this is flattened to text; the content checks allow far less.
	 */
	private static final int MAX_DEPTH = 16;

	private static final Pattern LESSON_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	private final Function<String, Optional<BookBlock.Image>> media;

	private final Function<CalloutKind, String> calloutTitles;

	private final String lessonUrlPrefix;

	/**
	 * @param media the module's image for a file name under {@code media/}, or empty
	 * @param calloutTitles the translated name of each callout kind
	 * @param lessonUrlPrefix the online address {@code lesson:} links point to
	 */
	MarkdownBlocks(Function<String, Optional<BookBlock.Image>> media, Function<CalloutKind, String> calloutTitles,
			String lessonUrlPrefix) {
		this.media = media;
		this.calloutTitles = calloutTitles;
		this.lessonUrlPrefix = lessonUrlPrefix;
	}

	List<BookBlock> blocks(String markdown) {
		return children(PARSER.parse(markdown), 0);
	}

	private List<BookBlock> children(Node parent, int depth) {
		List<BookBlock> blocks = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
			block(node, depth + 1, blocks);
		}
		return blocks;
	}

	private void block(Node node, int depth, List<BookBlock> out) {
		if (depth > MAX_DEPTH) {
			out.add(new BookBlock.Paragraph(List.of(Inline.plain(plainText(node)))));
			return;
		}
		switch (node) {
			case Heading heading -> out.add(new BookBlock.Heading(heading.getLevel(), plainText(heading).strip()));
			case Paragraph paragraph -> paragraph(paragraph, out);
			case BulletList list -> out.add(new BookBlock.BulletList(items(list, depth)));
			case OrderedList list -> out.add(new BookBlock.NumberedList(
					list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber(), items(list, depth)));
			case BlockQuote quote -> out.add(callout(quote, depth));
			case TableBlock table -> out.add(table(table));
			case FencedCodeBlock code -> out.add(codeBlock(code.getLiteral()));
			case IndentedCodeBlock code -> out.add(codeBlock(code.getLiteral()));
			case HtmlBlock html -> out.add(new BookBlock.Paragraph(List.of(Inline.plain(html.getLiteral().strip()))));
			default -> {
				// Thematic breaks and anything unknown carry no text worth keeping.
				List<BookBlock> inner = children(node, depth);
				out.addAll(inner);
			}
		}
	}

	private static BookBlock codeBlock(String literal) {
		return new BookBlock.Paragraph(List.of(new Inline(literal.stripTrailing(), false, false, true, null)));
	}

	private List<BookBlock.ListItem> items(Node list, int depth) {
		List<BookBlock.ListItem> items = new ArrayList<>();
		for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
			if (item instanceof ListItem) {
				items.add(new BookBlock.ListItem(children(item, depth)));
			}
		}
		return items;
	}

	/**
	 * A paragraph, with each image lifted out as a block of its own (an image is a figure
	 * in a book, not a run of text).
	 */
	private void paragraph(Paragraph paragraph, List<BookBlock> out) {
		List<Inline> runs = new ArrayList<>();
		for (Node node = paragraph.getFirstChild(); node != null; node = node.getNext()) {
			if (node instanceof Image image) {
				flush(runs, out);
				image(image).ifPresent(out::add);
			}
			else {
				inline(node, false, false, null, runs);
			}
		}
		flush(runs, out);
	}

	private static void flush(List<Inline> runs, List<BookBlock> out) {
		while (!runs.isEmpty() && runs.getFirst().text().isBlank() && !runs.getFirst().code()) {
			runs.removeFirst();
		}
		while (!runs.isEmpty() && runs.getLast().text().isBlank() && !runs.getLast().code()) {
			runs.removeLast();
		}
		if (!runs.isEmpty()) {
			out.add(new BookBlock.Paragraph(merge(runs)));
		}
		runs.clear();
	}

	/**
	 * Joins neighbouring runs with the same formatting, so renderers get few, long runs.
	 */
	private static List<Inline> merge(List<Inline> runs) {
		List<Inline> merged = new ArrayList<>();
		for (Inline run : runs) {
			if (!merged.isEmpty()) {
				Inline last = merged.getLast();
				if (!"\n".equals(run.text()) && !"\n".equals(last.text()) && last.bold() == run.bold()
						&& last.italic() == run.italic() && last.code() == run.code()
						&& java.util.Objects.equals(last.href(), run.href())) {
					merged.set(merged.size() - 1,
							new Inline(last.text() + run.text(), run.bold(), run.italic(), run.code(), run.href()));
					continue;
				}
			}
			merged.add(run);
		}
		return merged;
	}

	private void inline(Node node, boolean bold, boolean italic, @Nullable String href, List<Inline> out) {
		switch (node) {
			case Text text -> out.add(new Inline(text.getLiteral(), bold, italic, false, href));
			case Code code -> out.add(new Inline(code.getLiteral(), bold, italic, true, href));
			case SoftLineBreak ignored -> out.add(new Inline(" ", bold, italic, false, href));
			case HardLineBreak ignored -> out.add(Inline.plain("\n"));
			case HtmlInline html -> out.add(new Inline(html.getLiteral(), bold, italic, false, href));
			case Emphasis emphasis -> inlineChildren(emphasis, bold, true, href, out);
			case StrongEmphasis strong -> inlineChildren(strong, true, italic, href, out);
			case Link link -> inlineChildren(link, bold, italic, linkTarget(link.getDestination()), out);
			case Image image -> out.add(new Inline(plainText(image), bold, italic, false, href));
			default -> inlineChildren(node, bold, italic, href, out);
		}
	}

	private void inlineChildren(Node parent, boolean bold, boolean italic, @Nullable String href, List<Inline> out) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
			inline(node, bold, italic, href, out);
		}
	}

	private @Nullable String linkTarget(String destination) {
		if (destination.startsWith("lesson:")) {
			String lesson = destination.substring("lesson:".length());
			return LESSON_ID.matcher(lesson).matches() ? this.lessonUrlPrefix + lesson : null;
		}
		return destination.startsWith("https://") ? destination : null;
	}

	private Optional<BookBlock> image(Image image) {
		String destination = image.getDestination();
		if (!destination.startsWith("media/")) {
			return Optional.empty();
		}
		String caption = image.getTitle() == null || image.getTitle().isBlank() ? null : image.getTitle().strip();
		return this.media.apply(destination.substring("media/".length()))
			.map((found) -> new BookBlock.Image(found.fileName(), found.bytes(), found.mediaType(),
					plainText(image).strip(), caption));
	}

	/** A block quote whose first line is a marker is a callout, any other a note. */
	private BookBlock callout(BlockQuote quote, int depth) {
		CalloutKind kind = CalloutMarkers.take(quote)
			.map((type) -> CalloutKind.valueOf(type.toUpperCase(Locale.ROOT)))
			.orElse(CalloutKind.NOTE);
		return new BookBlock.Callout(kind, kind == CalloutKind.NOTE ? "" : this.calloutTitles.apply(kind),
				children(quote, depth));
	}

	private BookBlock table(TableBlock table) {
		List<List<Inline>> header = new ArrayList<>();
		List<List<List<Inline>>> rows = new ArrayList<>();
		List<Alignment> alignments = new ArrayList<>();
		for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
			boolean head = section instanceof TableHead;
			for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
				if (!(row instanceof TableRow)) {
					continue;
				}
				List<List<Inline>> cells = new ArrayList<>();
				for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
					List<Inline> runs = new ArrayList<>();
					inlineChildren(cell, false, false, null, runs);
					cells.add(merge(runs));
					if (head && cell instanceof TableCell tableCell) {
						alignments.add(alignment(tableCell.getAlignment()));
					}
				}
				if (head) {
					header.addAll(cells);
				}
				else {
					rows.add(cells);
				}
			}
		}
		return new BookBlock.Table(header, rows, alignments);
	}

	private static Alignment alignment(TableCell.@Nullable Alignment alignment) {
		if (alignment == null) {
			return Alignment.NONE;
		}
		return switch (alignment) {
			case LEFT -> Alignment.LEFT;
			case CENTER -> Alignment.CENTER;
			case RIGHT -> Alignment.RIGHT;
		};
	}

	/** The text of a node and its descendants, without formatting. */
	static String plainText(Node node) {
		StringBuilder text = new StringBuilder();
		appendText(node, text, 0);
		return text.toString();
	}

	private static void appendText(Node node, StringBuilder text, int depth) {
		switch (node) {
			case Text t -> text.append(t.getLiteral());
			case Code c -> text.append(c.getLiteral());
			case SoftLineBreak ignored -> text.append(' ');
			case HardLineBreak ignored -> text.append(' ');
			case HtmlInline html -> text.append(html.getLiteral());
			case HtmlBlock html -> text.append(html.getLiteral());
			case FencedCodeBlock code -> text.append(code.getLiteral());
			case IndentedCodeBlock code -> text.append(code.getLiteral());
			default -> {
				if (depth < 64) {
					for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
						appendText(child, text, depth + 1);
					}
				}
			}
		}
	}

}
