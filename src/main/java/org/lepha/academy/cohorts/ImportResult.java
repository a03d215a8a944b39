package org.lepha.academy.cohorts;

import java.util.List;

/**
 * The outcome of an import: either problems (and nothing was created) or the created
 * cadets.
 */
public record ImportResult(List<ImportProblem> problems, List<ImportedCadet> created) {

	public ImportResult {
		problems = List.copyOf(problems);
		created = List.copyOf(created);
	}

	public boolean succeeded() {
		return problems.isEmpty();
	}

}
