package org.lepha.academy.reports;

import java.util.Map;

/** A figure for all cadets of the report and for each sex group. */
public record Figure(Cell total, Map<SexGroup, Cell> groups) {

	public Figure {
		groups = Map.copyOf(groups);
	}

	public Cell group(SexGroup group) {
		return this.groups.getOrDefault(group, Cell.NONE);
	}

}
