package org.lepha.academy.content;

import org.jspecify.annotations.Nullable;

/**
 * One of the course's source documents ({@code content/course.yaml}), so that cadets see
 * a readable citation instead of a file name.
 *
 * @param year the year of publication, or null when the document does not say
 */
public record SourceDocument(String file, String title, String publisher, @Nullable Integer year) {

}
