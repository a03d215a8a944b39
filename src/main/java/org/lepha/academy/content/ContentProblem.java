package org.lepha.academy.content;

/**
 * One problem found in the content files.
 *
 * @param path file path relative to the content or translations root's parent (as typed
 * on the command line)
 */
public record ContentProblem(String path, int line, Code code, Severity severity, String message) {

	public enum Severity {

		ERROR, WARNING

	}

	/** Stable error codes; never renumber. */
	public enum Code {

		C001_SYNTAX, C002_UNKNOWN_KEY, C003_MISSING_KEY, C004_WRONG_TYPE, C005_BAD_ID, C006_DUPLICATE_ID,
		C007_MODULE_FOLDER_MISMATCH, C008_DANGLING_REFERENCE, C009_MISSING_MEDIA, C010_SECTION_WITHOUT_ID,
		C011_FORBIDDEN_HTML, C012_NO_CORRECT_ANSWER, C013_IMPOSSIBLE_ANSWER, C014_DRAW_COUNT, C015_BAD_VALUE,
		C016_UNREACHABLE_NODE, C017_NO_ENDING_REACHABLE, C018_NO_CHOICE_AVAILABLE, C019_UNKNOWN_SCORE,
		C020_EXPLORATION_LIMIT, T001_UNKNOWN_SEGMENT, T002_STALE, T003_MARKUP_MISMATCH, T004_BAD_XLIFF,
		T005_PLACEHOLDER_MISMATCH,
		/** A passage cites a document that {@code content/course.yaml} does not list. */
		C021_UNKNOWN_DOCUMENT,
		/** A source document's file name is written into text cadets read. */
		C022_FILE_NAME_IN_TEXT,
		/**
		 * A passage's quote is not found in its document (checked when the documents are
		 * at hand).
		 */
		C023_QUOTE_NOT_FOUND, Q001_NO_OBJECTIVE, Q002_OBJECTIVE_UNDERTESTED, Q003_POOL_MISSES_OBJECTIVE,
		Q004_LONGEST_OPTION_CORRECT, Q005_ALL_OR_NONE_OF_THE_ABOVE, Q006_TOO_FEW_SITUATIONAL, Q007_TOO_MUCH_RECALL,
		Q008_DUPLICATE_QUESTION_TEXT, Q009_LESSON_WITHOUT_OBJECTIVE, Q010_ALL_BUT_ONE_CORRECT, S001_VERDICT_IN_FEEDBACK,
		S002_EXEMPLARY_AFTER_HARM, S003_DILEMMA, S004_NO_DELAYED_CONSEQUENCE,
		/**
		 * A media file that is not an allowed image, a link, outside media/, or a
		 * scripted SVG.
		 */
		C024_UNSAFE_MEDIA,
		/** The same key twice in one YAML mapping (the last would silently win). */
		C025_DUPLICATE_KEY,
		/** Text, conditions or YAML nested deeper than the format allows. */
		C026_NESTED_TOO_DEEP,
		/** A text or file larger than the format allows. */
		C027_TOO_LONG,
		/** A folder under translations/content that is not a language tag. */
		T006_BAD_LANGUAGE_FOLDER,
		/** A translation whose letters are mostly not in its language's script. */
		T007_WRONG_SCRIPT,
		/** A translation that does not use a glossary term's agreed rendering. */
		G001_GLOSSARY_TERM_MISSING;

		/** The short code shown to authors, e.g. {@code C006}. */
		public String shortCode() {
			return name().substring(0, 4);
		}

	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}

	@Override
	public String toString() {
		return path + ":" + line + ": " + code.shortCode() + " " + message;
	}

}
