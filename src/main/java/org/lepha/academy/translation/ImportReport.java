package org.lepha.academy.translation;

import java.util.List;

/**
 * The outcome of an XLIFF import: either every change was applied, or nothing was and the
 * problems say why, by line.
 *
 * @param changed segments whose translation the import changed
 */
public record ImportReport(boolean applied, int changed, List<Problem> problems) {

	public ImportReport {
		problems = List.copyOf(problems);
	}

	/** A problem in the uploaded file. */
	public record Problem(int line, String message, boolean error) {
	}

}
