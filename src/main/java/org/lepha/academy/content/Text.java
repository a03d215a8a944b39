package org.lepha.academy.content;

/**
 * A translatable piece of content: the segment key translations attach to, and the
 * English source.
 */
public record Text(String key, String english) {

}
