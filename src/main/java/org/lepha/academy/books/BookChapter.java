package org.lepha.academy.books;

import java.util.List;

/**
 * One chapter of a course book: a lesson (in the module's order), or one of the parts
 * that follow the lessons.
 *
 * @param id stable and safe to use as a file name or anchor ({@code [a-z0-9-]+})
 * @param title resolved in the book's language
 */
public record BookChapter(String id, Kind kind, String title, List<BookBlock> blocks) {

	public BookChapter {
		blocks = List.copyOf(blocks);
	}

	/** What a chapter holds, so renderers can style parts differently. */
	public enum Kind {

		/** A lesson: its sections as level-2 headings, then the lesson's sources. */
		LESSON,

		/** A scenario as a paper exercise ({@link BookBlock.ScenarioExercise}). */
		SCENARIO,

		/** The quiz bank as self-check questions, without answers. */
		SELF_CHECK,

		/** Every source the module cites. */
		SOURCES,

		/** Trainer's edition only: answers, explanations, debriefs. */
		ANSWER_KEY

	}

}
