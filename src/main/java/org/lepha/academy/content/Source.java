package org.lepha.academy.content;

import org.jspecify.annotations.Nullable;

/**
 * What a lesson or question cites: a passage of one of the course's source documents, or
 * a published reference for a safety-critical fact the documents lack.
 */
public sealed interface Source permits Source.Passage, Source.Reference {

	String id();

	/** The section or heading cited, or null. */
	String section();

	/**
	 * A passage of a source document listed in {@code content/course.yaml}.
	 *
	 * @param file the document's file name, the key into the course's document list
	 * @param quote a short quote that locates the passage, or null
	 */
	record Passage(String id, String file, String section, @Nullable String quote) implements Source {
	}

	/**
	 * A published guideline or report.
	 *
	 * @param url an {@code https:} address of the publication
	 */
	record Reference(String id, String publisher, String title, int year, String url,
			@Nullable String section) implements Source {
	}

}
