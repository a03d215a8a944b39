package org.lepha.academy.books.internal;

import java.awt.Color;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.lepha.academy.base.pdf.GlyphWriter;
import org.lepha.academy.base.pdf.TextShaper;

/**
 * A small page layout engine for A4 books: it breaks styled paragraphs into lines on
 * their shaped widths, stacks lines and boxes down the page and starts a new page when
 * one is full. Nothing is written while laying out: each page is a list of drawing steps,
 * so page numbers are known (for the table of contents) before the PDF is written.
 *
 * <p>
 * Lines are broken at the spaces where {@link BreakIterator} allows a break (long words
 * char by char as a last resort), and each line keeps the spaces it ends with, so the
 * lines of a paragraph, read one after the other, give back its text exactly.
 */
final class PdfLayout {

	static final float PAGE_WIDTH = PDRectangle.A4.getWidth();

	static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();

	static final float MARGIN = 56f;

	/** Where the body starts, below the running header. */
	static final float TOP = PAGE_HEIGHT - 78f;

	/** Where the body ends, above the page number. */
	static final float BOTTOM = 64f;

	/** One drawing step on a page. */
	@FunctionalInterface
	interface Step {

		void draw(GlyphWriter out, PDDocument document) throws IOException;

	}

	/**
	 * Text with a style per char: bit {@link #BOLD} makes it bold, the rest picks a
	 * colour from {@code colours}.
	 */
	record Styled(String text, int[] styles) {

		static Styled of(String text, int style) {
			int[] styles = new int[text.length()];
			java.util.Arrays.fill(styles, style);
			return new Styled(text, styles);
		}

	}

	static final int BOLD = 1;

	private final boolean rightToLeft;

	private final Locale locale;

	private final Color[] colours;

	private final List<List<Step>> pages = new ArrayList<>();

	private final Deque<Box> boxes = new ArrayDeque<>();

	private List<Step> page;

	private float y;

	private float left = MARGIN;

	private float right = PAGE_WIDTH - MARGIN;

	/**
	 * @param colours the colour of each style value shifted right by one (style / 2)
	 */
	PdfLayout(boolean rightToLeft, Locale locale, Color[] colours) {
		this.rightToLeft = rightToLeft;
		this.locale = locale;
		this.colours = colours.clone();
		newPage();
	}

	List<List<Step>> pages() {
		return this.pages;
	}

	/** The index of the page being filled. */
	int pageIndex() {
		return this.pages.size() - 1;
	}

	float y() {
		return this.y;
	}

	float left() {
		return this.left;
	}

	float right() {
		return this.right;
	}

	boolean rightToLeft() {
		return this.rightToLeft;
	}

	/** Narrows the text column on the side where lines start (lists, quotes). */
	void indent(float by) {
		if (this.rightToLeft) {
			this.right -= by;
		}
		else {
			this.left += by;
		}
	}

	void outdent(float by) {
		indent(-by);
	}

	/** Starts a new page unless the current one is still empty. */
	void pageBreak() {
		if (this.y < TOP) {
			newPage();
		}
	}

	/** Makes sure the next {@code height} points fit on this page. */
	void ensure(float height) {
		if (this.y - height < BOTTOM && this.y < TOP) {
			newPage();
		}
	}

	void space(float points) {
		this.y = Math.max(BOTTOM, this.y - points);
	}

	void add(Step step) {
		this.page.add(step);
	}

	private void newPage() {
		// Boxes open across the break are closed at the foot of this page and reopened
		// at the top of the next.
		List<Box> open = new ArrayList<>(this.boxes);
		for (Box box : open) {
			box.close(this.y - 2);
		}
		this.page = new ArrayList<>();
		this.pages.add(this.page);
		this.y = TOP;
		for (Box box : open.reversed()) {
			box.reopen();
		}
	}

	/**
	 * Lays out a paragraph in the current column, aligned to the start side of the book's
	 * direction, and returns the baseline of its first line.
	 */
	float paragraph(Styled text, float size, float leading) {
		return paragraph(text, size, leading, this.left, this.right, direction(text.text()));
	}

	/**
	 * The book's direction, except that a paragraph with no right-to-left letter at all
	 * (an English text not yet translated, shown in its place in a Dari book) reads left
	 * to right, as it would online.
	 */
	boolean direction(String text) {
		if (!this.rightToLeft) {
			return false;
		}
		return text.chars().anyMatch((c) -> {
			byte d = Character.getDirectionality(c);
			return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
		}) || text.chars().noneMatch(Character::isLetter);
	}

	/** Lays out a paragraph between two edges, with its own base direction. */
	float paragraph(Styled text, float size, float leading, float from, float to, boolean rtl) {
		List<TextShaper.ShapedLine> lines = lines(text, size, to - from, rtl);
		float first = 0;
		for (int i = 0; i < lines.size(); i++) {
			float baseline = line(lines.get(i), size, leading, from, to, rtl);
			if (i == 0) {
				first = baseline;
			}
		}
		return first;
	}

	/** Where the baseline of a line of this size would be if laid out now. */
	float nextBaseline(float size, float leading) {
		return this.y - leading + (leading - size) / 2 + size * 0.25f;
	}

	/**
	 * Draws a line at a given place without moving down (list markers, page numbers in
	 * the contents).
	 */
	void place(TextShaper.ShapedLine line, float x, float baseline, float size, int style) {
		Color colour = this.colours[style >> 1];
		this.page.add((out, document) -> {
			out.graphics().setNonStrokingColor(colour);
			out.drawLine(line, x, baseline, size);
		});
	}

	/** Places one shaped line, breaking the page first if it does not fit. */
	float line(TextShaper.ShapedLine line, float size, float leading, float from, float to, boolean rtl) {
		ensure(leading);
		float baseline = nextBaseline(size, leading);
		float x = rtl ? to - line.width(size) : from;
		this.y -= leading;
		placeStyled(line, x, baseline, size);
		return baseline;
	}

	/** Draws a line from {@link #lines} at a given place, in its styles' colours. */
	void placeStyled(TextShaper.ShapedLine line, float x, float baseline, float size) {
		Color[] palette = this.colours;
		int[] styles = styleOf(line);
		this.page.add((out, document) -> out.drawLine(line, x, baseline, size, false, (i) -> palette[styles[i] >> 1]));
	}

	/** The styles of the line's chars, kept with the line by {@link #lines}. */
	private final java.util.Map<TextShaper.ShapedLine, int[]> lineStyles = new java.util.IdentityHashMap<>();

	private int[] styleOf(TextShaper.ShapedLine line) {
		return this.lineStyles.getOrDefault(line, new int[line.text().length()]);
	}

	/**
	 * Breaks text into shaped lines no wider than {@code width}. Widths are estimated
	 * from the pieces between break opportunities (shaped one by one: Dari letters never
	 * join across a space), then each line is shaped whole and checked.
	 */
	List<TextShaper.ShapedLine> lines(Styled text, float size, float width, boolean rtl) {
		List<TextShaper.ShapedLine> lines = new ArrayList<>();
		String s = text.text();
		if (s.isEmpty()) {
			return lines;
		}
		List<Integer> breaks = breaks(s);
		int start = 0;
		while (start < s.length()) {
			int hard = s.indexOf('\n', start);
			int limit = (hard < 0) ? s.length() : hard;
			List<Integer> candidates = new ArrayList<>();
			for (int br : breaks) {
				if (br > start && br < limit) {
					candidates.add(br);
				}
			}
			candidates.add(limit);
			float used = 0;
			int end = start;
			for (int br : candidates) {
				float piece = shape(text, end, br, rtl).width(size);
				if (used + piece - trailingSpace(text, end, br, rtl, size) > width) {
					break;
				}
				used += piece;
				end = br;
			}
			if (end == start && limit > start) {
				// Not even one piece fits (a long address): as many chars as fit.
				end = fittingChars(text, start, limit, size, width, rtl);
			}
			else {
				// Shaped whole, the line may be a little wider than its pieces.
				while (visibleWidth(text, start, end, rtl, size) > width + 0.5f) {
					int previous = start;
					for (int br : candidates) {
						if (br < end) {
							previous = br;
						}
					}
					if (previous == start) {
						break;
					}
					end = previous;
				}
			}
			int stop = (end == limit && hard == limit) ? limit + 1 : end;
			if (end > start) {
				lines.add(shapeKept(text, start, stop, rtl));
			}
			start = stop;
		}
		return lines;
	}

	private float visibleWidth(Styled text, int from, int to, boolean rtl, float size) {
		return shape(text, from, to, rtl).width(size) - trailingSpace(text, from, to, rtl, size);
	}

	/** The width of the spaces a piece ends with, which may hang past the edge. */
	private float trailingSpace(Styled text, int from, int to, boolean rtl, float size) {
		int end = to;
		while (end > from && Character.isWhitespace(text.text().charAt(end - 1))) {
			end--;
		}
		if (end == to) {
			return 0;
		}
		return shape(text, end, to, rtl).width(size);
	}

	private int fittingChars(Styled text, int start, int limit, float size, float width, boolean rtl) {
		int end = start + 1;
		while (end < limit && shape(text, start, end + 1, rtl).width(size) <= width) {
			end++;
		}
		// Not right after a hyphen either (see breaks), if anything else fits.
		if (end < limit && end - 1 > start && text.text().charAt(end - 1) == '-') {
			end--;
		}
		// Never split a surrogate pair or a char from its marks.
		while (end < limit && (Character.isLowSurrogate(text.text().charAt(end))
				|| Character.getType(text.text().charAt(end)) == Character.NON_SPACING_MARK)) {
			end++;
		}
		return end;
	}

	private List<Integer> breaks(String s) {
		BreakIterator iterator = BreakIterator.getLineInstance(this.locale);
		iterator.setText(s);
		List<Integer> breaks = new ArrayList<>();
		for (int i = iterator.next(); i != BreakIterator.DONE; i = iterator.next()) {
			// Only after spaces: a word broken after its hyphen ("evidence-|based") is
			// joined back by pdftotext and search engines into a word that does not
			// exist.
			if (i == s.length() || Character.isWhitespace(s.charAt(i - 1))) {
				breaks.add(i);
			}
		}
		// Hard breaks end pieces too.
		for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
			breaks.add(i);
		}
		return breaks.stream().distinct().sorted().toList();
	}

	private static TextShaper.ShapedLine shape(Styled text, int from, int to, boolean rtl) {
		String part = text.text().substring(from, to).replace('\n', ' ');
		int[] styles = java.util.Arrays.copyOfRange(text.styles(), from, to);
		boolean[] bold = new boolean[styles.length];
		for (int i = 0; i < styles.length; i++) {
			bold[i] = (styles[i] & BOLD) != 0;
		}
		return TextShaper.shape(part, rtl, bold, styles);
	}

	private TextShaper.ShapedLine shapeKept(Styled text, int from, int to, boolean rtl) {
		TextShaper.ShapedLine line = shape(text, from, to, rtl);
		this.lineStyles.put(line, java.util.Arrays.copyOfRange(text.styles(), from, to));
		return line;
	}

	/**
	 * Starts a box (a callout's background and bar on the start side) around what follows
	 * until {@link #endBox()}.
	 */
	void beginBox(Color fill, Color bar, float padding) {
		Box box = new Box(fill, bar, padding, this.left, this.right);
		this.boxes.push(box);
		box.reopen();
		this.left += padding + 3;
		this.right -= padding + 3;
	}

	void endBox() {
		Box box = this.boxes.pop();
		this.y -= box.padding;
		box.close(this.y);
		this.left = box.left;
		this.right = box.right;
	}

	/** A box's fragment on the current page: drawn behind what was laid out in it. */
	private final class Box {

		final Color fill;

		final Color bar;

		final float padding;

		final float left;

		final float right;

		List<Step> page;

		int index;

		float top;

		Box(Color fill, Color bar, float padding, float left, float right) {
			this.fill = fill;
			this.bar = bar;
			this.padding = padding;
			this.left = left;
			this.right = right;
		}

		void reopen() {
			this.page = PdfLayout.this.page;
			this.index = this.page.size();
			this.top = PdfLayout.this.y;
			PdfLayout.this.y -= this.padding;
		}

		void close(float bottom) {
			float x = this.left;
			float w = this.right - this.left;
			float top = this.top;
			boolean rtl = PdfLayout.this.rightToLeft;
			this.page.add(this.index, (out, document) -> {
				out.graphics().setNonStrokingColor(this.fill);
				out.graphics().addRect(x, bottom, w, top - bottom);
				out.graphics().fill();
				out.graphics().setNonStrokingColor(this.bar);
				out.graphics().addRect(rtl ? x + w - 3 : x, bottom, 3, top - bottom);
				out.graphics().fill();
			});
		}

	}

}
