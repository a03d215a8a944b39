package org.lepha.academy.content;

import org.jspecify.annotations.Nullable;

/**
 * A source as a cadet reads it: the document's title, publisher and year, and the section
 * cited; never a file name.
 *
 * @param year null when the document does not say
 * @param section null when the whole document is cited
 * @param url the publication's address, null for the course's own source documents
 */
public record Citation(String title, String publisher, @Nullable Integer year, @Nullable String section,
		@Nullable String url) {

}
