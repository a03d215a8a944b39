package org.lepha.academy.content.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lepha.academy.content.ContentProblem.Code;
import org.lepha.academy.content.GlossaryTerm;

/**
 * The glossary applies to the interface too: where an English UI string
 * ({@code translations/ui/en.properties}) uses a term and the language's value lacks the
 * agreed rendering, a warning names the key and line.
 */
final class UiGlossaryCheck {

	private static final Pattern KEY_LINE = Pattern.compile("^\\s*([^#!\\s=:\\\\][^\\s=:\\\\]*)\\s*[=:]");

	private UiGlossaryCheck() {
	}

	static void check(Path translationsDir, String displayRoot, Locale locale, List<GlossaryTerm> glossary,
			ProblemSink problems) {
		Path english = translationsDir.resolve("ui").resolve("en.properties");
		Path translated = translationsDir.resolve("ui").resolve(locale.toLanguageTag() + ".properties");
		if (glossary.isEmpty() || !Files.isRegularFile(english) || !Files.isRegularFile(translated)) {
			return;
		}
		try {
			Properties source = load(english);
			String text = Files.readString(translated, StandardCharsets.UTF_8);
			Properties target = new Properties();
			target.load(new StringReader(text));
			Map<String, Integer> lines = keyLines(text);
			String path = displayRoot + "/ui/" + translated.getFileName();
			for (String key : source.stringPropertyNames()) {
				String value = target.getProperty(key);
				if (value == null) {
					continue;
				}
				for (GlossaryTerm term : GlossaryFiles.missing(glossary, source.getProperty(key), value)) {
					problems.warning(path, lines.getOrDefault(key, 1), Code.G001_GLOSSARY_TERM_MISSING,
							"'" + key + "': the English uses '" + term.english() + "'; the agreed term is '"
									+ term.target() + "'");
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			// The UI strings have their own checks (UiTranslationProvider, the
			// completeness test).
		}
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
		return properties;
	}

	private static Map<String, Integer> keyLines(String text) {
		Map<String, Integer> lines = new HashMap<>();
		String[] all = text.split("\n", -1);
		boolean continued = false;
		for (int i = 0; i < all.length; i++) {
			if (!continued) {
				Matcher m = KEY_LINE.matcher(all[i]);
				if (m.find()) {
					lines.putIfAbsent(m.group(1), i + 1);
				}
			}
			continued = all[i].endsWith("\\") && !all[i].endsWith("\\\\");
		}
		return lines;
	}

}
