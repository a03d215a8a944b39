package org.lepha.academy.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The read-only course catalogue the rest of the application uses. Only modules without
 * errors are served; their text is resolved per language (approved translation, then
 * draft when drafts are served, then English) and the caller learns which it got.
 */
public interface ContentCatalog {

	/** Modules cadets can take, in a stable order. */
	List<Module> modules();

	Optional<Module> module(String moduleId);

	/**
	 * The course evaluation asked after each module, when the course defines one without
	 * errors; its texts resolve with {@link Evaluation#TRANSLATION_ID} as module id.
	 */
	Optional<Evaluation> evaluation();

	/** Text of one element for a language. */
	ResolvedText resolve(String moduleId, Text text, Locale locale);

	/**
	 * One lesson section as sanitized HTML for a language, with the origin of its text.
	 */
	RenderedSection section(String moduleId, String lessonId, String sectionId, Locale locale);

	/**
	 * Scenario node text, ending debriefs and other Markdown snippets as sanitized HTML.
	 */
	String markdownHtml(String moduleId, ResolvedText markdown);

	/**
	 * The sources with these ids, as readable citations, in the given order; unknown ids
	 * are left out.
	 */
	List<Citation> citations(String moduleId, List<String> sourceIds);

	/**
	 * Whether cadets reading this module in this language see translations that a
	 * qualified translator has not yet approved (drafts are served).
	 */
	boolean awaitsReview(String moduleId, Locale locale);

	/** The shipped glossary of a language ({@code translations/glossary/<tag>.yaml}). */
	List<GlossaryTerm> glossary(Locale locale);

	/** Translation coverage of a module for a language. */
	Coverage coverage(String moduleId, Locale locale);

	/**
	 * A media file of a served module that may be served (a plain image inside the
	 * module's {@code media/} folder, no scripted SVG), or empty; for features that carry
	 * the images elsewhere, such as course books.
	 */
	Optional<Path> mediaFile(String moduleId, String fileName);

	/**
	 * Size in bytes of a served module's media file, for "Show image (12 KB)" when the
	 * data saver holds images back; empty when there is no such file.
	 */
	java.util.OptionalLong mediaSize(String moduleId, String fileName);

	/** The status of every module folder, served or not, with its problems. */
	List<ModuleStatus> status();

	/** A lesson section rendered for display. */
	record RenderedSection(String html, ResolvedText.Origin origin, boolean stale) {
	}

	/** One module folder's state for the admin view. */
	record ModuleStatus(String moduleId, boolean served, List<ContentProblem> problems) {
	}

}
