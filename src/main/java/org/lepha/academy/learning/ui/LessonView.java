package org.lepha.academy.learning.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.ui.CurrentUserSettings;
import org.lepha.academy.content.Citation;
import org.lepha.academy.learning.LessonReader;
import org.lepha.academy.learning.LessonPage;
import org.lepha.academy.security.Role;

/**
 * The lesson reader: one section per page, a table of contents, previous and next.
 * Opening a page records it as viewed and as the place to resume, on any device.
 */
@Route("learn/:moduleId/lesson/:lessonId/:sectionId")
@RouteAlias("learn/:moduleId/lesson/:lessonId")
@RolesAllowed(Role.Names.CADET)
class LessonView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	private final LessonReader reader;

	private final CurrentUserSettings currentUser;

	private String title = "";

	LessonView(LessonReader reader, CurrentUserSettings currentUser) {
		this.reader = reader;
		this.currentUser = currentUser;
		addClassName("lesson-view");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		RouteParameters parameters = event.getRouteParameters();
		String moduleId = parameters.get("moduleId").orElse("");
		String lessonId = parameters.get("lessonId").orElse("");
		String sectionId = parameters.get("sectionId").orElseGet(() -> reader.firstSection(moduleId, lessonId));
		LessonPage page = reader.openSection(moduleId, lessonId, sectionId, getLocale());
		title = page.lessonTitle();
		removeAll();
		Nav toc = new Nav();
		toc.addClassName("lesson-toc");
		toc.setAriaLabel(getTranslation("lesson.contents"));
		for (LessonPage.TocEntry entry : page.toc()) {
			RouterLink link = new RouterLink(entry.title() + (entry.viewed() ? " ✓" : ""), LessonView.class,
					new RouteParameters(Map.of("moduleId", moduleId, "lessonId", entry.lessonId(), "sectionId",
							entry.sectionId())));
			if (entry.current()) {
				link.getElement().setAttribute("aria-current", "page");
			}
			toc.add(new Div(link));
		}
		String html = withCalloutLabels(page.html());
		boolean dataSaver = currentUser.dataSaver();
		if (dataSaver) {
			html = ImagesOnRequest.placeholders(html,
					(alt, kb) -> getTranslation("datasaver.showImage", alt, getTranslation("datasaver.kilobytes", kb)),
					(src) -> reader.imageSize(moduleId, src));
		}
		Div text = new Div(new Html("<div>" + html + "</div>"));
		text.addClassName("lesson-text");
		text.setId("lesson-text");
		if (dataSaver) {
			text.getElement().executeJs(ImagesOnRequest.CLICK_SCRIPT);
		}
		if (page.englishFallback() || page.stale()) {
			Span marker = new Span(getTranslation(page.stale() ? "learning.stale" : "learning.englishFallback"));
			marker.addClassName("fallback-marker");
			add(marker);
		}
		Button previous = new Button(getTranslation("lesson.previous"), (e) -> go(moduleId, page.previous()));
		previous.setEnabled(page.previous() != null);
		previous.setId("lesson-previous");
		Button next = new Button(getTranslation(page.next() != null ? "lesson.next" : "lesson.backToModule"),
				(e) -> go(moduleId, page.next()));
		next.setId("lesson-next");
		add(new H1(page.lessonTitle()), toc, text, new HorizontalLayout(previous, next));
		if (!page.sources().isEmpty()) {
			add(sources(page.sources()));
		}
	}

	/**
	 * The lesson's sources as citations (title, publisher, year, section), folded away.
	 */
	private Details sources(List<Citation> citations) {
		UnorderedList list = new UnorderedList();
		for (Citation c : citations) {
			StringBuilder text = new StringBuilder(c.title()).append(". ").append(c.publisher());
			if (c.year() != null) {
				text.append(", ").append(c.year());
			}
			text.append('.');
			ListItem item = new ListItem(text.toString());
			if (c.section() != null) {
				item.add(new Span(" " + getTranslation("lesson.sourceSection", c.section())));
			}
			if (c.url() != null) {
				Anchor link = new Anchor(c.url(), getTranslation("lesson.sourceLink"));
				link.setTarget("_blank");
				link.getElement().setAttribute("rel", "noopener noreferrer");
				item.add(new Span(" "), link);
			}
			// Titles are in the language of publication, whatever the reader's direction.
			item.getElement().setAttribute("dir", "auto");
			list.add(item);
		}
		Details details = new Details(getTranslation("lesson.sources"), list);
		details.setId("lesson-sources");
		details.addClassName("lesson-sources");
		return details;
	}

	/**
	 * Gives each callout a visible label in the cadet's language ("Key fact", "From the
	 * field").
	 */
	private String withCalloutLabels(String html) {
		java.util.regex.Matcher m = CALLOUT.matcher(html);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String label = org.springframework.web.util.HtmlUtils.htmlEscape(getTranslation("callout." + m.group(2)));
			m.appendReplacement(out, java.util.regex.Matcher
				.quoteReplacement(m.group(1) + "<strong class=\"callout-label\">" + label + "</strong>"));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static final java.util.regex.Pattern CALLOUT = java.util.regex.Pattern
		.compile("(<aside [^>]*data-callout=\"(keyfact|warning|field)\"[^>]*>)");

	private void go(String moduleId, LessonPage.SectionRef target) {
		getUI().ifPresent((ui) -> {
			if (target == null) {
				ui.navigate(ModuleView.class, new RouteParameters("moduleId", moduleId));
			}
			else {
				ui.navigate(LessonView.class, new RouteParameters(
						Map.of("moduleId", moduleId, "lessonId", target.lessonId(), "sectionId", target.sectionId())));
			}
		});
	}

	@Override
	public String getPageTitle() {
		return title;
	}

}
