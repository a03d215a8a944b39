package org.lepha.academy.base.text;

/**
 * The longest text each field takes, in characters: the column sizes of the Liquibase
 * changelog ({@code db/changelog/changes}), so a service can refuse an over-long value
 * with its own message before the database does (MariaDB's "Data too long" used to reach
 * the user as "the database cannot be reached"). Views set the same numbers as the
 * fields' {@code maxLength}; the services check them whoever calls.
 */
public final class TextLimits {

	/** The UI string key of the refusal; its argument is the limit. */
	public static final String MESSAGE_KEY = "error.tooLong";

	/** {@code academy.name}, {@code cohort.name}. */
	public static final int NAME = 200;

	/** {@code app_user.full_name}. */
	public static final int FULL_NAME = 200;

	/** {@code app_user.username}, {@code login_failure.username}. */
	public static final int USERNAME = 64;

	/** {@code app_user.email}. */
	public static final int EMAIL = 254;

	/** {@code certificate.revoke_reason}. */
	public static final int REVOKE_REASON = 500;

	/** {@code glossary_term.term}. */
	public static final int GLOSSARY_TERM = 200;

	/** {@code glossary_term.translation}. */
	public static final int GLOSSARY_TRANSLATION = 400;

	/** A join code as typed (the stored code has 16 characters; spaces are allowed). */
	public static final int JOIN_CODE = 32;

	/**
	 * Search and filter fields: nothing is stored, but a filter longer than any text it
	 * could match only costs work.
	 */
	public static final int SEARCH = 200;

	/** A translated interface string (the English ones are at most a few hundred). */
	public static final int UI_STRING_TRANSLATION = 2_000;

	/** {@code course_evaluation.comment}: the evaluation's one free-text answer. */
	public static final int EVALUATION_COMMENT = 2_000;

	/** The floor and ceiling of {@link #translation(String)}. */
	public static final int TRANSLATION_MIN = 2_000;

	public static final int TRANSLATION_MAX = 20_000;

	private TextLimits() {
	}

	/**
	 * The longest translation of a course text: ten times its English, at least 2,000
	 * (short texts may need long words, and Dari or Russian run longer than English) and
	 * at most 20,000 characters (what the Markdown checks take). A megabyte saved as a
	 * draft would otherwise be served to every cadet.
	 */
	public static int translation(String english) {
		return (int) Math.min(TRANSLATION_MAX, Math.max(TRANSLATION_MIN, 10L * english.length()));
	}

	/**
	 * The value unchanged when it fits.
	 * @throws TooLongException when it is longer than {@code max} characters
	 */
	public static String require(String value, int max) {
		// UTF-16 units, as the browser's maxLength counts: never fewer than the
		// characters
		// the column counts, so what passes here fits there.
		if (value.length() > max) {
			throw new TooLongException(max, value.length());
		}
		return value;
	}

	/**
	 * A text longer than its field takes; {@link #messageKey()} explains, with the limit.
	 */
	public static class TooLongException extends RefusedTextException {

		private final int max;

		public TooLongException(int max, int length) {
			super("Text of " + length + " characters where at most " + max + " fit");
			this.max = max;
		}

		@Override
		public String messageKey() {
			return MESSAGE_KEY;
		}

		@Override
		public Object[] arguments() {
			return new Object[] { this.max };
		}

		public int max() {
			return this.max;
		}

	}

}
