package org.lepha.academy.learning.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuizDrawTests {

	private final Map<String, List<String>> bank = bank(15);

	@Test
	void drawsTheRequestedNumberOfDistinctQuestionsFromTheBank() {
		var drawn = QuizDraw.draw(bank, 10, true, true, Set.of(), new SplittableRandom(1));
		assertThat(drawn).hasSize(10);
		assertThat(drawn.stream().map(QuizDraw.DrawnQuestion::questionId).distinct()).hasSize(10);
		assertThat(bank.keySet()).containsAll(drawn.stream().map(QuizDraw.DrawnQuestion::questionId).toList());
		drawn
			.forEach((q) -> assertThat(q.displayOrder()).containsExactlyInAnyOrderElementsOf(bank.get(q.questionId())));
	}

	@Test
	void differentAttemptsGetDifferentSelectionsOverTime() {
		Set<List<String>> selections = new HashSet<>();
		SplittableRandom random = new SplittableRandom(7);
		for (int i = 0; i < 20; i++) {
			selections.add(QuizDraw.draw(bank, 10, true, true, Set.of(), random)
				.stream()
				.map(QuizDraw.DrawnQuestion::questionId)
				.toList());
		}
		assertThat(selections.size()).isGreaterThan(15);
	}

	@Test
	void withoutShufflingQuestionsAndOptionsKeepTheAuthoredOrder() {
		var drawn = QuizDraw.draw(bank, 15, false, false, Set.of(), new SplittableRandom(3));
		assertThat(drawn.stream().map(QuizDraw.DrawnQuestion::questionId).toList())
			.containsExactlyElementsOf(bank.keySet());
		drawn.forEach((q) -> assertThat(q.displayOrder()).containsExactlyElementsOf(bank.get(q.questionId())));
	}

	@Test
	void matchingAndOrderingItemsAreShuffledEvenWhenOptionsAreNot() {
		Map<String, List<String>> ordering = new LinkedHashMap<>();
		ordering.put("order", List.of("a", "b", "c", "d", "e", "f", "g", "h"));
		boolean everShuffled = false;
		SplittableRandom random = new SplittableRandom(11);
		for (int i = 0; i < 10 && !everShuffled; i++) {
			everShuffled = !QuizDraw.draw(ordering, 1, false, false, Set.of("order"), random)
				.get(0)
				.displayOrder()
				.equals(ordering.get("order"));
		}
		assertThat(everShuffled).isTrue();
	}

	@Test
	void drawingMoreThanTheBankHoldsIsRefused() {
		assertThatThrownBy(() -> QuizDraw.draw(bank, 16, true, true, Set.of(), new SplittableRandom(1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static Map<String, List<String>> bank(int size) {
		Map<String, List<String>> bank = new LinkedHashMap<>();
		for (int i = 1; i <= size; i++) {
			bank.put("q" + i, List.of("q" + i + "-a", "q" + i + "-b", "q" + i + "-c", "q" + i + "-d"));
		}
		return bank;
	}

}
