package org.lepha.academy.content.internal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.content.Citation;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Source;
import org.lepha.academy.content.ContentProblem;
import org.lepha.academy.content.Evaluation;
import org.lepha.academy.content.Coverage;
import org.lepha.academy.content.GlossaryTerm;
import org.lepha.academy.content.LessonSection;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.ResolvedText;
import org.lepha.academy.content.Text;
import org.lepha.academy.content.TranslationOverrides;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Loads the course at start-up and serves it from an immutable snapshot. A module with
 * errors is left out and logged; the server starts whatever the content holds. With
 * {@code app.content.watch=true} (development) edits to the folders are picked up,
 * validated the same way, and swapped in atomically.
 */
@Service
public class ContentService implements ContentCatalog {

	private static final Logger log = LoggerFactory.getLogger(ContentService.class);

	private final Path contentDir;

	private final Path translationsDir;

	private final List<Locale> locales;

	private final boolean serveDrafts;

	private final AtomicReference<ContentSnapshot> snapshot = new AtomicReference<>();

	/** Reloads done and their total time, read by {@link ContentMetrics}. */
	private final AtomicLong reloads = new AtomicLong();

	private final AtomicLong reloadNanos = new AtomicLong();

	private WatchService watcher;

	/** Translations edited in the application, served over the files'. */
	private final ObjectProvider<TranslationOverrides> overrides;

	/** Files only, without edits made in the application (tools and tests). */
	public ContentService(Path contentDir, Path translationsDir, Languages languages, boolean serveDrafts,
			boolean watch) {
		this(contentDir, translationsDir, languages, serveDrafts, watch, null);
	}

	@Autowired
	public ContentService(@Value("${app.content.dir:content}") Path contentDir,
			@Value("${app.translations.dir:translations}") Path translationsDir, Languages languages,
			@Value("${app.translations.serve-drafts:true}") boolean serveDrafts,
			@Value("${app.content.watch:false}") boolean watch, ObjectProvider<TranslationOverrides> overrides) {
		this.overrides = overrides;
		this.contentDir = contentDir;
		this.translationsDir = translationsDir;
		this.locales = languages.all();
		this.serveDrafts = serveDrafts;
		reload();
		if (watch) {
			startWatching();
		}
	}

	/** Loads everything again and swaps the snapshot in one step. */
	public final void reload() {
		long started = System.nanoTime();
		ContentSnapshot loaded = ContentLoader.load(contentDir, translationsDir, locales);
		snapshot.set(loaded);
		reloads.incrementAndGet();
		reloadNanos.addAndGet(System.nanoTime() - started);
		long errors = loaded.allProblems().stream().filter(ContentProblem::isError).count();
		log.info("Content loaded in {} ms: {} modules served of {}, {} errors, {} warnings",
				(System.nanoTime() - started) / 1_000_000, loaded.served().size(), loaded.modules().size(), errors,
				loaded.allProblems().size() - errors);
		loaded.allProblems().stream().filter(ContentProblem::isError).forEach((p) -> log.warn("{}", p));
	}

	ContentSnapshot snapshot() {
		return snapshot.get();
	}

	long reloadCount() {
		return reloads.get();
	}

	double reloadSeconds() {
		return reloadNanos.get() / 1e9;
	}

	/** The current snapshot, for the content feature's own services. */
	public ContentSnapshot currentSnapshot() {
		return snapshot.get();
	}

	@Override
	public List<Module> modules() {
		ContentSnapshot s = snapshot.get();
		return s.served().stream().map(s.modules()::get).toList();
	}

	@Override
	public Optional<Module> module(String moduleId) {
		ContentSnapshot s = snapshot.get();
		return s.served().contains(moduleId) ? Optional.of(s.modules().get(moduleId)) : Optional.empty();
	}

	@Override
	public Optional<Evaluation> evaluation() {
		return Optional.ofNullable(snapshot.get().course().evaluation());
	}

	@Override
	public ResolvedText resolve(String moduleId, Text text, Locale locale) {
		if (text != null && locale != null && !"en".equals(locale.getLanguage())) {
			TranslationOverrides edits = overrides == null ? null : overrides.getIfAvailable();
			Optional<TranslationOverrides.Edit> edit = edits == null ? Optional.empty()
					: edits.find(moduleId, locale, text.key());
			if (edit.isPresent() && !edit.get().target().isBlank() && (edit.get().approved() || serveDrafts)) {
				return ContentSnapshot.translated(text, edit.get().target(), edit.get().sourceHash(),
						edit.get().approved());
			}
		}
		return snapshot.get().resolve(moduleId, text, locale, serveDrafts);
	}

	@Override
	public RenderedSection section(String moduleId, String lessonId, String sectionId, Locale locale) {
		LessonSection section = module(moduleId).flatMap((m) -> m.lesson(lessonId))
			.flatMap((l) -> l.sections().stream().filter((s) -> s.id().equals(sectionId)).findFirst())
			.orElseThrow(
					() -> new IllegalArgumentException("No section " + moduleId + "/" + lessonId + "/" + sectionId));
		ResolvedText text = resolve(moduleId, section.markdown(), locale);
		return new RenderedSection(markdownHtml(moduleId, text), text.origin(), text.stale());
	}

	@Override
	public String markdownHtml(String moduleId, ResolvedText markdown) {
		return MarkdownRenderer.render(markdown.text(), "/content-media/" + moduleId + "/",
				"/learn/" + moduleId + "/lesson/");
	}

	@Override
	public List<Citation> citations(String moduleId, List<String> sourceIds) {
		ContentSnapshot s = snapshot.get();
		Module module = s.modules().get(moduleId);
		if (module == null) {
			return List.of();
		}
		List<Citation> citations = new ArrayList<>();
		for (String id : sourceIds) {
			module.sources().stream().filter((source) -> source.id().equals(id)).findFirst().ifPresent((source) -> {
				switch (source) {
					case Source.Passage passage -> s.course()
						.document(passage.file())
						.ifPresent((d) -> citations
							.add(new Citation(d.title(), d.publisher(), d.year(), passage.section(), null)));
					case Source.Reference reference -> citations.add(new Citation(reference.title(),
							reference.publisher(), reference.year(), reference.section(), reference.url()));
				}
			});
		}
		return citations;
	}

	@Override
	public List<GlossaryTerm> glossary(Locale locale) {
		return snapshot.get().glossary(locale);
	}

	@Override
	public boolean awaitsReview(String moduleId, Locale locale) {
		if (!serveDrafts || locale == null || "en".equals(locale.getLanguage())) {
			return false;
		}
		return coverage(moduleId, locale).draft() > 0;
	}

	@Override
	public Coverage coverage(String moduleId, Locale locale) {
		return snapshot.get().coverage(moduleId, locale);
	}

	@Override
	public List<ModuleStatus> status() {
		ContentSnapshot s = snapshot.get();
		List<ModuleStatus> statuses = new ArrayList<>();
		s.problems().forEach((id, problems) -> statuses.add(new ModuleStatus(id, s.served().contains(id), problems)));
		return statuses;
	}

	/**
	 * A media file of a served module that may be served (see {@link MediaFiles}: no
	 * link, nothing outside the module's real media folder, an allowed image by name and
	 * content, no scripted SVG), or empty.
	 */
	@Override
	public Optional<Path> mediaFile(String moduleId, String fileName) {
		if (module(moduleId).isEmpty()) {
			return Optional.empty();
		}
		return MediaFiles.resolve(contentDir.resolve(moduleId), fileName);
	}

	@Override
	public java.util.OptionalLong mediaSize(String moduleId, String fileName) {
		return mediaFile(moduleId, fileName).map((file) -> {
			try {
				return java.util.OptionalLong.of(Files.size(file));
			}
			catch (java.io.IOException ex) {
				return java.util.OptionalLong.empty();
			}
		}).orElse(java.util.OptionalLong.empty());
	}

	private void startWatching() {
		try {
			watcher = FileSystems.getDefault().newWatchService();
			for (Path root : List.of(contentDir, translationsDir)) {
				// New folders created later are registered on the next reload cycle.
				if (Files.isDirectory(root)) {
					try (Stream<Path> dirs = Files.walk(root)) {
						for (Path dir : dirs.filter(Files::isDirectory).toList()) {
							dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
									StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			log.warn("Cannot watch content folders: {}", ex.getMessage());
			return;
		}
		Thread.ofVirtual().name("content-watcher").start(() -> {
			try {
				while (true) {
					var key = watcher.take();
					// Debounce: editors write several events per save.
					Thread.sleep(300);
					key.pollEvents();
					key.reset();
					while ((key = watcher.poll()) != null) {
						key.pollEvents();
						key.reset();
					}
					reload();
					// Folders created since (a new module, a new language) are watched
					// too.
					registerFolders();
				}
			}
			catch (IOException ex) {
				log.warn("Stopped watching content folders: {}", ex.getMessage());
			}
			catch (InterruptedException | ClosedWatchServiceException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

	private void registerFolders() throws IOException {
		for (Path root : List.of(contentDir, translationsDir)) {
			if (Files.isDirectory(root)) {
				try (Stream<Path> dirs = Files.walk(root)) {
					for (Path dir : dirs.filter(Files::isDirectory).toList()) {
						dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
								StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
					}
				}
			}
		}
	}

	/** Stops watching the folders. */
	@PreDestroy
	public void close() throws IOException {
		if (watcher != null) {
			watcher.close();
		}
	}

}
