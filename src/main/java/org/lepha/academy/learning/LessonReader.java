package org.lepha.academy.learning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Lesson;
import org.lepha.academy.content.LessonSection;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.ResolvedText;
import org.lepha.academy.learning.internal.ProgressRepository;
import org.lepha.academy.security.UserAccountService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.lepha.academy.learning.internal.Completion;
import org.lepha.academy.learning.internal.LearningContent;

/**
 * The lesson reader: shows a section in the cadet's language and records it as viewed and
 * as the place to resume.
 */
@Service
public class LessonReader {

	private final ContentCatalog content;

	private final LearningContent lookup;

	private final ProgressRepository progress;

	private final Completion completion;

	public LessonReader(ContentCatalog content, LearningContent lookup, ProgressRepository progress,
			Completion completion) {
		this.content = content;
		this.lookup = lookup;
		this.progress = progress;
		this.completion = completion;
	}

	/**
	 * Size in bytes of an image of a lesson page (its address as the page gives it), so
	 * the data saver can say what showing it costs; empty for anything else.
	 */
	@PreAuthorize("hasRole('CADET')")
	public java.util.OptionalLong imageSize(String moduleId, String imageUrl) {
		String prefix = "/content-media/" + moduleId + "/";
		if (!imageUrl.startsWith(prefix)) {
			return java.util.OptionalLong.empty();
		}
		return content.mediaSize(moduleId, imageUrl.substring(prefix.length()));
	}

	/** Shows a lesson page and records it as viewed and as the place to resume. */
	@PreAuthorize("hasRole('CADET')")
	@Transactional
	public LessonPage openSection(String moduleId, String lessonId, String sectionId, Locale locale) {
		long user = UserAccountService.requireCurrentUserId();
		Module module = lookup.module(moduleId);
		Lesson lesson = module.lesson(lessonId).orElseThrow(() -> new LearningException("learning.error.notFound"));
		LessonSection section = lesson.sections()
			.stream()
			.filter((s) -> s.id().equals(sectionId))
			.findFirst()
			.orElseThrow(() -> new LearningException("learning.error.notFound"));
		progress.markViewed(user, moduleId, lessonId, sectionId);
		progress.savePosition(user, moduleId, lessonId, sectionId);
		ContentCatalog.RenderedSection rendered = content.section(moduleId, lessonId, sectionId, locale);
		Set<ProgressRepository.SectionRef> viewed = new HashSet<>(progress.viewedSections(user, moduleId));
		List<LessonPage.SectionRef> order = new ArrayList<>();
		List<LessonPage.TocEntry> toc = new ArrayList<>();
		for (Lesson l : module.lessons()) {
			for (LessonSection s : l.sections()) {
				order.add(new LessonPage.SectionRef(l.id(), s.id()));
				if (l.id().equals(lessonId)) {
					ResolvedText heading = content.resolve(moduleId, s.markdown(), locale);
					toc.add(new LessonPage.TocEntry(l.id(), s.id(), headingOf(heading.text(), s.heading()),
							viewed.contains(new ProgressRepository.SectionRef(l.id(), s.id())),
							s.id().equals(sectionId)));
				}
			}
		}
		int index = order.indexOf(new LessonPage.SectionRef(lessonId, sectionId));
		completion.check(user, module);
		return new LessonPage(moduleId, lessonId, sectionId, lookup.text(module, lesson.title(), locale).text(),
				rendered.html(), rendered.origin() == ResolvedText.Origin.ENGLISH_FALLBACK, rendered.stale(), toc,
				index > 0 ? order.get(index - 1) : null, index + 1 < order.size() ? order.get(index + 1) : null,
				content.citations(moduleId, lesson.sourceIds()));
	}

	/** The first section of a lesson, for links that name only the lesson. */
	@PreAuthorize("hasRole('CADET')")
	public String firstSection(String moduleId, String lessonId) {
		return lookup.module(moduleId)
			.lesson(lessonId)
			.flatMap((l) -> l.sections().stream().findFirst())
			.map(LessonSection::id)
			.orElseThrow(() -> new LearningException("learning.error.notFound"));
	}

	private static String headingOf(String markdown, String fallback) {
		String first = markdown.lines().findFirst().orElse("");
		return first.startsWith("## ") ? first.substring(3).strip() : fallback;
	}

}
