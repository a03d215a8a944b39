package org.lepha.academy.content;

/**
 * A learning objective, written as an observable action, taught by one lesson and tested
 * by the questions that name it.
 *
 * @param lessonId the lesson that teaches it (null only in content with errors)
 */
public record Objective(String id, String lessonId, Text text) {

}
