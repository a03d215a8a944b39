package org.lepha.academy.content;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A choice at a scenario node: where it leads ({@code next}: a node or an ending), what
 * it tells the player, how it changes the scores, and when it is offered.
 */
public record Choice(String id, Text text, String next, @Nullable Text feedback, Map<String, Integer> effects,
		Condition condition) {

	public Choice {
		effects = Map.copyOf(effects);
	}

}
