package org.lepha.academy.content.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lepha.academy.content.ContentProblem.Code;
import org.lepha.academy.content.GlossaryTerm;

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
			Map<String, String> english, List<GlossaryTerm> glossary, ProblemSink problems) {
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
		return validate(contents, path, moduleId, locale, english, glossary, problems);
	}

	public static Map<String, TranslationEntry> validate(XliffFiles.Contents contents, String path, String moduleId,
			Locale locale, Map<String, String> english, List<GlossaryTerm> glossary, ProblemSink problems) {
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
			List<SegmentProblem> found = check(source, entry.target());
			found.forEach(
					(f) -> problems.error(path, entry.line(), f.code(), "unit '" + entry.key() + "': " + f.detail()));
			if (!found.isEmpty()) {
				continue;
			}
			scriptWarning(entry.target(), locale).ifPresent((w) -> problems.warning(path, entry.line(),
					Code.T007_WRONG_SCRIPT, "unit '" + entry.key() + "': " + w));
			for (GlossaryTerm term : GlossaryFiles.missing(glossary, source, entry.target())) {
				problems.warning(path, entry.line(), Code.G001_GLOSSARY_TERM_MISSING, "unit '" + entry.key()
						+ "': the English uses '" + term.english() + "'; the agreed term is '" + term.target() + "'");
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
	 * Checks one translated text against its English source with the rules the English
	 * follows (parsed as Markdown, never matched with slow patterns): the same structure
	 * (callouts, link and image targets, headings, lists, tables), the same placeholders,
	 * no raw HTML, no unsafe link, no deep nesting, not too long. The translator
	 * workspace runs the same check on save.
	 * @return the reasons the translation cannot be used, empty when it can
	 */
	public static List<SegmentProblem> check(String source, String target) {
		List<SegmentProblem> problems = new ArrayList<>();
		if (target.length() > MarkdownChecks.MAX_LENGTH) {
			problems.add(new SegmentProblem(Code.C027_TOO_LONG,
					"the translation has " + target.length() + " characters; at most " + MarkdownChecks.MAX_LENGTH));
			return problems;
		}
		MarkupCheck.placeholderDifferences(source, target)
			.forEach((d) -> problems.add(new SegmentProblem(Code.T005_PLACEHOLDER_MISMATCH, d)));
		// Images and lessons were checked on the English; the structure must name the
		// same.
		MarkdownChecks.Rules rules = new MarkdownChecks.Rules((image) -> true, (lesson) -> true,
				source.startsWith("## "));
		MarkdownChecks.Result english = MarkdownChecks.analyse(source, rules);
		MarkdownChecks.Result translated = MarkdownChecks.analyse(target, rules);
		translated.findings().forEach((f) -> problems.add(new SegmentProblem(f.code(), f.message())));
		translated.structure()
			.differencesFrom(english.structure())
			.forEach((d) -> problems.add(new SegmentProblem(Code.T003_MARKUP_MISMATCH, d)));
		return problems;
	}

	/**
	 * A warning when most letters of a translation are not in its language's script (a
	 * Dari file holding Russian or English text), or empty. Short texts (names, acronyms)
	 * are not judged.
	 */
	static java.util.Optional<String> scriptWarning(String text, Locale locale) {
		int[] expected = com.ibm.icu.lang.UScript.getCode(com.ibm.icu.util.ULocale.forLocale(locale));
		if (expected == null || expected.length == 0) {
			return java.util.Optional.empty();
		}
		java.util.Set<Integer> scripts = new java.util.HashSet<>();
		for (int script : expected) {
			scripts.add(script);
		}
		int letters = 0;
		int inScript = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			if (Character.isLetter(cp)) {
				letters++;
				if (scripts.contains(com.ibm.icu.lang.UScript.getScript(cp))) {
					inScript++;
				}
			}
		}
		if (letters < 20 || inScript * 2 >= letters) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of("only " + (100 * inScript / letters) + " % of its letters are in the "
				+ com.ibm.icu.lang.UScript.getName(expected[0]) + " script of " + locale.toLanguageTag());
	}

	/** One reason a translated text cannot be used. */
	public record SegmentProblem(Code code, String detail) {
	}

}
