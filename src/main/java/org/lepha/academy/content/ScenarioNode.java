package org.lepha.academy.content;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A situation in a scenario; {@code image} is a media file name or null.
 *
 * @param dilemma marked by the author as a node where no option is obviously right (each
 * choice has effects of both signs)
 * @param discussion a prompt for the trainer to discuss with the class, or null
 */
public record ScenarioNode(String id, Text text, @Nullable String image, List<Choice> choices, boolean dilemma,
		@Nullable Text discussion) {

	public ScenarioNode {
		choices = List.copyOf(choices);
	}

}
