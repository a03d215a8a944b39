package org.lepha.academy.cohorts;

import java.time.LocalDate;

/**
 * A cohort as listed to trainers.
 */
public record CohortSummary(long id, long academyId, String academyName, String name, LocalDate startDate,
		LocalDate endDate, int cadetCount) {

}
