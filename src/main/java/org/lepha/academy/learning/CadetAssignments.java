package org.lepha.academy.learning;

import java.time.LocalDate;
import java.util.List;

/**
 * The modules the signed-in cadet's cohort was assigned, provided by the cohorts feature
 * (which depends on learning, not the other way round).
 */
public interface CadetAssignments {

	List<AssignedModule> forCurrentCadet();

	/** One assignment. */
	record AssignedModule(String moduleId, LocalDate dueDate) {
	}

}
