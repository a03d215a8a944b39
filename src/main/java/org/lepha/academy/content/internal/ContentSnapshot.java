package org.lepha.academy.content.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lepha.academy.content.ContentProblem;
import org.lepha.academy.content.Course;
import org.lepha.academy.content.GlossaryTerm;
import org.lepha.academy.content.Coverage;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.ResolvedText;
import org.lepha.academy.content.Text;
import org.lepha.academy.content.internal.TranslationEntry.State;

/**
 * Everything loaded from the content and translation folders at one moment, immutable.
 * The server swaps in a new snapshot when files change.
 *
 * @param course what {@code course.yaml} defines for every module
 * @param modules every module that could be read (served or not)
 * @param served ids of modules without errors, the only ones cadets see
 * @param problems every problem, by module id ("" for problems outside a module)
 * @param translations locale → module id → segment key → entry
 * @param segments module id → segment key → English
 * @param glossaries language → the shipped glossary's terms
 */
public record ContentSnapshot(Course course, Map<String, Module> modules, List<String> served,
		Map<String, List<ContentProblem>> problems,
		Map<Locale, Map<String, Map<String, TranslationEntry>>> translations, Map<String, Map<String, String>> segments,
		List<Locale> locales, Map<Locale, List<GlossaryTerm>> glossaries) {

	/** The shipped glossary of a language (empty without one). */
	public List<GlossaryTerm> glossary(Locale locale) {
		return glossaries.getOrDefault(locale, List.of());
	}

	public List<ContentProblem> allProblems() {
		return problems.values().stream().flatMap(List::stream).toList();
	}

	public boolean hasErrors() {
		return allProblems().stream().anyMatch(ContentProblem::isError);
	}

	public Optional<TranslationEntry> entry(Locale locale, String moduleId, String key) {
		return Optional
			.ofNullable(translations.getOrDefault(locale, Map.of()).getOrDefault(moduleId, Map.of()).get(key));
	}

	/**
	 * The text to show: an approved translation, else (when drafts are served) a draft,
	 * else the English. A translation whose English source changed since gives the
	 * current English, marked stale.
	 */
	public ResolvedText resolve(String moduleId, Text text, Locale locale, boolean serveDrafts) {
		if (text == null) {
			return null;
		}
		if (locale == null || "en".equals(locale.getLanguage())) {
			return new ResolvedText(text.english(), ResolvedText.Origin.ENGLISH_SOURCE, false);
		}
		Optional<TranslationEntry> entry = entry(locale, moduleId, text.key());
		if (entry.isPresent() && entry.get().hasTarget()) {
			TranslationEntry e = entry.get();
			ResolvedText translated = translated(text, e.target(), e.sourceHash(), e.state() == State.APPROVED);
			if (translated.stale() || e.state() == State.APPROVED || serveDrafts) {
				return translated;
			}
		}
		return new ResolvedText(text.english(), ResolvedText.Origin.ENGLISH_FALLBACK, false);
	}

	/**
	 * A translation as served, whether from a file or a workspace edit: a translation
	 * made from an English that has changed since may say something the course no longer
	 * teaches, so the cadet reads the current English, marked stale.
	 */
	static ResolvedText translated(Text text, String target, String sourceHash, boolean approved) {
		if (!SourceHash.of(text.english()).equals(sourceHash)) {
			return new ResolvedText(text.english(), ResolvedText.Origin.ENGLISH_FALLBACK, true);
		}
		return new ResolvedText(target, approved ? ResolvedText.Origin.APPROVED : ResolvedText.Origin.DRAFT, false);
	}

	public Coverage coverage(String moduleId, Locale locale) {
		Map<String, String> english = segments.getOrDefault(moduleId, Map.of());
		Map<String, TranslationEntry> entries = translations.getOrDefault(locale, Map.of())
			.getOrDefault(moduleId, Map.of());
		int draft = 0;
		int approved = 0;
		int stale = 0;
		int missing = 0;
		for (Map.Entry<String, String> segment : english.entrySet()) {
			TranslationEntry entry = entries.get(segment.getKey());
			if (entry == null || !entry.hasTarget()) {
				missing++;
			}
			else if (!SourceHash.of(segment.getValue()).equals(entry.sourceHash())) {
				stale++;
			}
			else if (entry.state() == State.APPROVED) {
				approved++;
			}
			else {
				draft++;
			}
		}
		return new Coverage(english.size(), draft, approved, stale, missing);
	}

}
