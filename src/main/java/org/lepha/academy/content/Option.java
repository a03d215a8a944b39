package org.lepha.academy.content;

/**
 * An answer option; {@code feedback} is null when the author gave none.
 */
public record Option(String id, Text text, boolean correct, Text feedback) {

}
