package org.lepha.academy.base.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One named series of a bar chart: a value per category, in the categories' order;
 * {@code null} where there is no value (drawn as no bar and a dash).
 */
public record ChartSeries(String name, List<@Nullable Double> values) {

	public ChartSeries {
		// List.copyOf refuses nulls, and a missing value is a normal case here.
		values = Collections.unmodifiableList(new ArrayList<>(values));
	}

}
