package org.lepha.academy.translation;

/**
 * One UI string in one language: the English, the current translation (the workspace edit
 * if there is one, else the value in {@code translations/ui/<lang>.properties}) and its
 * status. A value from the file counts as {@link SegmentStatus#APPROVED}: the files are
 * reviewed before they are committed. UI strings are never {@code STALE}, as the files
 * record no source text.
 */
public record UiStringSegment(String key, String english, String target, SegmentStatus status, boolean edited,
		Long savedBy) {

}
