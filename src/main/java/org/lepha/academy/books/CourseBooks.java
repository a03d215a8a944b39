package org.lepha.academy.books;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.books.internal.BookBuilder;
import org.lepha.academy.books.internal.BookCache;
import org.lepha.academy.books.internal.BookRenderer;
import org.lepha.academy.cohorts.Assignment;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Module;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Course books for download. Who may have which book is decided here, not in the view:
 * cadets the cadet's edition of their cohort's assigned modules, trainers both editions
 * of any module assigned to one of their cohorts, administrators every book. A book is
 * built from the current content on each request (cheap) to learn its version, and
 * rendered only when no file of that version is stored ({@link BookCache}).
 */
@Service
public class CourseBooks {

	private final ContentCatalog content;

	private final CohortService cohorts;

	private final BookBuilder builder;

	private final BookCache cache;

	private final Languages languages;

	private final Map<BookFormat, BookRenderer> renderers = new EnumMap<>(BookFormat.class);

	public CourseBooks(ContentCatalog content, CohortService cohorts, BookBuilder builder, BookCache cache,
			Languages languages, List<BookRenderer> renderers) {
		this.content = content;
		this.cohorts = cohorts;
		this.builder = builder;
		this.cache = cache;
		this.languages = languages;
		renderers.forEach((r) -> this.renderers.put(r.format(), r));
	}

	/** The formats that can be made: those with a renderer. */
	public Set<BookFormat> formats() {
		return this.renderers.isEmpty() ? Set.of() : EnumSet.copyOf(this.renderers.keySet());
	}

	/** The books the caller may download, module by module, titled in {@code locale}. */
	@PreAuthorize("hasAnyRole('CADET', 'TRAINER', 'ADMIN')")
	public List<AvailableBook> available(Locale locale) {
		Map<String, Set<BookEdition>> allowed = allowedEditions();
		List<AvailableBook> books = new ArrayList<>();
		for (Module module : this.content.modules()) {
			Set<BookEdition> editions = allowed.get(module.id());
			if (editions != null && !editions.isEmpty()) {
				books.add(new AvailableBook(module.id(),
						this.content.resolve(module.id(), module.title(), locale).text(), List.copyOf(editions)));
			}
		}
		return books;
	}

	/**
	 * One book as a file, from the cache when this version was made before.
	 * @throws AccessDeniedException when the caller may not have this book (also for
	 * modules that do not exist, so the answer does not tell which)
	 * @throws IllegalArgumentException for a language or format the server does not offer
	 */
	@PreAuthorize("hasAnyRole('CADET', 'TRAINER', 'ADMIN')")
	public BookFile book(String moduleId, Locale language, BookEdition edition, BookFormat format) {
		Set<BookEdition> editions = allowedEditions().get(moduleId);
		if (editions == null || !editions.contains(edition)) {
			throw new AccessDeniedException("No such book");
		}
		Module module = this.content.module(moduleId).orElseThrow(() -> new AccessDeniedException("No such book"));
		if (!this.languages.isSupported(language)) {
			throw new IllegalArgumentException("Unsupported language " + language.toLanguageTag());
		}
		BookRenderer renderer = this.renderers.get(format);
		if (renderer == null) {
			throw new IllegalArgumentException("No renderer for " + format);
		}
		Locale served = this.languages.bestMatch(language);
		CourseBook book = this.builder.build(module, served, edition);
		BookCache.Key key = new BookCache.Key(moduleId, book.moduleVersion(), served.toLanguageTag(), edition, format);
		byte[] bytes = this.cache.get(key, () -> renderer.render(book));
		return new BookFile(fileName(moduleId, served, edition, format), format.mediaType(), bytes);
	}

	static String fileName(String moduleId, Locale language, BookEdition edition, BookFormat format) {
		return moduleId + "-" + language.toLanguageTag() + (edition == BookEdition.TRAINER ? "-trainer" : "") + "."
				+ format.extension();
	}

	/** Module id → the editions the caller may have. */
	private Map<String, Set<BookEdition>> allowedEditions() {
		Map<String, Set<BookEdition>> allowed = new java.util.HashMap<>();
		if (hasRole("ADMIN")) {
			this.content.modules()
				.forEach((m) -> allowed.put(m.id(), EnumSet.of(BookEdition.CADET, BookEdition.TRAINER)));
			return allowed;
		}
		if (hasRole("TRAINER")) {
			for (CohortSummary cohort : this.cohorts.myCohorts()) {
				for (Assignment assignment : this.cohorts.assignments(cohort.id())) {
					allowed.put(assignment.moduleId(), EnumSet.of(BookEdition.CADET, BookEdition.TRAINER));
				}
			}
		}
		if (hasRole("CADET")) {
			for (Assignment assignment : this.cohorts.myAssignments()) {
				allowed.computeIfAbsent(assignment.moduleId(), (id) -> EnumSet.noneOf(BookEdition.class))
					.add(BookEdition.CADET);
			}
		}
		return allowed;
	}

	private static boolean hasRole(String role) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch((a) -> ("ROLE_" + role).equals(a.getAuthority()));
	}

	/** A module whose book the caller may download, and in which editions. */
	public record AvailableBook(String moduleId, String title, List<BookEdition> editions) {

		public AvailableBook {
			editions = List.copyOf(new LinkedHashSet<>(editions));
		}

	}

}
