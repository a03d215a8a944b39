package org.lepha.academy.cohorts.internal;

import java.util.List;

import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.learning.CadetAssignments;

import org.springframework.stereotype.Component;

/**
 * Gives the learning feature the signed-in cadet's assignments.
 */
@Component
class CohortAssignmentsForCadets implements CadetAssignments {

	private final CohortService cohorts;

	CohortAssignmentsForCadets(CohortService cohorts) {
		this.cohorts = cohorts;
	}

	@Override
	public List<AssignedModule> forCurrentCadet() {
		return cohorts.myAssignments().stream().map((a) -> new AssignedModule(a.moduleId(), a.dueDate())).toList();
	}

}
