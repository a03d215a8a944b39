package org.lepha.academy.learning;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a cadet answered to one question, by ids.
 */
public sealed interface GivenAnswer {

	record Choices(Set<String> optionIds) implements GivenAnswer {

		public Choices {
			optionIds = Set.copyOf(optionIds);
		}

	}

	record TrueFalse(boolean value) implements GivenAnswer {
	}

	/**
	 * For each pair (by its left side's id), the pair id whose right side the cadet
	 * chose.
	 */
	record Matches(Map<String, String> rightChosenForLeft) implements GivenAnswer {

		public Matches {
			rightChosenForLeft = Map.copyOf(rightChosenForLeft);
		}

	}

	record Order(List<String> itemIds) implements GivenAnswer {

		public Order {
			itemIds = List.copyOf(itemIds);
		}

	}

}
