package org.lepha.academy.content;

import java.util.List;

/**
 * A situation in a scenario; {@code image} is a media file name or null.
 */
public record ScenarioNode(String id, Text text, String image, List<Choice> choices) {

	public ScenarioNode {
		choices = List.copyOf(choices);
	}

}
