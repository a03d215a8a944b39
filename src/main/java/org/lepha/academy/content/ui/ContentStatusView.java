package org.lepha.academy.content.ui;

import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.content.ContentCatalog.ModuleStatus;
import org.lepha.academy.content.ContentProblem;
import org.lepha.academy.content.ContentStatusService;
import org.lepha.academy.content.Coverage;
import org.lepha.academy.security.Role;

/**
 * For administrators: every module folder, whether it is served, its translation coverage
 * per language, and each problem with file and line.
 */
@Route("admin/content")
@RolesAllowed(Role.Names.ADMIN)
public class ContentStatusView extends VerticalLayout implements HasDynamicTitle {

	ContentStatusView(ContentStatusService status, Languages languages, UiTranslationProvider strings) {
		setSizeFull();
		Grid<ModuleStatus> grid = new Grid<>();
		grid.setId("content-status-grid");
		grid.addColumn(ModuleStatus::moduleId).setHeader(getTranslation("contentStatus.module")).setAutoWidth(true);
		grid.addComponentColumn((m) -> {
			Span badge = new Span(getTranslation(m.served() ? "contentStatus.served" : "contentStatus.notServed"));
			badge.getElement().getThemeList().add(m.served() ? "badge success" : "badge error");
			return badge;
		}).setHeader(getTranslation("contentStatus.state"));
		for (Locale locale : languages.all()) {
			if (locale.equals(languages.fallback())) {
				continue;
			}
			grid.addColumn((m) -> {
				Coverage c = status.coverage(m.moduleId(), locale);
				return getTranslation("contentStatus.coverage", c.percentCurrent(), c.stale(), c.missing());
			}).setHeader(strings.languageName(locale));
		}
		grid.addColumn((m) -> m.problems().size()).setHeader(getTranslation("contentStatus.problems"));
		grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>((ModuleStatus m) -> {
			VerticalLayout details = new VerticalLayout();
			for (ContentProblem p : m.problems()) {
				Paragraph line = new Paragraph(p.toString());
				line.addClassName(p.isError() ? "problem-error" : "problem-warning");
				details.add(line);
			}
			return details;
		}));
		grid.setItems(status.status());
		Button reload = new Button(getTranslation("contentStatus.reload"), (e) -> {
			status.reload();
			grid.setItems(status.status());
		});
		add(new H1(getTranslation("contentStatus.title")), new Paragraph(getTranslation("contentStatus.explain")),
				reload, grid);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("contentStatus.title");
	}

}
