package org.lepha.academy.base.chart;

import java.util.List;
import java.util.Locale;

import org.lepha.academy.base.text.XmlText;

/**
 * Writes a chart's SVG from a layout computed left to right; for a right-to-left language
 * every x is mirrored and text anchors swap, so the labels column, the bars' growth and
 * the time axis all run the way the reader reads, while the text itself is never
 * mirrored. Text goes through {@link XmlText} and attributes are numbers or fixed words,
 * so nothing a user typed can become markup.
 */
final class SvgCanvas {

	/** Text colour: near black, 15:1 on white. */
	static final String INK = "#222222";

	/** Axis and tick colour: 7:1 on white. */
	static final String AXIS = "#555555";

	static final String GRID = "#dddddd";

	/**
	 * Series colours, each at least 4.5:1 against white (WCAG non-text contrast asks for
	 * 3:1) and told apart by lightness as well as hue.
	 */
	static final List<String> PALETTE = List.of("#1f5fa8", "#b34700", "#2e7d32", "#6a3d9a", "#8a6d00", "#a01f4b");

	private final StringBuilder svg = new StringBuilder();

	private final int width;

	private final boolean rightToLeft;

	SvgCanvas(int width, int height, boolean rightToLeft, String title) {
		this.width = width;
		this.rightToLeft = rightToLeft;
		String label = XmlText.escape(title);
		this.svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"")
			.append(label)
			.append("\" width=\"")
			.append(width)
			.append("\" height=\"")
			.append(height)
			.append("\" viewBox=\"0 0 ")
			.append(width)
			.append(' ')
			.append(height)
			.append("\" font-family=\"sans-serif\" font-size=\"12\">\n<title>")
			.append(label)
			.append("</title>\n<rect x=\"0\" y=\"0\" width=\"")
			.append(width)
			.append("\" height=\"")
			.append(height)
			.append("\" fill=\"#ffffff\"/>\n");
	}

	boolean rightToLeft() {
		return this.rightToLeft;
	}

	private double x(double x) {
		return this.rightToLeft ? this.width - x : x;
	}

	void rect(double x, double y, double w, double h, String fill) {
		double left = this.rightToLeft ? this.width - x - w : x;
		this.svg.append(String.format(Locale.ROOT,
				"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n", left, y, w, h, fill));
	}

	void line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
		this.svg.append(String.format(Locale.ROOT,
				"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>\n", x(x1),
				y1, x(x2), y2, stroke, strokeWidth));
	}

	void polyline(List<double[]> points, String stroke, double strokeWidth) {
		StringBuilder coordinates = new StringBuilder();
		for (double[] p : points) {
			if (!coordinates.isEmpty()) {
				coordinates.append(' ');
			}
			coordinates.append(String.format(Locale.ROOT, "%.1f,%.1f", x(p[0]), p[1]));
		}
		this.svg.append(String.format(Locale.ROOT,
				"<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" stroke-linejoin=\"round\"/>\n",
				coordinates, stroke, strokeWidth));
	}

	/**
	 * Text at (x, y) in left-to-right layout terms: anchor {@code start} puts its left
	 * edge at x, {@code end} its right edge; mirrored for right to left.
	 */
	void text(double x, double y, String anchor, String text, int fontSize, boolean bold) {
		String mirrored = anchor;
		if (this.rightToLeft) {
			mirrored = switch (anchor) {
				case "start" -> "end";
				case "end" -> "start";
				default -> anchor;
			};
		}
		this.svg
			.append(String.format(Locale.ROOT,
					"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\"%s fill=\"%s\">", x(x), y, mirrored,
					fontSize, bold ? " font-weight=\"bold\"" : "", INK))
			.append(XmlText.escape(text))
			.append("</text>\n");
	}

	String finish() {
		return this.svg.append("</svg>\n").toString();
	}

	/** The text cut to at most {@code max} characters, with an ellipsis when cut. */
	static String shorten(String text, int max) {
		return text.codePointCount(0, text.length()) <= max ? text
				: text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
	}

	static String colour(int index) {
		return PALETTE.get(index % PALETTE.size());
	}

}
