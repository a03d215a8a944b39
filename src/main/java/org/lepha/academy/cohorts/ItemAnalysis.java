package org.lepha.academy.cohorts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.lepha.academy.cohorts.internal.CohortAnalyticsRepository;
import org.lepha.academy.cohorts.internal.CohortAnalyticsRepository.AnswerRow;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.Option;
import org.lepha.academy.content.Question;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.content.QuestionType;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Classical item analysis of a module's question bank over a cohort. Each active cadet
 * counts once, with their first submitted post-test attempt (later attempts are shaped by
 * the feedback of the first). Per question: how many answered it, the share fully correct
 * (credit 1), the facility index (mean credit), the wrong option chosen most often
 * (single, multiple and true/false questions), and the discrimination index: the share
 * correct in the upper 27% of cadets by attempt score minus the share correct in the
 * lower 27%.
 */
@Service
public class ItemAnalysis {

	/** The share of cadets in each of the upper and lower groups. */
	public static final double GROUP_SHARE = 0.27;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * One question's figures; the nullable ones are null when no cadet (or no cadet of a
	 * group) answered it. {@code mostChosenWrongOption} is an option id, or
	 * {@code "true"}/{@code "false"} for a true/false question, with its text in
	 * {@code mostChosenWrongText} (null for true/false).
	 */
	public record QuestionStats(String questionId, QuestionType type, String text, int answers, Double percentCorrect,
			Double facility, String mostChosenWrongOption, String mostChosenWrongText, int mostChosenWrongCount,
			Double discrimination) {
	}

	/**
	 * The analysis of one module: how many cadets took part, the group size, per
	 * question.
	 */
	public record Result(String moduleId, int cadets, int groupSize, List<QuestionStats> questions) {
	}

	private final CohortService cohorts;

	private final CohortAnalyticsRepository analytics;

	private final ContentCatalog content;

	public ItemAnalysis(CohortService cohorts, CohortAnalyticsRepository analytics, ContentCatalog content) {
		this.cohorts = cohorts;
		this.analytics = analytics;
		this.content = content;
	}

	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public Result analyse(long cohortId, String moduleId, Locale locale) {
		cohorts.requireAccess(cohortId);
		Module module = content.module(moduleId).orElseThrow(() -> new AccessDeniedException("No such module"));
		List<AnswerRow> rows = analytics.firstPostAttemptAnswers(cohortId, moduleId);

		Map<Long, Integer> scores = new LinkedHashMap<>();
		rows.forEach((r) -> scores.putIfAbsent(r.userId(), r.attemptScore()));
		List<Long> ranked = scores.keySet()
			.stream()
			.sorted(Comparator.comparing((Long u) -> -scores.get(u)).thenComparing(Comparator.naturalOrder()))
			.toList();
		int n = ranked.size();
		int groupSize = n < 2 ? 0 : Math.max(1, (int) Math.round(n * GROUP_SHARE));
		Set<Long> upper = Set.copyOf(ranked.subList(0, groupSize));
		Set<Long> lower = Set.copyOf(ranked.subList(n - groupSize, n));

		Map<String, List<AnswerRow>> byQuestion = new HashMap<>();
		rows.stream()
			.filter((r) -> r.questionId() != null)
			.forEach((r) -> byQuestion.computeIfAbsent(r.questionId(), (k) -> new ArrayList<>()).add(r));
		List<QuestionStats> stats = new ArrayList<>();
		// The post-test draws from its own pool; pre-test questions never appear in it.
		for (Question question : module.quiz().questions()) {
			if (question.pool() != QuizKind.POST) {
				continue;
			}
			stats.add(stats(moduleId, question, byQuestion.getOrDefault(question.id(), List.of()), upper, lower,
					groupSize > 0, locale));
		}
		return new Result(moduleId, n, groupSize, stats);
	}

	private QuestionStats stats(String moduleId, Question question, List<AnswerRow> answers, Set<Long> upper,
			Set<Long> lower, boolean groups, Locale locale) {
		String text = content.resolve(moduleId, question.text(), locale).text();
		int count = answers.size();
		Double percentCorrect = count == 0 ? null
				: 100.0 * answers.stream().filter(ItemAnalysis::correct).count() / count;
		Double facility = count == 0 ? null : answers.stream().mapToDouble(ItemAnalysis::credit).sum() / count;
		Double discrimination = null;
		if (groups) {
			Double pUpper = shareCorrect(answers, upper);
			Double pLower = shareCorrect(answers, lower);
			discrimination = pUpper == null || pLower == null ? null : pUpper - pLower;
		}
		Map<String, Integer> wrong = new LinkedHashMap<>();
		List<Option> options = switch (question) {
			case Question.SingleChoice single -> single.options();
			case Question.MultipleChoice multiple -> multiple.options();
			case Question.TrueFalse trueFalse -> {
				wrong.put(String.valueOf(!trueFalse.answer()), 0);
				yield List.of();
			}
			// A wrong match or position is not one option a cadet chose; no "most chosen"
			// for these.
			case Question.Matching matching -> List.of();
			case Question.Ordering ordering -> List.of();
		};
		options.stream().filter((o) -> !o.correct()).forEach((o) -> wrong.put(o.id(), 0));
		for (AnswerRow answer : answers) {
			for (String chosen : chosen(answer.answer())) {
				wrong.computeIfPresent(chosen, (k, v) -> v + 1);
			}
		}
		Map.Entry<String, Integer> most = wrong.entrySet()
			.stream()
			.filter((e) -> e.getValue() > 0)
			.reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
			.orElse(null);
		String wrongText = most == null ? null
				: options.stream()
					.filter((o) -> o.id().equals(most.getKey()))
					.findFirst()
					.map((Option o) -> content.resolve(moduleId, o.text(), locale).text())
					.orElse(null);
		return new QuestionStats(question.id(), question.type(), text, count, percentCorrect, facility,
				most == null ? null : most.getKey(), wrongText, most == null ? 0 : most.getValue(), discrimination);
	}

	private static Double shareCorrect(List<AnswerRow> answers, Set<Long> group) {
		List<AnswerRow> inGroup = answers.stream().filter((a) -> group.contains(a.userId())).toList();
		return inGroup.isEmpty() ? null
				: (double) inGroup.stream().filter(ItemAnalysis::correct).count() / inGroup.size();
	}

	private static boolean correct(AnswerRow answer) {
		return answer.credit() != null && answer.credit().compareTo(BigDecimal.ONE) >= 0;
	}

	private static double credit(AnswerRow answer) {
		return answer.credit() == null ? 0 : answer.credit().doubleValue();
	}

	/** The options a stored answer chose: option ids, or "true"/"false". */
	static List<String> chosen(String answerJson) {
		if (answerJson == null) {
			return List.of();
		}
		JsonNode node = JSON.readTree(answerJson);
		JsonNode kind = node.get("kind");
		if (kind == null) {
			return List.of();
		}
		return switch (kind.asString()) {
			case "choices" -> {
				List<String> ids = new ArrayList<>();
				node.get("ids").forEach((id) -> ids.add(id.asString()));
				yield ids;
			}
			case "truefalse" -> List.of(String.valueOf(node.get("value").asBoolean()));
			default -> List.of();
		};
	}

}
