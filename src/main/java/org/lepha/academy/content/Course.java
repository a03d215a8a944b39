package org.lepha.academy.content;

import java.util.List;
import java.util.Optional;

/**
 * What the course defines once for all modules ({@code content/course.yaml}).
 *
 * @param documents the source documents that passages cite
 */
public record Course(List<SourceDocument> documents) {

	public Course {
		documents = List.copyOf(documents);
	}

	public static Course empty() {
		return new Course(List.of());
	}

	public Optional<SourceDocument> document(String file) {
		return documents.stream().filter((d) -> d.file().equals(file)).findFirst();
	}

}
