package org.lepha.academy.content;

/**
 * A passage of a source document that lessons and questions cite.
 */
public record Source(String id, String file, String section, String quote) {

}
