package org.lepha.academy.cohorts;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A module assigned to a cohort, with an optional due date.
 */
public record Assignment(long cohortId, String cohortName, String moduleId, @Nullable LocalDate dueDate) {

	public boolean isOverdue(LocalDate today) {
		return dueDate != null && today.isAfter(dueDate);
	}

}
