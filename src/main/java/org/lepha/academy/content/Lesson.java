package org.lepha.academy.content;

import java.util.List;

public record Lesson(String id, Text title, int order, List<String> sourceIds, List<LessonSection> sections) {

	public Lesson {
		sourceIds = List.copyOf(sourceIds);
		sections = List.copyOf(sections);
	}

}
