package org.lepha.academy.content.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.lepha.academy.content.ContentProblem.Code;

/**
 * Detects duplicate ids within one scope (a module's lessons, a quiz's questions, ...).
 */
final class IdScope {

	private final ProblemSink problems;

	private final String path;

	private final String kind;

	private final Map<String, String> seen = new LinkedHashMap<>();

	IdScope(ProblemSink problems, String path, String kind) {
		this.problems = problems;
		this.path = path;
		this.kind = kind;
	}

	boolean add(String id, int line) {
		return add(id, line, path);
	}

	boolean add(String id, int line, String where) {
		if (id == null) {
			return false;
		}
		String earlier = seen.putIfAbsent(id, where + ":" + line);
		if (earlier != null) {
			problems.error(where, line, Code.C006_DUPLICATE_ID,
					"duplicate " + kind + " id '" + id + "' (first at " + earlier + ")");
			return false;
		}
		return true;
	}

	boolean contains(String id) {
		return seen.containsKey(id);
	}

	Set<String> all() {
		return Set.copyOf(seen.keySet());
	}

}
