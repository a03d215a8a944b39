package org.lepha.academy.translation;

/**
 * One translatable segment of a module in one language, as the translator sees it.
 *
 * @param target the current translation: the workspace's edit if any, else the file's;
 * null when missing
 * @param previousEnglish for a stale translation, the English it was made from when known
 * (else null), so the change can be shown with {@link WordDiff}
 * @param edited whether the target is an edit made in the application (not the file's)
 * @param savedBy who saved the edit (null for the file's text)
 */
public record Segment(String key, String english, String target, SegmentStatus status, String previousEnglish,
		boolean edited, Long savedBy) {

}
