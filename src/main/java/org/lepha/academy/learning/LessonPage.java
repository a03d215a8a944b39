package org.lepha.academy.learning;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.content.Citation;

/**
 * One page of the lesson reader, ready to show.
 *
 * @param html sanitized lesson HTML
 * @param englishFallback the text is the English original because the cadet's language
 * has no (current) translation for it
 * @param sources the lesson's sources as readable citations
 */
public record LessonPage(String moduleId, String lessonId, String sectionId, String lessonTitle, String html,
		boolean englishFallback, boolean stale, List<TocEntry> toc, @Nullable SectionRef previous,
		@Nullable SectionRef next, List<Citation> sources) {

	/** A lesson section by ids. */
	public record SectionRef(String lessonId, String sectionId) {
	}

	/** A table-of-contents line. */
	public record TocEntry(String lessonId, String sectionId, String title, boolean viewed, boolean current) {
	}

}
