package org.lepha.academy.content;

/**
 * How a scenario ending is judged, best first.
 */
public enum Rating {

	EXEMPLARY, ACCEPTABLE, HARMFUL;

	/** Whether this rating is at least as good as the other. */
	public boolean atLeast(Rating other) {
		return ordinal() <= other.ordinal();
	}

}
