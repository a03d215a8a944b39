package org.lepha.academy.cohorts;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What it takes to open a cohort.
 */
public record NewCohort(long academyId, String name, @Nullable LocalDate startDate, @Nullable LocalDate endDate,
		Set<Long> trainerIds) {

}
