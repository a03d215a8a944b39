package org.lepha.academy.content;

import org.jspecify.annotations.Nullable;

/**
 * A learning objective, written as an observable action, taught by one lesson and tested
 * by the questions that name it.
 *
 * @param lessonId the lesson that teaches it (null only in content with errors)
 */
public record Objective(String id, @Nullable String lessonId, Text text) {

}
