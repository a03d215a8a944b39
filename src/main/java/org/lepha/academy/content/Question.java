package org.lepha.academy.content;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A question of the bank, one record per type: what carries the answer differs by type
 * (options, a true/false answer, matching pairs, items in order), so each type has
 * exactly the fields it needs and callers switch over the types exhaustively.
 */
public sealed interface Question {

	/** What every question has, whatever its type. */
	Common common();

	QuestionType type();

	default String id() {
		return common().id();
	}

	default Text text() {
		return common().text();
	}

	default String sourceId() {
		return common().sourceId();
	}

	/** The objective it tests; null only when the author left it out (a warning). */
	default @Nullable String objectiveId() {
		return common().objectiveId();
	}

	default QuestionFocus focus() {
		return common().focus();
	}

	/** The quiz whose draws it belongs to. */
	default QuizKind pool() {
		return common().pool();
	}

	default Text explanation() {
		return common().explanation();
	}

	/**
	 * @param objectiveId null when the author left it out
	 */
	record Common(String id, Text text, String sourceId, @Nullable String objectiveId, QuestionFocus focus,
			QuizKind pool, Text explanation) {
	}

	/** One correct option among several. */
	record SingleChoice(Common common, List<Option> options) implements Question {

		public SingleChoice {
			options = List.copyOf(options);
		}

		@Override
		public QuestionType type() {
			return QuestionType.SINGLE;
		}

	}

	/** Any number of correct options, at least one incorrect. */
	record MultipleChoice(Common common, List<Option> options) implements Question {

		public MultipleChoice {
			options = List.copyOf(options);
		}

		@Override
		public QuestionType type() {
			return QuestionType.MULTIPLE;
		}

	}

	/** A statement that is true or false. */
	record TrueFalse(Common common, boolean answer) implements Question {

		@Override
		public QuestionType type() {
			return QuestionType.TRUE_FALSE;
		}

	}

	/** Left sides to match with their right sides. */
	record Matching(Common common, List<MatchPair> pairs) implements Question {

		public Matching {
			pairs = List.copyOf(pairs);
		}

		@Override
		public QuestionType type() {
			return QuestionType.MATCHING;
		}

	}

	/** Items to put in order; listed in the correct order. */
	record Ordering(Common common, List<OrderItem> items) implements Question {

		public Ordering {
			items = List.copyOf(items);
		}

		@Override
		public QuestionType type() {
			return QuestionType.ORDERING;
		}

	}

}
