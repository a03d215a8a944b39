package org.lepha.academy.learning.internal;

import java.util.List;
import java.util.Set;

/**
 * What counts as right for one question, reduced to ids: the grader needs nothing else,
 * so it is independent of wording and language.
 */
public sealed interface AnswerKey {

	/** Exactly one correct option. */
	record SingleChoice(String correctOptionId) implements AnswerKey {
	}

	/** Several correct options among all the options. */
	record MultipleChoice(Set<String> correctOptionIds, Set<String> allOptionIds) implements AnswerKey {

		public MultipleChoice {
			correctOptionIds = Set.copyOf(correctOptionIds);
			allOptionIds = Set.copyOf(allOptionIds);
		}

	}

	record TrueFalse(boolean answer) implements AnswerKey {
	}

	/** Each pair's left side belongs with its own right side; ids are the pair ids. */
	record Matching(List<String> pairIds) implements AnswerKey {

		public Matching {
			pairIds = List.copyOf(pairIds);
		}

	}

	/** Item ids in the correct order. */
	record Ordering(List<String> itemIdsInOrder) implements AnswerKey {

		public Ordering {
			itemIdsInOrder = List.copyOf(itemIdsInOrder);
		}

	}

}
