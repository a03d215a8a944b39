package org.lepha.academy.translation.ui;

import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.content.Coverage;
import org.lepha.academy.security.Role;
import org.lepha.academy.translation.SegmentStatus;
import org.lepha.academy.translation.ModuleCoverage;
import org.lepha.academy.translation.TranslationWorkspace;
import org.lepha.academy.translation.UiStringsCoverage;
import org.lepha.academy.translation.UiStringsWorkspace;

/**
 * The translator's home: coverage of every module and of the UI strings in each of their
 * languages, with links to the editors.
 */
@Route("translate")
@RolesAllowed({ Role.Names.TRANSLATOR, Role.Names.ADMIN })
public class TranslatorHomeView extends VerticalLayout implements HasDynamicTitle {

	TranslatorHomeView(TranslationWorkspace workspace, UiStringsWorkspace uiStrings, UiTranslationProvider strings) {
		setSizeFull();
		add(new H1(getTranslation("translatorHome.title")));
		List<ModuleCoverage> coverage = workspace.coverage();
		if (coverage.isEmpty()) {
			add(new Paragraph(getTranslation("translatorHome.noLanguages")));
			return;
		}
		Grid<ModuleCoverage> grid = new Grid<>();
		grid.setId("translation-coverage");
		grid.addColumn(ModuleCoverage::title).setHeader(getTranslation("translatorHome.module")).setAutoWidth(true);
		grid.addColumn((c) -> strings.languageName(c.locale())).setHeader(getTranslation("translatorHome.language"));
		grid.addColumn((c) -> {
			Coverage k = c.coverage();
			return getTranslation("translatorHome.coverage", k.percentCurrent(), k.approved(), k.draft(), k.stale(),
					k.missing());
		}).setHeader(getTranslation("translate.status")).setAutoWidth(true);
		grid.addComponentColumn((c) -> {
			com.vaadin.flow.component.progressbar.ProgressBar bar = new com.vaadin.flow.component.progressbar.ProgressBar(
					0, 100, c.coverage().percentCurrent());
			bar.getElement()
				.setAttribute("aria-label",
						getTranslation("translatorHome.coverageBar", c.coverage().percentCurrent()));
			return bar;
		}).setHeader(getTranslation("translatorHome.coverageBar.header"));
		grid.addComponentColumn((c) -> {
			RouteParameters where = new RouteParameters(
					java.util.Map.of("moduleId", c.moduleId(), "locale", c.locale().toLanguageTag()));
			RouterLink open = new RouterLink(getTranslation("translatorHome.open"), TranslationEditorView.class, where);
			com.vaadin.flow.component.html.Div links = new com.vaadin.flow.component.html.Div(open);
			Coverage k = c.coverage();
			if (k.missing() + k.stale() > 0) {
				RouterLink left = new RouterLink(getTranslation("translatorHome.whatIsLeft"),
						TranslationEditorView.class, where);
				left.setQueryParameters(com.vaadin.flow.router.QueryParameters.of("status",
						(k.missing() > 0 ? SegmentStatus.MISSING : SegmentStatus.STALE).name()));
				left.addClassName("what-is-left");
				left.getStyle().set("margin-inline-start", "var(--lumo-space-m)");
				links.add(left);
			}
			return links;
		});
		grid.setItems(coverage);
		add(grid);
		add(uiStringsCoverage(uiStrings.coverage(), strings));
	}

	private Grid<UiStringsCoverage> uiStringsCoverage(List<UiStringsCoverage> coverage, UiTranslationProvider strings) {
		Grid<UiStringsCoverage> grid = new Grid<>();
		grid.setId("ui-strings-coverage");
		grid.addColumn((c) -> getTranslation("translatorHome.uiStrings"))
			.setHeader(getTranslation("translatorHome.module"))
			.setAutoWidth(true);
		grid.addColumn((c) -> strings.languageName(c.locale())).setHeader(getTranslation("translatorHome.language"));
		grid.addColumn((c) -> {
			Coverage k = c.coverage();
			return getTranslation("translatorHome.coverage", k.percentCurrent(), k.approved(), k.draft(), k.stale(),
					k.missing());
		}).setHeader(getTranslation("translate.status")).setAutoWidth(true);
		grid.addComponentColumn((c) -> new RouterLink(getTranslation("translatorHome.open"), UiStringsEditorView.class,
				new RouteParameters("locale", c.locale().toLanguageTag())));
		grid.setItems(coverage);
		grid.setAllRowsVisible(true);
		return grid;
	}

	@Override
	public String getPageTitle() {
		return getTranslation("translatorHome.title");
	}

}
