package org.lepha.academy.content.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.lepha.academy.content.ContentProblem;
import org.lepha.academy.content.ContentProblem.Code;
import org.lepha.academy.content.Course;
import org.lepha.academy.content.Evaluation;
import org.lepha.academy.content.GlossaryTerm;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.SourceDocument;

/**
 * Loads and validates a content folder and its translations, without Spring and without a
 * database, for the server and for the command-line validator alike.
 */
public final class ContentLoader {

	private ContentLoader() {
	}

	/**
	 * @param contentDir the folder of module folders
	 * @param translationsDir the folder holding {@code content/<locale>/<module>.xlf}
	 * @param locales the languages to load besides English
	 */
	public static ContentSnapshot load(Path contentDir, Path translationsDir, List<Locale> locales) {
		return load(contentDir, translationsDir, locales, null);
	}

	/**
	 * As {@link #load(Path, Path, List)}, and with the source documents at hand also
	 * checks that every passage's quote is found in its document (the validator's
	 * {@code --seeds}).
	 * @param seedsDir the folder of the course's source documents, or null
	 */
	public static ContentSnapshot load(Path contentDir, Path translationsDir, List<Locale> locales, Path seedsDir) {
		String contentName = display(contentDir);
		Map<String, Module> modules = new LinkedHashMap<>();
		Map<String, List<ContentProblem>> problems = new LinkedHashMap<>();
		Map<String, Map<String, String>> segments = new LinkedHashMap<>();
		ProblemSink courseSink = new ProblemSink();
		Course course = CourseLoader.load(contentDir, contentName, courseSink);
		if (!courseSink.problems().isEmpty()) {
			problems.put("", new ArrayList<>(courseSink.problems()));
		}
		if (course.evaluation() != null) {
			// The evaluation translates like a module, in course.xlf: same machinery,
			// same checks.
			segments.put(Evaluation.TRANSLATION_ID, Segments.of(course.evaluation()));
		}
		Set<String> documents = course.documents().stream().map(SourceDocument::file).collect(Collectors.toSet());
		Map<String, ProblemSink> sinks = new LinkedHashMap<>();
		Map<String, Locations> locations = new LinkedHashMap<>();
		for (Path dir : subfolders(contentDir)) {
			ProblemSink sink = new ProblemSink();
			String id = dir.getFileName().toString();
			if (Evaluation.TRANSLATION_ID.equals(id)) {
				// course.xlf translates course.yaml; a module of that name would share
				// it.
				problems.computeIfAbsent("", (k) -> new ArrayList<>())
					.add(new ContentProblem(contentName + "/" + id, 1, Code.C007_MODULE_FOLDER_MISMATCH,
							ContentProblem.Severity.ERROR,
							"'" + id + "' is reserved for the course's own translations; rename the module folder"));
				continue;
			}
			Locations at = new Locations(contentName + "/" + id + "/module.yaml");
			Module module = loadModule(dir, contentName, sink, documents, at);
			sinks.put(id, sink);
			locations.put(id, at);
			if (module != null) {
				modules.put(id, module);
				segments.put(id, Segments.of(module));
			}
		}
		QualityChecks.checkDuplicateQuestions(modules, locations, sinks);
		if (seedsDir != null) {
			QuoteCheck quotes = new QuoteCheck(seedsDir);
			modules.forEach((id, module) -> quotes.check(module, locations.get(id), sinks.get(id)));
		}
		sinks.forEach((id, sink) -> problems.put(id, new ArrayList<>(sink.problems())));
		// A module is served when its own files are sound. A broken translation drops
		// only
		// its segments (or file) back to English: translation problems are reported but
		// never take the English offline.
		List<String> served = modules.keySet()
			.stream()
			.filter((id) -> problems.getOrDefault(id, List.of()).stream().noneMatch(ContentProblem::isError))
			.toList();
		problems.computeIfAbsent("", (k) -> new ArrayList<>())
			.addAll(LanguageFolders.check(translationsDir.resolve("content"), display(translationsDir), locales));
		Map<Locale, Map<String, Map<String, TranslationEntry>>> translations = new LinkedHashMap<>();
		Map<Locale, List<GlossaryTerm>> glossaries = new LinkedHashMap<>();
		Path root = translationsDir.resolve("content");
		for (Locale locale : locales) {
			if ("en".equals(locale.getLanguage())) {
				continue;
			}
			Map<String, Map<String, TranslationEntry>> byModule = new LinkedHashMap<>();
			Path dir = root.resolve(locale.toLanguageTag());
			ProblemSink glossarySink = new ProblemSink();
			List<GlossaryTerm> glossary = GlossaryFiles.read(translationsDir, locale, display(translationsDir),
					glossarySink);
			glossaries.put(locale, glossary);
			UiGlossaryCheck.check(translationsDir, display(translationsDir), locale, glossary, glossarySink);
			problems.computeIfAbsent("", (k) -> new ArrayList<>()).addAll(glossarySink.problems());
			for (Path file : files(dir, ".xlf")) {
				String name = file.getFileName().toString();
				String moduleId = name.substring(0, name.length() - ".xlf".length());
				String path = display(translationsDir) + "/content/" + locale.toLanguageTag() + "/" + name;
				ProblemSink sink = new ProblemSink();
				Map<String, TranslationEntry> entries = validateTranslation(file, path, moduleId, locale,
						segments.get(moduleId), glossary, sink);
				problems.computeIfAbsent(modules.containsKey(moduleId) ? moduleId : "", (k) -> new ArrayList<>())
					.addAll(sink.problems());
				byModule.put(moduleId, entries);
			}
			translations.put(locale, byModule);
		}
		problems.values().removeIf(List::isEmpty);
		Map<String, List<ContentProblem>> frozen = new LinkedHashMap<>();
		problems.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
		return new ContentSnapshot(course, Map.copyOf(modules), served, frozen, translations, segments,
				List.copyOf(locales), glossaries);
	}

	/**
	 * One module, whatever its files hold: a failure the checks did not foresee becomes a
	 * problem of that module, and the other modules still load.
	 */
	private static Module loadModule(Path dir, String contentName, ProblemSink sink, Set<String> documents,
			Locations at) {
		try {
			return ModuleLoader.load(dir, contentName, sink, documents, at);
		}
		catch (RuntimeException | StackOverflowError ex) {
			sink.error(contentName + "/" + dir.getFileName() + "/module.yaml", 1, Code.C001_SYNTAX,
					"the module could not be read (" + ex.getClass().getSimpleName() + "); please report this file");
			return null;
		}
	}

	private static Map<String, TranslationEntry> validateTranslation(Path file, String path, String moduleId,
			Locale locale, Map<String, String> english, List<GlossaryTerm> glossary, ProblemSink sink) {
		try {
			return TranslationValidator.validate(file, path, moduleId, locale, english, glossary, sink);
		}
		catch (RuntimeException | StackOverflowError ex) {
			sink.error(path, 1, Code.T004_BAD_XLIFF,
					"the file could not be read (" + ex.getClass().getSimpleName() + "); please report this file");
			return Map.of();
		}
	}

	static String display(Path dir) {
		Path normalized = dir.normalize();
		Path cwd = Path.of("").toAbsolutePath();
		if (normalized.isAbsolute() && normalized.startsWith(cwd)) {
			normalized = cwd.relativize(normalized);
		}
		String text = normalized.toString().replace('\\', '/');
		return text.isEmpty() ? "." : text;
	}

	private static List<Path> subfolders(Path dir) {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> stream = Files.list(dir)) {
			return stream.filter(Files::isDirectory)
				.filter((p) -> !p.getFileName().toString().startsWith("."))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	/**
	 * The files in a folder with the given ending, sorted; none when the folder is
	 * missing.
	 */
	static List<Path> files(Path dir, String suffix) {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> stream = Files.list(dir)) {
			return stream.filter(
					(p) -> !p.getFileName().toString().startsWith(".") && p.getFileName().toString().endsWith(suffix))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	/** Unknown module files are reported but kept out of the served modules. */
	static void unknownModule(ProblemSink sink, String path) {
		sink.error(path, 1, Code.T001_UNKNOWN_SEGMENT, "translations for a module that does not exist");
	}

}
