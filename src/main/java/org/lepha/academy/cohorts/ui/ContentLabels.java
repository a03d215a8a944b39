package org.lepha.academy.cohorts.ui;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.Scenario;
import org.lepha.academy.content.Text;

import org.springframework.stereotype.Component;

/**
 * Titles and texts of content elements in the trainer's language, from the ids stored
 * with progress; an element removed from the content since shows its id.
 */
@Component
class ContentLabels {

	private static final int SHORT = 90;

	private final ContentCatalog content;

	ContentLabels(ContentCatalog content) {
		this.content = content;
	}

	String module(String moduleId, Locale locale) {
		return text(moduleId, (m) -> Optional.of(m.title()), locale).orElse(moduleId);
	}

	String question(String moduleId, String questionId, Locale locale) {
		return text(moduleId,
				(m) -> m.quiz()
					.questions()
					.stream()
					.filter((q) -> q.id().equals(questionId))
					.findFirst()
					.map((q) -> q.text()),
				locale)
			.map(ContentLabels::shorten)
			.orElse(questionId);
	}

	String scenario(String moduleId, String scenarioId, Locale locale) {
		return text(moduleId, (m) -> scenario(m, scenarioId).map(Scenario::title), locale).orElse(scenarioId);
	}

	String choice(String moduleId, String scenarioId, String choiceId, Locale locale) {
		return text(moduleId,
				(m) -> scenario(m, scenarioId).flatMap((s) -> s.nodes()
					.stream()
					.flatMap((n) -> n.choices().stream())
					.filter((c) -> c.id().equals(choiceId))
					.findFirst()
					.map((c) -> c.text())),
				locale)
			.map(ContentLabels::shorten)
			.orElse(choiceId);
	}

	String ending(String moduleId, String scenarioId, String endingId, Locale locale) {
		return text(moduleId, (m) -> scenario(m, scenarioId).flatMap(
				(s) -> s.endings().stream().filter((e) -> e.id().equals(endingId)).findFirst().map((e) -> e.title())),
				locale)
			.orElse(endingId);
	}

	private static Optional<Scenario> scenario(Module module, String scenarioId) {
		return module.scenarios().stream().filter((s) -> s.id().equals(scenarioId)).findFirst();
	}

	private Optional<String> text(String moduleId, Function<Module, Optional<Text>> find, Locale locale) {
		return content.module(moduleId).flatMap(find).map((t) -> content.resolve(moduleId, t, locale).text());
	}

	private static String shorten(String text) {
		String flat = text.strip().replaceAll("\\s+", " ");
		return flat.length() <= SHORT ? flat : flat.substring(0, SHORT - 1) + "…";
	}

}
