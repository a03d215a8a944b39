package org.lepha.academy.base.chart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

class ChartsTests {

	private static final Locale DARI = Locale.forLanguageTag("fa-AF");

	private static final String HOSTILE = "<script>alert(\"x\")</script> & \"quoted\"";

	@Test
	void hostileLabelsStayText() throws Exception {
		BarChart chart = new BarChart(HOSTILE, List.of(HOSTILE, "Module 2"),
				List.of(new ChartSeries(HOSTILE, List.of(0.5, 0.75)), new ChartSeries("post", List.of(0.25, 1.0))),
				ChartScale.PERCENT, false, "none");
		String svg = chart.svg(Locale.ENGLISH);
		Document doc = parse(svg);
		assertThat(doc.getElementsByTagName("script").getLength()).isZero();
		assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;");
		assertThat(texts(doc)).contains(HOSTILE.substring(0, 29) + "…", HOSTILE.substring(0, 23) + "…");
		Element root = doc.getDocumentElement();
		assertThat(root.getAttribute("role")).isEqualTo("img");
		assertThat(root.getAttribute("aria-label")).isEqualTo(HOSTILE);
		assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(HOSTILE);
		assertNoActiveContent(doc);
	}

	@Test
	void barsCarryTheirValuesInTheLanguagesDigits() throws Exception {
		BarChart chart = new BarChart("pass rate", List.of("Module 1", "Module 2"),
				List.of(new ChartSeries("pass", Arrays.asList(0.5, null))), ChartScale.PERCENT, false, "none");
		Document english = parse(chart.svg(Locale.ENGLISH));
		assertThat(texts(english)).contains("50%", "—", "100%", "Module 1");
		assertThat(bars(english)).hasSize(1);
		assertThat(bars(english).get(0)[2]).isEqualTo((BarChart.PLOT_END - BarChart.PLOT_START) / 2.0);
		List<String> dari = texts(parse(chart.svg(DARI)));
		LocalizedFormats formats = new LocalizedFormats();
		assertThat(formats.percent(0.5, DARI)).contains("۵۰");
		assertThat(dari).contains(formats.percent(0.5, DARI), formats.percent(1, DARI)).doesNotContain("50%");
	}

	@Test
	void rightToLeftMirrorsBarsAndLabels() throws Exception {
		BarChart chart = new BarChart("gain", List.of("Module 1"),
				List.of(new ChartSeries("pre", List.of(0.4)), new ChartSeries("post", List.of(0.8))),
				ChartScale.PERCENT, false, "none");
		Document ltr = parse(chart.svg(Locale.ENGLISH));
		Document rtl = parse(chart.svg(DARI));
		List<double[]> ltrBars = bars(ltr);
		List<double[]> rtlBars = bars(rtl);
		assertThat(ltrBars).hasSize(2).hasSameSizeAs(rtlBars);
		for (int i = 0; i < ltrBars.size(); i++) {
			// Left to right a bar starts at the plot's left edge; mirrored it ends at the
			// plot's right edge.
			assertThat(ltrBars.get(i)[0]).isEqualTo(BarChart.PLOT_START);
			assertThat(rtlBars.get(i)[0] + rtlBars.get(i)[2]).isEqualTo(BarChart.WIDTH - BarChart.PLOT_START);
			assertThat(rtlBars.get(i)[2]).isEqualTo(ltrBars.get(i)[2]);
		}
		Element ltrLabel = textElement(ltr, "Module 1");
		Element rtlLabel = textElement(rtl, "Module 1");
		assertThat(ltrLabel.getAttribute("text-anchor")).isEqualTo("end");
		assertThat(rtlLabel.getAttribute("text-anchor")).isEqualTo("start");
		assertThat(Double.parseDouble(rtlLabel.getAttribute("x")))
			.isEqualTo(BarChart.WIDTH - Double.parseDouble(ltrLabel.getAttribute("x")));
		assertThat(Double.parseDouble(rtlLabel.getAttribute("x"))).isGreaterThan(BarChart.WIDTH / 2.0);
	}

	@Test
	void stackedBarsAddUpAndShowTheTotal() throws Exception {
		BarChart chart = new BarChart(
				"answers", List.of("Relevant"), List.of(new ChartSeries("agree", List.of(3.0)),
						new ChartSeries("neutral", List.of(2.0)), new ChartSeries("disagree", List.of(1.0))),
				ChartScale.COUNT, true, "none");
		Document doc = parse(chart.svg(Locale.ENGLISH));
		List<double[]> bars = bars(doc);
		assertThat(bars).hasSize(3);
		for (int i = 1; i < bars.size(); i++) {
			assertThat(bars.get(i)[0]).isCloseTo(bars.get(i - 1)[0] + bars.get(i - 1)[2],
					org.assertj.core.data.Offset.offset(0.11));
		}
		assertThat(texts(doc)).contains("6", "agree", "neutral", "disagree");
	}

	@Test
	void emptyDataGivesAMessageAndNoBars() throws Exception {
		Document bar = parse(
				new BarChart("t", List.of(), List.of(), ChartScale.PERCENT, false, "No data yet").svg(Locale.ENGLISH));
		assertThat(texts(bar)).containsExactly("No data yet");
		assertThat(bars(bar)).isEmpty();
		Document step = parse(new StepChart("t", List.of(), ChartScale.COUNT, "<No data>").svg(DARI));
		assertThat(texts(step)).containsExactly("<No data>");
		assertThat(step.getElementsByTagName("polyline").getLength()).isZero();
	}

	@Test
	void stepChartClimbsInStepsAndRunsInTheReadingDirection() throws Exception {
		StepChart chart = new StepChart(HOSTILE,
				List.of(new ChartPoint(LocalDate.of(2026, 3, 10), 3), new ChartPoint(LocalDate.of(2026, 3, 1), 1)),
				ChartScale.COUNT, "none");
		Document ltr = parse(chart.svg(Locale.ENGLISH));
		double[][] points = points(ltr);
		// start at 0, up to 1 on the first day, along, up to 3 on the last day, along.
		assertThat(points.length).isEqualTo(6);
		assertThat(points[1][0]).isEqualTo(points[2][0]);
		assertThat(points[2][1]).isLessThan(points[1][1]);
		assertThat(points[3][1]).isEqualTo(points[2][1]);
		assertThat(points[4][1]).isLessThan(points[3][1]);
		assertThat(points[4][0]).isGreaterThan(points[1][0]);
		assertThat(texts(ltr)).contains("March 1, 2026", "March 10, 2026", "3");
		Document rtl = parse(chart.svg(DARI));
		double[][] mirrored = points(rtl);
		for (int i = 0; i < points.length; i++) {
			assertThat(mirrored[i][0]).isCloseTo(StepChart.WIDTH - points[i][0],
					org.assertj.core.data.Offset.offset(0.11));
			assertThat(mirrored[i][1]).isEqualTo(points[i][1]);
		}
		assertThat(mirrored[4][0]).isLessThan(mirrored[1][0]);
		assertThat(String.join(" ", texts(rtl))).contains("حوت", "۱۴۰۴").doesNotContain("March");
		assertNoActiveContent(rtl);
	}

	private static void assertNoActiveContent(Document doc) {
		NodeList all = doc.getElementsByTagName("*");
		for (int i = 0; i < all.getLength(); i++) {
			Element e = (Element) all.item(i);
			assertThat(e.getTagName()).isIn("svg", "title", "rect", "line", "polyline", "text");
			for (int a = 0; a < e.getAttributes().getLength(); a++) {
				String name = e.getAttributes().item(a).getNodeName();
				assertThat(name).doesNotStartWith("on").isNotIn("href", "xlink:href", "style");
			}
		}
	}

	static Document parse(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

	static List<String> texts(Document doc) {
		List<String> texts = new ArrayList<>();
		NodeList nodes = doc.getElementsByTagName("text");
		for (int i = 0; i < nodes.getLength(); i++) {
			texts.add(nodes.item(i).getTextContent());
		}
		return texts;
	}

	private static Element textElement(Document doc, String text) {
		NodeList nodes = doc.getElementsByTagName("text");
		for (int i = 0; i < nodes.getLength(); i++) {
			if (nodes.item(i).getTextContent().equals(text)) {
				return (Element) nodes.item(i);
			}
		}
		throw new AssertionError("no text " + text);
	}

	/**
	 * The data bars: x, y, width, height of every rect except the background and legend
	 * swatches.
	 */
	private static List<double[]> bars(Document doc) {
		List<double[]> bars = new ArrayList<>();
		NodeList nodes = doc.getElementsByTagName("rect");
		for (int i = 0; i < nodes.getLength(); i++) {
			Element r = (Element) nodes.item(i);
			double h = Double.parseDouble(r.getAttribute("height"));
			if (h != 10) {
				if (!"#ffffff".equals(r.getAttribute("fill"))) {
					bars.add(new double[] { Double.parseDouble(r.getAttribute("x")),
							Double.parseDouble(r.getAttribute("y")), Double.parseDouble(r.getAttribute("width")), h });
				}
			}
		}
		return bars;
	}

	private static double[][] points(Document doc) {
		String[] pairs = ((Element) doc.getElementsByTagName("polyline").item(0)).getAttribute("points").split(" ");
		double[][] points = new double[pairs.length][];
		for (int i = 0; i < pairs.length; i++) {
			String[] xy = pairs[i].split(",");
			points[i] = new double[] { Double.parseDouble(xy[0]), Double.parseDouble(xy[1]) };
		}
		return points;
	}

}
