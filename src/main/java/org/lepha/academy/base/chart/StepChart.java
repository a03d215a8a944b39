package org.lepha.academy.base.chart;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.LocalizedFormats;

/**
 * A step chart over time, e.g. how many cadets had completed by each day: the value holds
 * from one point to the next, so a count that only grows is drawn as it really moved, not
 * as a slope between days. Time runs in the reading direction (right to left in Dari),
 * the first, middle and last days are written in the language's calendar.
 *
 * @param title the chart's accessible name
 * @param points the corners, in any order (sorted by day here)
 * @param scale percentages or counts
 * @param noData the text shown when there are no points
 */
public record StepChart(String title, List<ChartPoint> points, ChartScale scale, String noData) {

	static final int WIDTH = 640;

	static final int HEIGHT = 240;

	static final int PLOT_START = 60;

	static final int PLOT_END = WIDTH - 30;

	private static final int TOP = 16;

	private static final int BOTTOM = HEIGHT - 40;

	private static final LocalizedFormats FORMATS = new LocalizedFormats();

	public StepChart {
		points = points.stream().sorted(Comparator.comparing(ChartPoint::date)).toList();
	}

	/** The chart as SVG, laid out for the language (mirrored for right-to-left ones). */
	public String svg(Locale locale) {
		boolean rtl = Languages.isRightToLeft(locale);
		if (this.points.isEmpty()) {
			SvgCanvas canvas = new SvgCanvas(WIDTH, 60, rtl, this.title);
			canvas.text(20, 35, "start", this.noData, 13, false);
			return canvas.finish();
		}
		double largest = this.points.stream().mapToDouble(ChartPoint::value).max().orElse(0);
		ValueAxis axis = new ValueAxis(this.scale, largest, locale);
		SvgCanvas canvas = new SvgCanvas(WIDTH, HEIGHT, rtl, this.title);
		for (double tick : axis.ticks()) {
			double y = y(axis, tick);
			canvas.line(PLOT_START, y, PLOT_END, y, SvgCanvas.GRID, 1);
			canvas.text(PLOT_START - 6, y + 4, "end", axis.format(tick), 11, false);
		}
		canvas.line(PLOT_START, TOP, PLOT_START, BOTTOM, SvgCanvas.AXIS, 1);
		canvas.line(PLOT_START, BOTTOM, PLOT_END, BOTTOM, SvgCanvas.AXIS, 1);
		LocalDate first = this.points.get(0).date();
		LocalDate last = this.points.get(this.points.size() - 1).date();
		// One day on its own still gets an axis: the day before to the day itself.
		LocalDate from = first.equals(last) ? first.minusDays(1) : first;
		long days = ChronoUnit.DAYS.between(from, last);
		List<double[]> line = new ArrayList<>();
		double previous = 0;
		line.add(new double[] { PLOT_START, y(axis, 0) });
		for (ChartPoint point : this.points) {
			double x = x(from, days, point.date());
			line.add(new double[] { x, y(axis, previous) });
			line.add(new double[] { x, y(axis, point.value()) });
			previous = point.value();
		}
		line.add(new double[] { PLOT_END, y(axis, previous) });
		canvas.polyline(line, SvgCanvas.colour(0), 2.5);
		canvas.text(PLOT_START, BOTTOM + 18, "start", FORMATS.date(from, locale), 11, false);
		if (days > 1) {
			LocalDate middle = from.plusDays(days / 2);
			canvas.text(x(from, days, middle), BOTTOM + 18, "middle", FORMATS.date(middle, locale), 11, false);
		}
		canvas.text(PLOT_END, BOTTOM + 18, "end", FORMATS.date(last, locale), 11, false);
		canvas.text(PLOT_END, TOP + 12, "end", axis.format(previous), 12, true);
		return canvas.finish();
	}

	private static double x(LocalDate from, long days, LocalDate date) {
		return PLOT_START + (PLOT_END - PLOT_START) * (double) ChronoUnit.DAYS.between(from, date) / days;
	}

	private static double y(ValueAxis axis, double value) {
		return BOTTOM - axis.position(value) * (BOTTOM - TOP);
	}

}
