package org.lepha.academy.content;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What the course defines once for all modules ({@code content/course.yaml}).
 *
 * @param documents the source documents that passages cite
 * @param evaluation the evaluation asked after each module; null when the course defines
 * none or it has errors (then nobody is asked)
 */
public record Course(List<SourceDocument> documents, @Nullable Evaluation evaluation) {

	public Course {
		documents = List.copyOf(documents);
	}

	public Course(List<SourceDocument> documents) {
		this(documents, null);
	}

	public static Course empty() {
		return new Course(List.of());
	}

	public Optional<SourceDocument> document(String file) {
		return documents.stream().filter((d) -> d.file().equals(file)).findFirst();
	}

}
