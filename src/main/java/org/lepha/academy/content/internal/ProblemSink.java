package org.lepha.academy.content.internal;

import java.util.ArrayList;
import java.util.List;

import org.lepha.academy.content.ContentProblem;
import org.lepha.academy.content.ContentProblem.Code;
import org.lepha.academy.content.ContentProblem.Severity;

/**
 * Collects every problem found while loading; loading never stops at the first one.
 */
public final class ProblemSink {

	private final List<ContentProblem> problems = new ArrayList<>();

	public void error(String path, int line, Code code, String message) {
		problems.add(new ContentProblem(path, line, code, Severity.ERROR, message));
	}

	public void warning(String path, int line, Code code, String message) {
		problems.add(new ContentProblem(path, line, code, Severity.WARNING, message));
	}

	public List<ContentProblem> problems() {
		return List.copyOf(problems);
	}

	public boolean hasErrors() {
		return problems.stream().anyMatch(ContentProblem::isError);
	}

	public int size() {
		return problems.size();
	}

	/** Whether an error was added since the given {@link #size()}. */
	public boolean errorsSince(int mark) {
		return problems.subList(mark, problems.size()).stream().anyMatch(ContentProblem::isError);
	}

}
