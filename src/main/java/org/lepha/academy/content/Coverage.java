package org.lepha.academy.content;

/**
 * How much of a module (or of the UI) is translated into one language.
 *
 * @param draft translated, not yet approved (not stale)
 * @param approved approved (not stale)
 * @param stale translated from an English text that has changed since
 * @param missing no translation
 */
public record Coverage(int total, int draft, int approved, int stale, int missing) {

	public int translated() {
		return draft + approved + stale;
	}

	/** Share of segments with a current (not stale) translation, 0 to 100. */
	public int percentCurrent() {
		return total == 0 ? 100 : (int) Math.floor(100.0 * (draft + approved) / total);
	}

}
