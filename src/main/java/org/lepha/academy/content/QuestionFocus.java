package org.lepha.academy.content;

/**
 * What a question asks of the cadet ({@code focus:} in {@code quiz.yaml}); the bank's
 * shares are checked against the authoring targets in {@code docs/content-format.md}.
 */
public enum QuestionFocus {

	/**
	 * "You are… what do you do first?": applies what was taught to a situation on duty.
	 */
	SITUATIONAL,

	/** Explains or distinguishes an idea. */
	UNDERSTANDING,

	/** Recalls a date, number or name. */
	RECALL

}
