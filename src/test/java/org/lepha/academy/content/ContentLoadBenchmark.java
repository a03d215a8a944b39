package org.lepha.academy.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.lepha.academy.content.internal.ContentLoader;
import org.lepha.academy.content.internal.ContentSnapshot;
import org.lepha.academy.content.internal.SourceHash;
import org.lepha.academy.content.internal.TranslationEntry;
import org.lepha.academy.content.internal.XliffFiles;

/**
 * Benchmark (not a test): time to load and validate the shipped content with three
 * languages, and how that time grows with N copies of it (fully translated into ru and
 * fa-AF). Run with {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.lepha.academy.content.ContentLoadBenchmark}; figures in
 * docs/performance.md.
 */
public final class ContentLoadBenchmark {

	private static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"),
			Locale.forLanguageTag("fa-AF"));

	private ContentLoadBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		Path shipped = Path.of("content");
		Path template = Files.list(shipped).anyMatch(Files::isDirectory) ? shipped
				: Path.of("src/test/resources/content-valid/content");
		System.out.println("template: " + template);
		time("shipped content + translations", shipped, Path.of("translations"), 5);
		// While content/ is small the fixture module stands in: 25 copies of it have
		// about as many
		// segments as five full modules, so 25/50/125/250 copies are 1x/2x/5x/10x a real
		// course.
		int unit = template.equals(shipped) ? 1 : 25;
		for (int factor : new int[] { 1, 2, 5, 10 }) {
			int copies = factor * unit;
			Path root = Files.createTempDirectory("content-bench");
			int modules = generate(template, root, copies);
			time(factor + "x (" + modules + " modules, 3 languages)", root.resolve("content"),
					root.resolve("translations"), 5);
		}
	}

	private static void time(String label, Path content, Path translations, int runs) {
		for (int i = 0; i < 3; i++) {
			ContentLoader.load(content, translations, LOCALES);
		}
		List<Long> millis = new ArrayList<>();
		ContentSnapshot last = null;
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			last = ContentLoader.load(content, translations, LOCALES);
			millis.add((System.nanoTime() - start) / 1_000_000);
		}
		millis.sort(Long::compare);
		int segments = last.segments().values().stream().mapToInt(java.util.Map::size).sum();
		System.out.printf("%-40s median %5d ms  (min %d, max %d)  segments %d, errors %s%n", label,
				millis.get(runs / 2), millis.get(0), millis.get(runs - 1), segments, last.hasErrors());
	}

	/**
	 * N copies of every template module under new ids, each with complete translations.
	 */
	private static int generate(Path template, Path root, int copies) throws IOException {
		List<Path> modules;
		try (Stream<Path> dirs = Files.list(template)) {
			modules = dirs.filter(Files::isDirectory).sorted().toList();
		}
		int count = 0;
		for (int copy = 1; copy <= copies; copy++) {
			for (Path module : modules) {
				String id = module.getFileName() + "-copy" + copy;
				Path target = root.resolve("content").resolve(id);
				ContentFolders.copy(module, target);
				Path manifest = target.resolve("module.yaml");
				Files.writeString(manifest, Files.readString(manifest).replaceFirst("(?m)^id: .*$", "id: " + id));
				count++;
			}
		}
		ContentSnapshot snapshot = ContentLoader.load(root.resolve("content"), root.resolve("translations"), LOCALES);
		for (Locale locale : LOCALES.subList(1, 3)) {
			Path dir = root.resolve("translations/content").resolve(locale.toLanguageTag());
			Files.createDirectories(dir);
			for (String id : snapshot.served()) {
				List<TranslationEntry> entries = new ArrayList<>();
				snapshot.segments()
					.get(id)
					.forEach((key, english) -> entries.add(new TranslationEntry(key, english, english,
							TranslationEntry.State.DRAFT, SourceHash.of(english), 0)));
				Files.writeString(dir.resolve(id + ".xlf"), XliffFiles.write(id, locale, entries, List.of()));
			}
		}
		return count;
	}

}
