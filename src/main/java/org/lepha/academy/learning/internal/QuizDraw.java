package org.lepha.academy.learning.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Draws the questions of one attempt and fixes the order of their options. The result is
 * stored with the attempt, so a reload, another device or a server restart shows the same
 * questions in the same order.
 */
public final class QuizDraw {

	/**
	 * One drawn question: its id and the order in which its options (or items) are shown.
	 */
	public record DrawnQuestion(String questionId, List<String> displayOrder) {

		public DrawnQuestion {
			displayOrder = List.copyOf(displayOrder);
		}

	}

	private QuizDraw() {
	}

	/**
	 * @param bank question id → ids of its options, pairs or items in authored order
	 * @param alwaysShuffled question ids whose items are shuffled whatever
	 * {@code shuffleOptions} says (matching and ordering: unshuffled they would give the
	 * answer away)
	 */
	public static List<DrawnQuestion> draw(Map<String, List<String>> bank, int drawCount, boolean shuffleQuestions,
			boolean shuffleOptions, java.util.Set<String> alwaysShuffled, RandomGenerator random) {
		if (drawCount < 1 || drawCount > bank.size()) {
			throw new IllegalArgumentException("Cannot draw " + drawCount + " of " + bank.size() + " questions");
		}
		List<String> ids = new ArrayList<>(bank.keySet());
		// Which questions: always a random subset when drawing fewer than the bank holds.
		shuffle(ids, random);
		List<String> chosen = new ArrayList<>(ids.subList(0, drawCount));
		if (!shuffleQuestions) {
			List<String> authored = new ArrayList<>(bank.keySet());
			chosen.sort(java.util.Comparator.comparingInt(authored::indexOf));
		}
		List<DrawnQuestion> drawn = new ArrayList<>();
		for (String id : chosen) {
			List<String> order = new ArrayList<>(bank.get(id));
			if (shuffleOptions || alwaysShuffled.contains(id)) {
				shuffle(order, random);
			}
			drawn.add(new DrawnQuestion(id, order));
		}
		return drawn;
	}

	private static void shuffle(List<String> list, RandomGenerator random) {
		for (int i = list.size() - 1; i > 0; i--) {
			Collections.swap(list, i, random.nextInt(i + 1));
		}
	}

}
