package org.lepha.academy.content;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.lepha.academy.content.internal.ContentLoader;
import org.lepha.academy.content.internal.ContentSnapshot;
import org.lepha.academy.content.internal.QualityChecks;
import org.lepha.academy.content.internal.SourceHash;
import org.lepha.academy.content.internal.TranslationEntry;
import org.lepha.academy.content.internal.XliffFiles;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The content validator, for authors and CI: checks a content folder and its translations
 * without starting the web server or a database.
 *
 * <pre>
 * ContentValidatorCommand [--json] [--seeds DIR] [--export-xliff LOCALE] CONTENT_DIR TRANSLATIONS_DIR
 * </pre>
 *
 * Prints every problem as {@code path:line: CODE message} and exits with 1 when there is
 * an error. {@code --json} prints a report with problems, translation coverage and the
 * question bank's figures. {@code --seeds DIR} also checks every cited quote against the
 * source documents in DIR. {@code --export-xliff LOCALE} writes (or refreshes) the
 * translation files of that language: every English segment with its hash, existing
 * translations kept.
 */
public final class ContentValidatorCommand {

	private ContentValidatorCommand() {
	}

	public static void main(String[] args) throws IOException {
		// The report alone goes to standard output, so that `--json` can be piped;
		// anything a
		// library prints there while loading goes to standard error with the logs.
		PrintStream report = System.out;
		System.setOut(System.err);
		System.exit(run(args, report, System.err));
	}

	static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
		boolean json = false;
		String exportLocale = null;
		String onlyModule = null;
		Path targetsFile = null;
		Path seeds = null;
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--json" -> json = true;
				case "--export-xliff" -> exportLocale = i + 1 < args.length ? args[++i] : null;
				case "--module" -> onlyModule = i + 1 < args.length ? args[++i] : null;
				case "--targets" -> targetsFile = i + 1 < args.length ? Path.of(args[++i]) : null;
				case "--seeds" -> seeds = i + 1 < args.length ? Path.of(args[++i]) : null;
				default -> paths.add(args[i]);
			}
		}
		if (paths.size() != 2 || (exportLocale == null && List.of(args).contains("--export-xliff"))
				|| (exportLocale == null && (onlyModule != null || targetsFile != null))
				|| (targetsFile != null && onlyModule == null)) {
			err.println(
					"usage: [--json] [--seeds DIR] [--export-xliff LOCALE [--module ID [--targets FILE.json]]] CONTENT_DIR TRANSLATIONS_DIR");
			return 2;
		}
		Path content = Path.of(paths.get(0));
		Path translations = Path.of(paths.get(1));
		List<Locale> locales = locales(translations, exportLocale);
		ContentSnapshot snapshot = ContentLoader.load(content, translations, locales, seeds);
		if (exportLocale != null) {
			Map<String, String> targets = Map.of();
			if (targetsFile != null) {
				targets = JsonMapper.builder()
					.build()
					.readValue(targetsFile.toFile(), new TypeReference<Map<String, String>>() {
					});
			}
			if (!export(snapshot, translations, Locale.forLanguageTag(exportLocale), onlyModule, targets, err)) {
				return 1;
			}
			snapshot = ContentLoader.load(content, translations, locales, seeds);
		}
		List<ContentProblem> problems = new ArrayList<>(snapshot.allProblems());
		problems.sort(Comparator.comparing(ContentProblem::path).thenComparingInt(ContentProblem::line));
		if (json) {
			out.println(report(snapshot, problems, locales));
		}
		else {
			problems.forEach((p) -> out.println(p));
			long errors = problems.stream().filter(ContentProblem::isError).count();
			out.println(snapshot.modules().size() + " modules, " + snapshot.served().size() + " valid; " + errors
					+ " errors, " + (problems.size() - errors) + " warnings");
		}
		return snapshot.hasErrors() ? 1 : 0;
	}

	/**
	 * Every language with a folder under translations/content, plus the one being
	 * exported.
	 */
	private static List<Locale> locales(Path translations, String exportLocale) throws IOException {
		Set<Locale> locales = new LinkedHashSet<>();
		locales.add(Locale.ENGLISH);
		Path root = translations.resolve("content");
		if (Files.isDirectory(root)) {
			try (Stream<Path> dirs = Files.list(root)) {
				dirs.filter(Files::isDirectory)
					.sorted()
					.forEach((d) -> locales.add(Locale.forLanguageTag(d.getFileName().toString())));
			}
		}
		if (exportLocale != null) {
			locales.add(Locale.forLanguageTag(exportLocale));
		}
		return List.copyOf(locales);
	}

	/**
	 * Writes the translation files of one language. With a module, only that module's
	 * file; with targets (segment key to translated text, e.g. from a spreadsheet or a
	 * translation memory), those texts become the segments' translations.
	 */
	private static boolean export(ContentSnapshot snapshot, Path translations, Locale locale, String onlyModule,
			Map<String, String> targets, PrintStream err) throws IOException {
		// The course's own file (the evaluation) is written beside the modules'.
		List<String> files = new ArrayList<>(snapshot.served());
		if (snapshot.segments().containsKey(Evaluation.TRANSLATION_ID)) {
			files.add(Evaluation.TRANSLATION_ID);
		}
		if (onlyModule != null && !files.contains(onlyModule)) {
			err.println("no valid module " + onlyModule);
			return false;
		}
		if (onlyModule != null) {
			Set<String> unknown = new java.util.TreeSet<>(targets.keySet());
			unknown.removeAll(snapshot.segments().get(onlyModule).keySet());
			if (!unknown.isEmpty()) {
				err.println("not segments of " + onlyModule + ": " + unknown);
				return false;
			}
		}
		Path dir = translations.resolve("content").resolve(locale.toLanguageTag());
		Files.createDirectories(dir);
		for (String moduleId : files) {
			if (onlyModule != null && !onlyModule.equals(moduleId)) {
				continue;
			}
			Map<String, String> english = snapshot.segments().get(moduleId);
			List<TranslationEntry> entries = new ArrayList<>();
			for (Map.Entry<String, String> segment : english.entrySet()) {
				String given = targets.get(segment.getKey());
				if (given != null && !given.isBlank()) {
					entries.add(new TranslationEntry(segment.getKey(), segment.getValue(), given,
							TranslationEntry.State.DRAFT, SourceHash.of(segment.getValue()), 0));
					continue;
				}
				TranslationEntry existing = snapshot.entry(locale, moduleId, segment.getKey()).orElse(null);
				if (existing != null && existing.hasTarget()) {
					// Keep the hash the translation was made from, so a changed English
					// stays stale.
					entries.add(new TranslationEntry(segment.getKey(), segment.getValue(), existing.target(),
							existing.state(), existing.sourceHash(), 0));
				}
				else {
					entries.add(new TranslationEntry(segment.getKey(), segment.getValue(), null,
							TranslationEntry.State.MISSING, SourceHash.of(segment.getValue()), 0));
				}
			}
			Path file = dir.resolve(moduleId + ".xlf");
			List<String> notes = List.of(XliffFiles.DRAFT_NOTE);
			Files.writeString(file, XliffFiles.write(moduleId, locale, entries, notes), StandardCharsets.UTF_8);
			err.println("wrote " + file);
		}
		return true;
	}

	private static String report(ContentSnapshot snapshot, List<ContentProblem> problems, List<Locale> locales) {
		JsonMapper mapper = JsonMapper.builder().build();
		ObjectNode root = mapper.createObjectNode();
		root.put("valid", !snapshot.hasErrors());
		ArrayNode list = root.putArray("problems");
		for (ContentProblem p : problems) {
			ObjectNode node = list.addObject();
			node.put("path", p.path());
			node.put("line", p.line());
			node.put("code", p.code().shortCode());
			node.put("severity", p.severity().name());
			node.put("message", p.message());
		}
		ObjectNode modules = root.putObject("modules");
		for (String id : snapshot.modules().keySet().stream().sorted().toList()) {
			ObjectNode module = modules.putObject(id);
			module.put("served", snapshot.served().contains(id));
			module.put("segments", snapshot.segments().get(id).size());
			QualityChecks.BankMetrics bank = QualityChecks.metrics(snapshot.modules().get(id));
			ObjectNode quiz = module.putObject("bank");
			quiz.put("questions", bank.questions());
			quiz.put("situationalShare", bank.situationalShare());
			quiz.put("recallShare", bank.recallShare());
			quiz.put("longestCorrectShare", bank.longestCorrectShare());
			quiz.put("objectives", bank.objectives());
			bank.uncoveredObjectives().forEach(quiz.putArray("objectivesNotCovered")::add);
			ObjectNode coverage = module.putObject("coverage");
			for (Locale locale : locales) {
				if ("en".equals(locale.getLanguage())) {
					continue;
				}
				Coverage c = snapshot.coverage(id, locale);
				ObjectNode node = coverage.putObject(locale.toLanguageTag());
				node.put("total", c.total());
				node.put("translated", c.translated());
				node.put("draft", c.draft());
				node.put("approved", c.approved());
				node.put("stale", c.stale());
				node.put("missing", c.missing());
				node.put("percentCurrent", c.percentCurrent());
			}
		}
		return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
	}

}
