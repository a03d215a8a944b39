package org.lepha.academy.reports;

import org.jspecify.annotations.Nullable;

/**
 * One number of the report: a value, or none (nobody to count: shown as a dash), or
 * suppressed because the group is too small to publish (decision 0018).
 */
public record Cell(@Nullable Double value, boolean suppressed) {

	public static final Cell NONE = new Cell(null, false);

	public static final Cell SUPPRESSED = new Cell(null, true);

	public static Cell of(double value) {
		return new Cell(value, false);
	}

}
