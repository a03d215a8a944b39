package org.lepha.academy.cohorts;

import java.time.LocalDate;
import java.util.Set;

/**
 * What it takes to open a cohort.
 */
public record NewCohort(long academyId, String name, LocalDate startDate, LocalDate endDate, Set<Long> trainerIds) {

}
