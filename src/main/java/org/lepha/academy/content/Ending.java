package org.lepha.academy.content;

import java.util.List;

public record Ending(String id, Rating rating, Text title, Text text, Text debrief, List<String> lessonIds) {

	public Ending {
		lessonIds = List.copyOf(lessonIds);
	}

}
