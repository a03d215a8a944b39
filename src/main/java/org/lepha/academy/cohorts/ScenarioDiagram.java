package org.lepha.academy.cohorts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import org.lepha.academy.base.text.XmlText;
import org.lepha.academy.cohorts.ScenarioAnalytics.ChoiceStats;
import org.lepha.academy.cohorts.ScenarioAnalytics.EndingStats;
import org.lepha.academy.cohorts.ScenarioAnalytics.NodeStats;
import org.lepha.academy.cohorts.ScenarioAnalytics.ScenarioStats;
import org.lepha.academy.content.Rating;

/**
 * Draws a scenario's graph with a cohort's counts as a static SVG image: boxes in layers
 * by breadth-first depth, left to right; each edge labelled with its choice, runs and
 * share of the node's runs; endings coloured by rating. All text is XML-escaped and the
 * image has no scripts or links; show it as an {@code <img>} (see
 * {@link #dataUrl(String)}), in which a browser runs nothing anyway.
 */
public final class ScenarioDiagram {

	private static final int BOX_W = 190;

	private static final int BOX_H = 48;

	private static final int GAP_X = 170;

	private static final int GAP_Y = 40;

	private static final int MARGIN = 20;

	private ScenarioDiagram() {
	}

	/** The diagram with English numbers. */
	public static String svg(ScenarioStats stats) {
		return svg(stats, Locale.ENGLISH);
	}

	/** The diagram with counts and percentages in the language's digits. */
	public static String svg(ScenarioStats stats, Locale locale) {
		Map<Integer, List<String>> layers = new TreeMap<>();
		Map<String, int[]> position = new HashMap<>();
		stats.nodes().forEach((n) -> layers.computeIfAbsent(n.depth(), (k) -> new ArrayList<>()).add(n.nodeId()));
		stats.endings().forEach((e) -> layers.computeIfAbsent(e.depth(), (k) -> new ArrayList<>()).add(e.endingId()));
		int columns = layers.isEmpty() ? 1 : layers.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
		int rows = layers.values().stream().mapToInt(List::size).max().orElse(1);
		layers.forEach((depth, ids) -> {
			for (int i = 0; i < ids.size(); i++) {
				position.put(ids.get(i),
						new int[] { MARGIN + depth * (BOX_W + GAP_X), MARGIN + i * (BOX_H + GAP_Y) + 20 });
			}
		});
		int width = 2 * MARGIN + columns * BOX_W + (columns - 1) * GAP_X;
		int height = 2 * MARGIN + 20 + rows * BOX_H + (rows - 1) * GAP_Y;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
			.append(width)
			.append("\" height=\"")
			.append(height)
			.append("\" viewBox=\"0 0 ")
			.append(width)
			.append(' ')
			.append(height)
			.append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
		svg.append("<title>").append(escape(stats.title())).append("</title>\n");
		svg.append(
				"<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\">")
			.append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n");
		for (NodeStats node : stats.nodes()) {
			int[] from = position.get(node.nodeId());
			for (int i = 0; i < node.choices().size(); i++) {
				ChoiceStats choice = node.choices().get(i);
				int[] to = position.get(choice.next());
				if (to == null) {
					continue;
				}
				int x1 = from[0] + BOX_W;
				int y1 = from[1] + BOX_H / 2;
				int x2 = to[0];
				int y2 = to[1] + BOX_H / 2;
				if (to[0] <= from[0]) {
					// A way back or sideways: leave from the bottom, enter at the bottom.
					x1 = from[0] + BOX_W / 2;
					y1 = from[1] + BOX_H;
					x2 = to[0] + BOX_W / 2;
					y2 = to[1] + BOX_H;
				}
				svg.append(String.format(Locale.ROOT,
						"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%.1f\" marker-end=\"url(#arrow)\"/>\n",
						x1, y1, x2, y2, choice.runs() == 0 ? "#bbb" : "#555", 1 + 3 * choice.percent() / 100));
				double t = 0.25 + 0.5 * (i + 1) / (node.choices().size() + 1);
				int lx = (int) (x1 + (x2 - x1) * t);
				int ly = (int) (y1 + (y2 - y1) * t) - 4;
				svg.append(String.format(Locale.ROOT,
						"<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#222\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">%s</text>\n",
						lx, ly, escape(edgeLabel(choice, locale))));
			}
		}
		for (NodeStats node : stats.nodes()) {
			int[] p = position.get(node.nodeId());
			box(svg, p, node.nodeId().equals(stats.start()) ? "#bbdefb" : "#e3f2fd", "#1565c0", node.nodeId(),
					number(node.runs(), locale));
		}
		for (EndingStats ending : stats.endings()) {
			int[] p = position.get(ending.endingId());
			box(svg, p, fill(ending.rating()), stroke(ending.rating()), ending.title(), endingLabel(ending, locale));
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	/**
	 * The text on an edge: choice id, runs and share, e.g. {@code check-kit: 3 (60%)} in
	 * English.
	 */
	public static String edgeLabel(ChoiceStats choice, Locale locale) {
		return choice.choiceId() + ": " + number(choice.runs(), locale) + " (" + percent(choice.percent(), locale)
				+ ")";
	}

	/** The count in an ending's box, e.g. {@code 2 (50%)} in English. */
	public static String endingLabel(EndingStats ending, Locale locale) {
		return number(ending.runs(), locale) + " (" + percent(ending.percent(), locale) + ")";
	}

	private static String number(long value, Locale locale) {
		return NumberFormat.getInstance(ULocale.forLocale(locale)).format(value);
	}

	private static String percent(double percent, Locale locale) {
		NumberFormat format = NumberFormat.getPercentInstance(ULocale.forLocale(locale));
		format.setMaximumFractionDigits(0);
		return format.format(percent / 100);
	}

	/** The SVG as a {@code data:} URL for an image. */
	public static String dataUrl(String svg) {
		return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
	}

	private static void box(StringBuilder svg, int[] p, String fill, String stroke, String title, String count) {
		svg.append(String.format(Locale.ROOT,
				"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"%s\" stroke=\"%s\"/>\n", p[0], p[1],
				BOX_W, BOX_H, fill, stroke));
		svg.append(String.format(Locale.ROOT,
				"<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>\n", p[0] + BOX_W / 2,
				p[1] + 19, escape(shorten(title, 28))));
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
				p[0] + BOX_W / 2, p[1] + 37, escape(count)));
	}

	private static String shorten(String text, int max) {
		return text.codePointCount(0, text.length()) <= max ? text
				: text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
	}

	private static String fill(Rating rating) {
		return switch (rating) {
			case EXEMPLARY -> "#c8e6c9";
			case ACCEPTABLE -> "#fff3bf";
			case HARMFUL -> "#ffcdd2";
		};
	}

	private static String stroke(Rating rating) {
		return switch (rating) {
			case EXEMPLARY -> "#2e7d32";
			case ACCEPTABLE -> "#b08800";
			case HARMFUL -> "#c62828";
		};
	}

	/** Text safe inside an XML element or attribute. */
	public static String escape(String text) {
		return XmlText.escape(text);
	}

}
