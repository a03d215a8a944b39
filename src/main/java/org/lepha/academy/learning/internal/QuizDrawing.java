package org.lepha.academy.learning.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import org.lepha.academy.content.MatchPair;
import org.lepha.academy.content.Option;
import org.lepha.academy.content.OrderItem;
import org.lepha.academy.content.Question;
import org.lepha.academy.content.Quiz;
import org.lepha.academy.content.QuizKind;

/**
 * Draws one attempt from a module's bank and takes, with it, what grading the attempt
 * will need (each drawn question's answer key and the pass mark): a quiz started now and
 * one prepared ahead for an exam session are drawn the same way.
 */
public final class QuizDrawing {

	/**
	 * The drawn questions, their answer keys and the pass mark at the time of the draw.
	 */
	public record Drawing(List<QuizDraw.DrawnQuestion> drawn, Map<String, AnswerKey> keys, int passMark) {

		public Drawing {
			drawn = List.copyOf(drawn);
			keys = Map.copyOf(keys);
		}

	}

	private QuizDrawing() {
	}

	public static Drawing draw(Quiz quiz, QuizKind kind, RandomGenerator random) {
		Map<String, List<String>> bank = new LinkedHashMap<>();
		Set<String> alwaysShuffled = new HashSet<>();
		for (Question q : quiz.questions()) {
			if (q.pool() != kind) {
				continue;
			}
			bank.put(q.id(), displayIds(q));
			if (q instanceof Question.Matching || q instanceof Question.Ordering) {
				alwaysShuffled.add(q.id());
			}
		}
		Integer preTestCount = quiz.preTestDrawCount();
		int count = kind == QuizKind.PRE && preTestCount != null ? preTestCount : quiz.drawCount();
		List<QuizDraw.DrawnQuestion> drawn = QuizDraw.draw(bank, count, quiz.shuffleQuestions(), quiz.shuffleOptions(),
				alwaysShuffled, random);
		Map<String, AnswerKey> keys = new LinkedHashMap<>();
		for (QuizDraw.DrawnQuestion question : drawn) {
			quiz.question(question.questionId()).ifPresent((q) -> keys.put(q.id(), answerKey(q)));
		}
		return new Drawing(drawn, keys, quiz.passMark());
	}

	public static AnswerKey answerKey(Question q) {
		return switch (q) {
			case Question.SingleChoice single -> new AnswerKey.SingleChoice(
					single.options().stream().filter(Option::correct).findFirst().map(Option::id).orElse(""));
			case Question.MultipleChoice multiple -> new AnswerKey.MultipleChoice(
					multiple.options().stream().filter(Option::correct).map(Option::id).collect(Collectors.toSet()),
					multiple.options().stream().map(Option::id).collect(Collectors.toSet()));
			case Question.TrueFalse trueFalse -> new AnswerKey.TrueFalse(trueFalse.answer());
			case Question.Matching matching ->
				new AnswerKey.Matching(matching.pairs().stream().map(MatchPair::id).toList());
			case Question.Ordering ordering ->
				new AnswerKey.Ordering(ordering.items().stream().map(OrderItem::id).toList());
		};
	}

	private static List<String> displayIds(Question q) {
		return switch (q) {
			case Question.SingleChoice single -> single.options().stream().map(Option::id).toList();
			case Question.MultipleChoice multiple -> multiple.options().stream().map(Option::id).toList();
			case Question.TrueFalse trueFalse -> List.of("true", "false");
			case Question.Matching matching -> matching.pairs().stream().map(MatchPair::id).toList();
			case Question.Ordering ordering -> ordering.items().stream().map(OrderItem::id).toList();
		};
	}

}
