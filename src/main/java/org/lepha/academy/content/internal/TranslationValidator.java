package org.lepha.academy.content.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lepha.academy.content.ContentProblem.Code;

/**
 * Checks one translation file against its English module: every unit names an existing
 * segment, targets keep the source's markup and placeholders, and translations of English
 * that has since changed are reported as stale.
 */
public final class TranslationValidator {

	private TranslationValidator() {
	}

	/**
	 * @param english the module's segments, or null when the module does not exist
	 * @return the usable entries by key (entries with markup errors are left out, so the
	 * English is shown instead)
	 */
	public static Map<String, TranslationEntry> validate(Path file, String path, String moduleId, Locale locale,
			Map<String, String> english, ProblemSink problems) {
		XliffFiles.Contents contents;
		try {
			contents = XliffFiles.read(file);
		}
		catch (XliffFiles.InvalidXliffException ex) {
			problems.error(path, ex.line(), Code.T004_BAD_XLIFF, "not valid XLIFF 2.0: " + ex.getMessage());
			return Map.of();
		}
		catch (IOException ex) {
			problems.error(path, 1, Code.T004_BAD_XLIFF, "cannot read the file: " + ex.getMessage());
			return Map.of();
		}
		return validate(contents, path, moduleId, locale, english, problems);
	}

	public static Map<String, TranslationEntry> validate(XliffFiles.Contents contents, String path, String moduleId,
			Locale locale, Map<String, String> english, ProblemSink problems) {
		if (english == null) {
			ContentLoader.unknownModule(problems, path);
			return Map.of();
		}
		if (!moduleId.equals(contents.fileId())) {
			problems.error(path, 1, Code.T004_BAD_XLIFF,
					"<file id> is '" + contents.fileId() + "' but the file is for module '" + moduleId + "'");
		}
		if (contents.targetLanguage() != null && !contents.targetLanguage().equalsIgnoreCase(locale.toLanguageTag())) {
			problems.error(path, 1, Code.T004_BAD_XLIFF, "trgLang is '" + contents.targetLanguage()
					+ "' but the file is in the " + locale.toLanguageTag() + " folder");
		}
		Map<String, TranslationEntry> usable = new LinkedHashMap<>();
		for (TranslationEntry entry : contents.entries()) {
			String source = english.get(entry.key());
			if (source == null) {
				problems.error(path, entry.line(), Code.T001_UNKNOWN_SEGMENT,
						"unit '" + entry.key() + "' names no element of the module");
				continue;
			}
			if (!entry.hasTarget()) {
				usable.put(entry.key(), entry);
				continue;
			}
			var markup = MarkupCheck.markupDifferences(source, entry.target());
			var placeholders = MarkupCheck.placeholderDifferences(source, entry.target());
			markup.forEach((d) -> problems.error(path, entry.line(), Code.T003_MARKUP_MISMATCH,
					"unit '" + entry.key() + "': " + d));
			placeholders.forEach((d) -> problems.error(path, entry.line(), Code.T005_PLACEHOLDER_MISMATCH,
					"unit '" + entry.key() + "': " + d));
			// Markdown in translations, like in lessons, may not carry raw HTML.
			if (containsHtml(entry.target())) {
				problems.error(path, entry.line(), Code.C011_FORBIDDEN_HTML,
						"unit '" + entry.key() + "' contains HTML");
				continue;
			}
			if (!markup.isEmpty() || !placeholders.isEmpty()) {
				continue;
			}
			if (!SourceHash.of(source).equals(entry.sourceHash())) {
				problems.warning(path, entry.line(), Code.T002_STALE,
						"unit '" + entry.key() + "' was translated from an older English text (stale)");
			}
			usable.put(entry.key(), entry);
		}
		return usable;
	}

	/**
	 * Checks one translated text against its English source: markup, placeholders and raw
	 * HTML, the same checks the loader applies to translation files.
	 * @return the differences, empty when the translation is usable
	 */
	public static List<SegmentProblem> check(String source, String target) {
		List<SegmentProblem> problems = new ArrayList<>();
		MarkupCheck.placeholderDifferences(source, target)
			.forEach((d) -> problems.add(new SegmentProblem(Code.T005_PLACEHOLDER_MISMATCH, d)));
		MarkupCheck.markupDifferences(source, target)
			.forEach((d) -> problems.add(new SegmentProblem(Code.T003_MARKUP_MISMATCH, d)));
		if (containsHtml(target)) {
			problems.add(new SegmentProblem(Code.C011_FORBIDDEN_HTML, "contains HTML"));
		}
		return problems;
	}

	/** One reason a translated text cannot be used. */
	public record SegmentProblem(Code code, String detail) {
	}

	private static boolean containsHtml(String text) {
		return text.matches("(?s).*<\\s*[a-zA-Z/!][^>]*>.*");
	}

}
