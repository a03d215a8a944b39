package org.lepha.academy.content.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.lepha.academy.content.ContentProblem.Code;
import org.lepha.academy.content.GlossaryTerm;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the shipped glossary of one language ({@code translations/glossary/<tag>.yaml})
 * and checks translations against it: where the English of a segment uses a term, the
 * translation should use the agreed rendering (any of its forms).
 */
public final class GlossaryFiles {

	private GlossaryFiles() {
	}

	/** The terms of one language; none when the file is missing. */
	static List<GlossaryTerm> read(Path translationsDir, Locale locale, String displayRoot, ProblemSink problems) {
		Path file = translationsDir.resolve("glossary").resolve(locale.toLanguageTag() + ".yaml");
		String path = displayRoot + "/glossary/" + file.getFileName();
		List<GlossaryTerm> terms = new ArrayList<>();
		if (!Files.isRegularFile(file)) {
			return terms;
		}
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
		}
		catch (IOException ex) {
			problems.error(path, 1, Code.C001_SYNTAX, "cannot read the file as UTF-8 text");
			return terms;
		}
		Node root = YamlFields.compose(text, path, 0, problems);
		YamlFields glossary = root == null ? null
				: YamlFields.of(path, problems, root, "a glossary", Set.of("terms"), 0);
		if (glossary == null) {
			return terms;
		}
		for (Node node : glossary.list("terms", true, "the glossary")) {
			YamlFields t = glossary.child(node, "a term", Set.of("en", "target", "match", "note"));
			if (t == null) {
				continue;
			}
			String english = t.string("en", true, "a term");
			String target = t.string("target", true, "a term");
			if (english == null || target == null) {
				continue;
			}
			List<String> forms = t.has("match") ? t.strings("match", false, "a term") : List.of(target);
			terms.add(new GlossaryTerm(english.strip(), target.strip(), forms, t.string("note", false, "a term")));
		}
		return terms;
	}

	/**
	 * The terms whose English occurs in the source while no agreed form occurs in the
	 * target.
	 */
	public static List<GlossaryTerm> missing(List<GlossaryTerm> terms, String source, String target) {
		List<GlossaryTerm> missing = new ArrayList<>();
		String lowerTarget = target.toLowerCase(Locale.ROOT);
		for (GlossaryTerm term : terms) {
			if (englishPattern(term.english()).matcher(source).find()
					&& term.forms().stream().noneMatch((f) -> lowerTarget.contains(f.toLowerCase(Locale.ROOT)))) {
				missing.add(term);
			}
		}
		return missing;
	}

	/**
	 * The English term as a whole word (its start), with any ending: arrest, arrests,
	 * arrested.
	 */
	private static Pattern englishPattern(String english) {
		return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(english) + "[\\p{L}]{0,4}(?![\\p{L}\\p{N}])",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

}
