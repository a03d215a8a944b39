package org.lepha.academy.content.internal;

/**
 * One segment of a translation file.
 *
 * @param sourceHash hash of the English the target was translated from
 * ({@link SourceHash})
 * @param target null when not translated yet
 * @param line where the unit stands in the file (for messages)
 */
public record TranslationEntry(String key, String source, String target, State state, String sourceHash, int line) {

	/** XLIFF 2 segment states as the app uses them. */
	public enum State {

		/** No translation yet. */
		MISSING,
		/** Translated, not reviewed: XLIFF {@code translated}. */
		DRAFT,
		/** Reviewed and approved: XLIFF {@code reviewed} or {@code final}. */
		APPROVED

	}

	public boolean hasTarget() {
		return target != null && !target.isBlank() && state != State.MISSING;
	}

}
