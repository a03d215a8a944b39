package org.lepha.academy.content;

/**
 * One question of the course evaluation.
 *
 * @param id stable: answers are stored under it
 */
public record EvaluationItem(String id, Kind kind, Text text) {

	/** A five-point agreement scale, or the one free-text question. */
	public enum Kind {

		LIKERT, FREE_TEXT

	}

}
