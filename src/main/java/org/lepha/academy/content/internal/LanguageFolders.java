package org.lepha.academy.content.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.lepha.academy.content.ContentProblem;
import org.lepha.academy.content.ContentProblem.Code;
import org.lepha.academy.content.ContentProblem.Severity;

/**
 * The folders under {@code translations/content}: each is named by a language tag
 * ({@code fa-AF}, not {@code fa_AF}), and one that is not served is said to be so,
 * instead of being skipped in silence.
 */
final class LanguageFolders {

	private LanguageFolders() {
	}

	static List<ContentProblem> check(Path root, String displayRoot, List<Locale> served) {
		List<ContentProblem> problems = new ArrayList<>();
		if (!Files.isDirectory(root)) {
			return problems;
		}
		try (Stream<Path> folders = Files.list(root)) {
			for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
				String name = folder.getFileName().toString();
				String path = displayRoot + "/content/" + name;
				Locale locale = Locale.forLanguageTag(name);
				if (name.startsWith(".")) {
					continue;
				}
				if (locale.getLanguage().isEmpty() || !locale.toLanguageTag().equalsIgnoreCase(name)) {
					problems.add(new ContentProblem(path, 1, Code.T006_BAD_LANGUAGE_FOLDER, Severity.ERROR, "'" + name
							+ "' is not a language tag, so its translations are never served; name the folder like 'fa-AF' or 'ru'"));
				}
				else if (served.stream().noneMatch((l) -> l.toLanguageTag().equalsIgnoreCase(name))) {
					problems.add(new ContentProblem(path, 1, Code.T006_BAD_LANGUAGE_FOLDER, Severity.WARNING,
							"translations in '" + name + "' are not served: the language is not in APP_LANGUAGES"));
				}
			}
		}
		catch (IOException ex) {
			problems.add(new ContentProblem(displayRoot + "/content", 1, Code.T006_BAD_LANGUAGE_FOLDER, Severity.ERROR,
					"cannot list the translation folders: " + ex.getMessage()));
		}
		return problems;
	}

}
