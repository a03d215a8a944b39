package org.lepha.academy.translation;

/**
 * A segment as cadets will see it: sanitized HTML and whether it reads right to left.
 */
public record SegmentPreview(String html, boolean rightToLeft) {

}
