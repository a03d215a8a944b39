package org.lepha.academy.learning.internal;

import org.lepha.academy.learning.GivenAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores answers and drawn question sets as small JSON documents, keyed by content ids.
 */
public final class AnswerCodec {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AnswerCodec() {
	}

	public static String encode(GivenAnswer answer) {
		ObjectNode node = JSON.createObjectNode();
		switch (answer) {
			case GivenAnswer.Choices choices -> {
				node.put("kind", "choices");
				ArrayNode ids = node.putArray("ids");
				choices.optionIds().stream().sorted().forEach(ids::add);
			}
			case GivenAnswer.TrueFalse value -> {
				node.put("kind", "truefalse");
				node.put("value", value.value());
			}
			case GivenAnswer.Matches matches -> {
				node.put("kind", "matches");
				ObjectNode map = node.putObject("pairs");
				matches.rightChosenForLeft()
					.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByKey())
					.forEach((e) -> map.put(e.getKey(), e.getValue()));
			}
			case GivenAnswer.Order order -> {
				node.put("kind", "order");
				ArrayNode ids = node.putArray("ids");
				order.itemIds().forEach(ids::add);
			}
		}
		return JSON.writeValueAsString(node);
	}

	public static GivenAnswer decode(String json) {
		JsonNode node = JSON.readTree(json);
		return switch (node.get("kind").asString()) {
			case "choices" -> new GivenAnswer.Choices(new LinkedHashSet<>(strings(node.get("ids"))));
			case "truefalse" -> new GivenAnswer.TrueFalse(node.get("value").asBoolean());
			case "matches" -> {
				Map<String, String> pairs = new LinkedHashMap<>();
				node.get("pairs").properties().forEach((e) -> pairs.put(e.getKey(), e.getValue().asString()));
				yield new GivenAnswer.Matches(pairs);
			}
			case "order" -> new GivenAnswer.Order(strings(node.get("ids")));
			default -> throw new IllegalArgumentException("Unknown answer kind in " + json);
		};
	}

	public static String encodeDraw(List<QuizDraw.DrawnQuestion> drawn) {
		ArrayNode array = JSON.createArrayNode();
		for (QuizDraw.DrawnQuestion question : drawn) {
			ObjectNode node = array.addObject();
			node.put("q", question.questionId());
			ArrayNode order = node.putArray("order");
			question.displayOrder().forEach(order::add);
		}
		return JSON.writeValueAsString(array);
	}

	public static List<QuizDraw.DrawnQuestion> decodeDraw(String json) {
		List<QuizDraw.DrawnQuestion> drawn = new ArrayList<>();
		for (JsonNode node : JSON.readTree(json)) {
			drawn.add(new QuizDraw.DrawnQuestion(node.get("q").asString(), strings(node.get("order"))));
		}
		return drawn;
	}

	/**
	 * The answer keys of an attempt's drawn questions, as {@code {"question id": {"kind":
	 * ..., ...}}}.
	 */
	public static String encodeKeys(Map<String, AnswerKey> keys) {
		ObjectNode root = JSON.createObjectNode();
		keys.forEach((question, key) -> {
			ObjectNode node = root.putObject(question);
			switch (key) {
				case AnswerKey.SingleChoice single -> {
					node.put("kind", "single");
					node.put("correct", single.correctOptionId());
				}
				case AnswerKey.MultipleChoice multiple -> {
					node.put("kind", "multiple");
					ArrayNode correct = node.putArray("correct");
					multiple.correctOptionIds().stream().sorted().forEach(correct::add);
					ArrayNode all = node.putArray("all");
					multiple.allOptionIds().stream().sorted().forEach(all::add);
				}
				case AnswerKey.TrueFalse trueFalse -> {
					node.put("kind", "truefalse");
					node.put("answer", trueFalse.answer());
				}
				case AnswerKey.Matching matching -> {
					node.put("kind", "matching");
					ArrayNode pairs = node.putArray("pairs");
					matching.pairIds().forEach(pairs::add);
				}
				case AnswerKey.Ordering ordering -> {
					node.put("kind", "ordering");
					ArrayNode items = node.putArray("items");
					ordering.itemIdsInOrder().forEach(items::add);
				}
			}
		});
		return JSON.writeValueAsString(root);
	}

	public static Map<String, AnswerKey> decodeKeys(String json) {
		Map<String, AnswerKey> keys = new LinkedHashMap<>();
		JSON.readTree(json).properties().forEach((e) -> {
			JsonNode node = e.getValue();
			AnswerKey key = switch (node.get("kind").asString()) {
				case "single" -> new AnswerKey.SingleChoice(node.get("correct").asString());
				case "multiple" -> new AnswerKey.MultipleChoice(new LinkedHashSet<>(strings(node.get("correct"))),
						new LinkedHashSet<>(strings(node.get("all"))));
				case "truefalse" -> new AnswerKey.TrueFalse(node.get("answer").asBoolean());
				case "matching" -> new AnswerKey.Matching(strings(node.get("pairs")));
				case "ordering" -> new AnswerKey.Ordering(strings(node.get("items")));
				default -> throw new IllegalArgumentException("Unknown answer key kind in " + json);
			};
			keys.put(e.getKey(), key);
		});
		return keys;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((n) -> values.add(n.asString()));
		return values;
	}

}
