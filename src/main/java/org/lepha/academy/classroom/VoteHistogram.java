package org.lepha.academy.classroom;

import java.util.List;
import java.util.Locale;

import org.lepha.academy.base.text.XmlText;

/**
 * The votes of a round as a horizontal bar chart in SVG, drawn on the server and shown
 * through an {@code <img>} with a {@code data:} URL (no script runs there). Every text is
 * XML-escaped; the view shows the same counts as a table for screen readers.
 */
public final class VoteHistogram {

	static final int WIDTH = 960;

	static final int BAR_HEIGHT = 64;

	static final int GAP = 20;

	static final int LABEL_WIDTH = 80;

	static final int COUNT_WIDTH = 120;

	private VoteHistogram() {
	}

	/**
	 * One bar: its label (the choice's letter), the count as shown in the reader's
	 * numerals, and the count itself for the length.
	 */
	public record Bar(String label, String countText, int count) {
	}

	public static String svg(List<Bar> bars) {
		int max = Math.max(1, bars.stream().mapToInt(Bar::count).max().orElse(0));
		int height = Math.max(1, bars.size()) * (BAR_HEIGHT + GAP) + GAP;
		int room = WIDTH - LABEL_WIDTH - COUNT_WIDTH;
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
						+ "font-family=\"sans-serif\" font-size=\"40\">\n",
				WIDTH, height, WIDTH, height));
		svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", WIDTH, height));
		int y = GAP;
		for (Bar bar : bars) {
			int length = Math.round((float) room * bar.count() / max);
			int middle = y + BAR_HEIGHT / 2 + 14;
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>\n", LABEL_WIDTH / 2,
					middle, XmlText.escape(bar.label())));
			svg.append(String.format(Locale.ROOT,
					"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"#1f3a5f\"/>\n", LABEL_WIDTH, y,
					Math.max(length, 2), BAR_HEIGHT));
			svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>\n", LABEL_WIDTH + length + 16,
					middle, XmlText.escape(bar.countText())));
			y += BAR_HEIGHT + GAP;
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	/** The letter of the n-th choice (A, B, C, ...), the same in every language. */
	public static String letter(int index) {
		return String.valueOf((char) ('A' + index));
	}

}
