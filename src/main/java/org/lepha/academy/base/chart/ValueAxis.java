package org.lepha.academy.base.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lepha.academy.base.i18n.LocalizedFormats;

/** A value axis from 0: its top, its ticks and how a value is written. */
final class ValueAxis {

	private static final LocalizedFormats FORMATS = new LocalizedFormats();

	private final ChartScale scale;

	private final double max;

	private final Locale locale;

	ValueAxis(ChartScale scale, double largest, Locale locale) {
		this.scale = scale;
		this.locale = locale;
		this.max = (scale == ChartScale.PERCENT) ? 1 : niceCeiling(largest);
	}

	double max() {
		return this.max;
	}

	/** Where a value lies between 0 and 1 along the axis (values beyond are clamped). */
	double position(double value) {
		return Math.max(0, Math.min(1, value / this.max));
	}

	List<Double> ticks() {
		List<Double> ticks = new ArrayList<>();
		double step = (this.scale == ChartScale.PERCENT) ? 0.25 : step(this.max);
		for (double t = 0; t <= this.max + 1e-9; t += step) {
			ticks.add(t);
		}
		return ticks;
	}

	String format(double value) {
		return (this.scale == ChartScale.PERCENT) ? FORMATS.percent(value, this.locale)
				: FORMATS.number(Math.round(value), this.locale);
	}

	/**
	 * Counts: a whole number at or above the largest value, divisible into up to 5 steps.
	 */
	private static double niceCeiling(double largest) {
		if (largest <= 0) {
			return 1;
		}
		double step = step(largest);
		return Math.ceil(largest / step) * step;
	}

	private static double step(double max) {
		double raw = max / 4;
		if (raw <= 1) {
			return 1;
		}
		double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
		for (double m : new double[] { 1, 2, 5, 10 }) {
			if (m * magnitude >= raw) {
				return m * magnitude;
			}
		}
		return 10 * magnitude;
	}

}
