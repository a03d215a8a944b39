package org.lepha.academy.content;

/**
 * Text for one language, and where it came from, so the UI can mark English fallbacks.
 *
 * @param stale the English is shown because the translation was made from an earlier
 * English (always with {@link Origin#ENGLISH_FALLBACK})
 */
public record ResolvedText(String text, Origin origin, boolean stale) {

	public enum Origin {

		APPROVED, DRAFT, ENGLISH_FALLBACK, ENGLISH_SOURCE

	}

	public boolean isFallback() {
		return origin == Origin.ENGLISH_FALLBACK;
	}

}
