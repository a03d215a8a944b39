package org.lepha.academy.books.internal;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.lepha.academy.base.pdf.TextShaper;
import org.lepha.academy.books.BookBlock;

/**
 * A simple grid table: columns as wide as their content needs (shrunk in proportion when
 * the page is too narrow), cells wrapped, the header row shaded and repeated at the top
 * of each page the table continues on. In a right-to-left book the first column is on the
 * right.
 */
final class PdfTable {

	private static final float PADDING = 4;

	private static final float MIN_COLUMN = 40;

	private final PdfLayout out;

	private final boolean rtl;

	private final float size;

	private final float leading;

	private final Color headFill;

	private final Color grid;

	PdfTable(PdfLayout out, boolean rtl, float size, float leading, Color headFill, Color grid) {
		this.out = out;
		this.rtl = rtl;
		this.size = size;
		this.leading = leading;
		this.headFill = headFill;
		this.grid = grid;
	}

	void draw(List<PdfLayout.Styled> header, List<List<PdfLayout.Styled>> rows, List<BookBlock.Alignment> alignments) {
		int columns = header.size();
		for (List<PdfLayout.Styled> row : rows) {
			columns = Math.max(columns, row.size());
		}
		if (columns == 0) {
			return;
		}
		float[] widths = widths(header, rows, columns);
		List<PdfLayout.Styled> head = bold(header);
		this.out.space(4);
		if (!head.isEmpty()) {
			row(head, widths, alignments, true);
		}
		for (List<PdfLayout.Styled> row : rows) {
			int page = this.out.pageIndex();
			float height = height(row, widths);
			this.out.ensure(height);
			if (this.out.pageIndex() != page && !head.isEmpty()) {
				row(head, widths, alignments, true);
			}
			row(row, widths, alignments, false);
		}
		this.out.space(8);
	}

	private static List<PdfLayout.Styled> bold(List<PdfLayout.Styled> cells) {
		List<PdfLayout.Styled> bold = new ArrayList<>();
		for (PdfLayout.Styled cell : cells) {
			int[] styles = cell.styles().clone();
			for (int i = 0; i < styles.length; i++) {
				styles[i] |= PdfLayout.BOLD;
			}
			bold.add(new PdfLayout.Styled(cell.text(), styles));
		}
		return bold;
	}

	/** Natural widths (one line per cell), shrunk in proportion to fit the column. */
	private float[] widths(List<PdfLayout.Styled> header, List<List<PdfLayout.Styled>> rows, int columns) {
		float[] widths = new float[columns];
		List<List<PdfLayout.Styled>> all = new ArrayList<>(rows);
		all.add(bold(header));
		for (List<PdfLayout.Styled> row : all) {
			for (int c = 0; c < row.size(); c++) {
				float natural = natural(row.get(c)) + 2 * PADDING + 1;
				widths[c] = Math.max(widths[c], Math.max(MIN_COLUMN, natural));
			}
		}
		float available = this.out.right() - this.out.left();
		float total = 0;
		for (float w : widths) {
			total += w;
		}
		if (total > available) {
			for (int c = 0; c < columns; c++) {
				widths[c] = widths[c] * available / total;
			}
		}
		return widths;
	}

	private float natural(PdfLayout.Styled cell) {
		float widest = 0;
		for (TextShaper.ShapedLine line : this.out.lines(cell, this.size, Float.MAX_VALUE / 4, this.rtl)) {
			widest = Math.max(widest, line.width(this.size));
		}
		return widest;
	}

	private float height(List<PdfLayout.Styled> row, float[] widths) {
		int lines = 1;
		for (int c = 0; c < row.size(); c++) {
			lines = Math.max(lines, this.out.lines(row.get(c), this.size, widths[c] - 2 * PADDING, this.rtl).size());
		}
		return lines * this.leading + 2 * PADDING;
	}

	private void row(List<PdfLayout.Styled> row, float[] widths, List<BookBlock.Alignment> alignments, boolean head) {
		float height = height(row, widths);
		this.out.ensure(height);
		float top = this.out.y();
		float bottom = top - height;
		float x = this.rtl ? this.out.right() : this.out.left();
		Color fill = this.headFill;
		Color grid = this.grid;
		for (int c = 0; c < widths.length; c++) {
			float width = widths[c];
			float cellLeft = this.rtl ? x - width : x;
			x = this.rtl ? x - width : x + width;
			this.out.add((writer, document) -> {
				if (head) {
					writer.graphics().setNonStrokingColor(fill);
					writer.graphics().addRect(cellLeft, bottom, width, height);
					writer.graphics().fill();
				}
				writer.graphics().setStrokingColor(grid);
				writer.graphics().setLineWidth(0.5f);
				writer.graphics().addRect(cellLeft, bottom, width, height);
				writer.graphics().stroke();
			});
			if (c >= row.size()) {
				continue;
			}
			BookBlock.Alignment alignment = (c < alignments.size()) ? alignments.get(c) : BookBlock.Alignment.NONE;
			float baseline = top - PADDING - this.leading + (this.leading - this.size) / 2 + this.size * 0.25f;
			boolean cellRtl = this.out.direction(row.get(c).text());
			for (TextShaper.ShapedLine line : this.out.lines(row.get(c), this.size, width - 2 * PADDING, cellRtl)) {
				float lineWidth = line.width(this.size);
				float from = cellLeft + PADDING;
				float to = cellLeft + width - PADDING;
				float lineX = switch (alignment) {
					case LEFT -> from;
					case RIGHT -> to - lineWidth;
					case CENTER -> (from + to - lineWidth) / 2;
					case NONE -> cellRtl ? to - lineWidth : from;
				};
				this.out.placeStyled(line, lineX, baseline, this.size);
				baseline -= this.leading;
			}
		}
		this.out.space(height);
	}

}
