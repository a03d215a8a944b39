package org.lepha.academy.base.chart;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.base.i18n.Languages;

/**
 * A horizontal bar chart: one band per category (labels beside the bars, so long module
 * titles stay readable), bars grouped side by side or stacked, a value axis with grid
 * lines, a legend when there is more than one series, and each bar's value (or a stack's
 * total) written at its end.
 *
 * @param title the chart's accessible name ({@code <title>} and {@code aria-label}); the
 * page or PDF shows its own heading
 * @param categories the bands, top to bottom
 * @param series the values, each with one value per category
 * @param scale percentages or counts
 * @param stacked stack the series in one bar per category instead of grouping them
 * @param noData the text shown when there is nothing to draw
 */
public record BarChart(String title, List<String> categories, List<ChartSeries> series, ChartScale scale,
		boolean stacked, String noData) {

	static final int WIDTH = 640;

	static final int LABEL_WIDTH = 190;

	static final int PLOT_START = LABEL_WIDTH + 10;

	static final int PLOT_END = WIDTH - 70;

	private static final int BAR = 14;

	private static final int GAP = 10;

	public BarChart {
		categories = List.copyOf(categories);
		series = List.copyOf(series);
	}

	/** The chart as SVG, laid out for the language (mirrored for right-to-left ones). */
	public String svg(Locale locale) {
		boolean rtl = Languages.isRightToLeft(locale);
		if (this.categories.isEmpty() || this.series.isEmpty()) {
			SvgCanvas canvas = new SvgCanvas(WIDTH, 60, rtl, this.title);
			canvas.text(20, 35, "start", this.noData, 13, false);
			return canvas.finish();
		}
		int bars = this.stacked ? 1 : this.series.size();
		int band = bars * BAR + GAP;
		int top = (this.series.size() > 1) ? 44 : 16;
		int plotHeight = this.categories.size() * band;
		int height = top + plotHeight + 34;
		ValueAxis axis = new ValueAxis(this.scale, largest(), locale);
		SvgCanvas canvas = new SvgCanvas(WIDTH, height, rtl, this.title);
		if (this.series.size() > 1) {
			legend(canvas);
		}
		double plotWidth = PLOT_END - PLOT_START;
		for (double tick : axis.ticks()) {
			double x = PLOT_START + axis.position(tick) * plotWidth;
			canvas.line(x, top, x, top + plotHeight, SvgCanvas.GRID, 1);
			canvas.text(x, top + plotHeight + 16, "middle", axis.format(tick), 11, false);
		}
		canvas.line(PLOT_START, top, PLOT_START, top + plotHeight, SvgCanvas.AXIS, 1);
		canvas.line(PLOT_START, top + plotHeight, PLOT_END, top + plotHeight, SvgCanvas.AXIS, 1);
		for (int c = 0; c < this.categories.size(); c++) {
			double bandTop = top + c * band + GAP / 2.0;
			canvas.text(LABEL_WIDTH, bandTop + bars * BAR / 2.0 + 4, "end",
					SvgCanvas.shorten(this.categories.get(c), 30), 12, false);
			if (this.stacked) {
				stackedBar(canvas, axis, c, bandTop, plotWidth);
			}
			else {
				for (int s = 0; s < this.series.size(); s++) {
					Double value = value(s, c);
					double y = bandTop + s * BAR;
					double length = (value == null) ? 0 : axis.position(value) * plotWidth;
					if (length > 0) {
						canvas.rect(PLOT_START, y + 1, length, BAR - 2, SvgCanvas.colour(s));
					}
					canvas.text(PLOT_START + length + 4, y + BAR - 3, "start",
							(value == null) ? "—" : axis.format(value), 11, false);
				}
			}
		}
		return canvas.finish();
	}

	private void stackedBar(SvgCanvas canvas, ValueAxis axis, int c, double y, double plotWidth) {
		double start = 0;
		boolean any = false;
		for (int s = 0; s < this.series.size(); s++) {
			Double value = value(s, c);
			if (value == null || value <= 0) {
				continue;
			}
			any = true;
			double from = axis.position(start) * plotWidth;
			double to = axis.position(start + value) * plotWidth;
			canvas.rect(PLOT_START + from, y + 1, to - from, BAR - 2, SvgCanvas.colour(s));
			start += value;
		}
		double end = axis.position(start) * plotWidth;
		canvas.text(PLOT_START + end + 4, y + BAR - 3, "start", any ? axis.format(start) : "—", 11, false);
	}

	private void legend(SvgCanvas canvas) {
		double x = 20;
		for (int s = 0; s < this.series.size(); s++) {
			String name = SvgCanvas.shorten(this.series.get(s).name(), 24);
			canvas.rect(x, 13, 10, 10, SvgCanvas.colour(s));
			canvas.text(x + 15, 22, "start", name, 12, false);
			// A rough width for the name: enough room in Latin, Cyrillic and Dari script.
			x += 15 + 7.5 * name.codePointCount(0, name.length()) + 18;
		}
	}

	private @Nullable Double value(int series, int category) {
		List<@Nullable Double> values = this.series.get(series).values();
		return (category < values.size()) ? values.get(category) : null;
	}

	private double largest() {
		double largest = 0;
		for (int c = 0; c < this.categories.size(); c++) {
			double total = 0;
			for (int s = 0; s < this.series.size(); s++) {
				Double value = value(s, c);
				if (value != null) {
					total = this.stacked ? total + Math.max(0, value) : Math.max(total, value);
				}
			}
			largest = Math.max(largest, total);
		}
		return largest;
	}

}
