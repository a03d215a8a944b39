package org.lepha.academy.content;

/**
 * One page of a lesson: a level-2 heading and what follows it, as Markdown.
 */
public record LessonSection(String id, String heading, Text markdown) {

}
