package org.lepha.academy.learning.internal;

import org.lepha.academy.learning.GivenAnswer;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QuizGraderTests {

	@Test
	void singleChoiceIsAllOrNothing() {
		AnswerKey key = new AnswerKey.SingleChoice("b");
		assertThat(QuizGrader.credit(key, new GivenAnswer.Choices(Set.of("b")))).isEqualTo(1.0);
		assertThat(QuizGrader.credit(key, new GivenAnswer.Choices(Set.of("a")))).isZero();
		assertThat(QuizGrader.credit(key, new GivenAnswer.Choices(Set.of("a", "b")))).isZero();
		assertThat(QuizGrader.credit(key, null)).isZero();
	}

	@Test
	void multipleChoiceGivesPartialCreditAndPunishesWrongPicks() {
		AnswerKey key = new AnswerKey.MultipleChoice(Set.of("a", "b", "c"), Set.of("a", "b", "c", "d", "e"));
		assertThat(QuizGrader.credit(key, new GivenAnswer.Choices(Set.of("a", "b", "c")))).isEqualTo(1.0);
		assertThat(QuizGrader.credit(key, new GivenAnswer.Choices(Set.of("a", "b")))).isCloseTo(2.0 / 3, within(1e-9));
		assertThat(QuizGrader.credit(key, new GivenAnswer.Choices(Set.of("a", "b", "d")))).isCloseTo(1.0 / 3,
				within(1e-9));
		assertThat(QuizGrader.credit(key, new GivenAnswer.Choices(Set.of("a", "d", "e")))).isZero();
		assertThat(QuizGrader.credit(key, new GivenAnswer.Choices(Set.of("a", "b", "c", "d", "e"))))
			.as("choosing everything earns no more than it costs")
			.isCloseTo(1.0 / 3, within(1e-9));
		assertThat(QuizGrader.credit(key, new GivenAnswer.Choices(Set.of()))).isZero();
	}

	@Test
	void trueFalseMustMatch() {
		assertThat(QuizGrader.credit(new AnswerKey.TrueFalse(false), new GivenAnswer.TrueFalse(false))).isEqualTo(1.0);
		assertThat(QuizGrader.credit(new AnswerKey.TrueFalse(false), new GivenAnswer.TrueFalse(true))).isZero();
		assertThat(QuizGrader.credit(new AnswerKey.TrueFalse(true), new GivenAnswer.Choices(Set.of("true")))).isZero();
	}

	@Test
	void matchingCountsEachCorrectPair() {
		AnswerKey key = new AnswerKey.Matching(List.of("nsp", "oat", "naloxone", "lead"));
		assertThat(QuizGrader.credit(key,
				new GivenAnswer.Matches(Map.of("nsp", "nsp", "oat", "oat", "naloxone", "lead", "lead", "naloxone"))))
			.isEqualTo(0.5);
		assertThat(QuizGrader.credit(key,
				new GivenAnswer.Matches(Map.of("nsp", "nsp", "oat", "oat", "naloxone", "naloxone", "lead", "lead"))))
			.isEqualTo(1.0);
		assertThat(QuizGrader.credit(key, new GivenAnswer.Matches(Map.of("nsp", "nsp")))).isEqualTo(0.25);
	}

	@Test
	void orderingCountsItemsInTheirPlace() {
		AnswerKey key = new AnswerKey.Ordering(List.of("safety", "call", "naloxone", "recovery"));
		assertThat(QuizGrader.credit(key, new GivenAnswer.Order(List.of("safety", "call", "naloxone", "recovery"))))
			.isEqualTo(1.0);
		assertThat(QuizGrader.credit(key, new GivenAnswer.Order(List.of("call", "safety", "naloxone", "recovery"))))
			.isEqualTo(0.5);
		assertThat(QuizGrader.credit(key, new GivenAnswer.Order(List.of("recovery", "naloxone", "call", "safety"))))
			.isZero();
	}

	@Test
	void scoreIsTheShareOfPointsRoundedDown() {
		assertThat(QuizGrader.scorePercent(List.of(1.0, 1.0, 0.0), 3)).isEqualTo(66);
		assertThat(QuizGrader.scorePercent(List.of(1.0 / 3, 1.0 / 3, 1.0 / 3), 1)).isEqualTo(100);
		assertThat(QuizGrader.scorePercent(List.of(1.0, 0.5), 10)).isEqualTo(15);
		assertThat(QuizGrader.scorePercent(List.of(), 10)).isZero();
	}

}
