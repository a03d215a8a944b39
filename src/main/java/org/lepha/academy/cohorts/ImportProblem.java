package org.lepha.academy.cohorts;

import java.util.List;

/**
 * One problem in an uploaded file, on a line counted from 1 (the header is line 1).
 *
 * @param messageKey UI string key; {@code arguments} fill its placeholders
 */
public record ImportProblem(int line, String messageKey, List<String> arguments) {

	public ImportProblem {
		arguments = List.copyOf(arguments);
	}

	public static ImportProblem of(int line, String messageKey, String... arguments) {
		return new ImportProblem(line, messageKey, List.of(arguments));
	}

}
