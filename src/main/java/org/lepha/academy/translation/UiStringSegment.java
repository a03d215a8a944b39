package org.lepha.academy.translation;

/**
 * One UI string in one language: the English, the current translation (the workspace edit
 * if there is one, else the value in {@code translations/ui/<lang>.properties}) and its
 * status. A value from the file counts as {@link SegmentStatus#APPROVED}: the files are
 * reviewed before they are committed, and they record no source text. A workspace edit
 * records the English it was made from, so it turns {@link SegmentStatus#STALE} when the
 * English changes.
 *
 * @param previousEnglish for a stale edit, the English it was translated from; else null
 */
public record UiStringSegment(String key, String english, String target, SegmentStatus status, boolean edited,
		Long savedBy, String previousEnglish) {

}
