package org.lepha.academy.base.chart;

/** How a chart's values are read and its axis labelled. */
public enum ChartScale {

	/** Values are fractions from 0 to 1, shown as percentages on an axis to 100%. */
	PERCENT,

	/**
	 * Values are counts (whole numbers), on an axis up to a round number above the
	 * largest.
	 */
	COUNT

}
