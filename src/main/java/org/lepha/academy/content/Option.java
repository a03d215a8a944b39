package org.lepha.academy.content;

import org.jspecify.annotations.Nullable;

/**
 * An answer option; {@code feedback} is null when the author gave none.
 */
public record Option(String id, Text text, boolean correct, @Nullable Text feedback) {

}
