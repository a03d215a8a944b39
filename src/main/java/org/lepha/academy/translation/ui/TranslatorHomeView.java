package org.lepha.academy.translation.ui;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.content.Coverage;
import org.lepha.academy.security.Role;
import org.lepha.academy.content.Evaluation;
import org.lepha.academy.translation.ModuleCoverage;
import org.lepha.academy.translation.SegmentStatus;
import org.lepha.academy.translation.TranslationWorkspace;
import org.lepha.academy.translation.UiStringsCoverage;
import org.lepha.academy.translation.UiStringsWorkspace;

/**
 * The translator's home: coverage of every module and of the UI strings in each of their
 * languages, as numbers and a bar, with links to the editors and to what is left.
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
		grid.addColumn((c) -> Evaluation.TRANSLATION_ID.equals(c.moduleId())
				? getTranslation("evaluation.translationTitle") : c.title())
			.setHeader(getTranslation("translatorHome.module"))
			.setAutoWidth(true);
		grid.addColumn((c) -> strings.languageName(c.locale())).setHeader(getTranslation("translatorHome.language"));
		coverageColumns(grid, ModuleCoverage::coverage, (c, text) -> new RouterLink(text, TranslationEditorView.class,
				new RouteParameters(Map.of("moduleId", c.moduleId(), "locale", c.locale().toLanguageTag()))));
		grid.setItems(coverage);
		add(grid);

		Grid<UiStringsCoverage> ui = new Grid<>();
		ui.setId("ui-strings-coverage");
		ui.addColumn((c) -> getTranslation("translatorHome.uiStrings"))
			.setHeader(getTranslation("translatorHome.module"))
			.setAutoWidth(true);
		ui.addColumn((c) -> strings.languageName(c.locale())).setHeader(getTranslation("translatorHome.language"));
		coverageColumns(ui, UiStringsCoverage::coverage, (c, text) -> new RouterLink(text, UiStringsEditorView.class,
				new RouteParameters("locale", c.locale().toLanguageTag())));
		ui.setItems(uiStrings.coverage());
		ui.setAllRowsVisible(true);
		add(ui);
	}

	/**
	 * The same three columns for modules and UI strings: the counts, a bar, and the links
	 * to the editor and (when something is missing or stale) to the editor filtered to
	 * what is left.
	 */
	private <T> void coverageColumns(Grid<T> grid, Function<T, Coverage> coverageOf,
			BiFunction<T, String, RouterLink> editorLink) {
		grid.addColumn((c) -> {
			Coverage k = coverageOf.apply(c);
			return getTranslation("translatorHome.coverage", k.percentCurrent(), k.approved(), k.draft(), k.stale(),
					k.missing());
		}).setHeader(getTranslation("translate.status")).setAutoWidth(true);
		grid.addComponentColumn((c) -> {
			int percent = coverageOf.apply(c).percentCurrent();
			ProgressBar bar = new ProgressBar(0, 100, percent);
			bar.getElement().setAttribute("aria-label", getTranslation("translatorHome.coverageBar", percent));
			return bar;
		}).setHeader(getTranslation("translatorHome.coverageBar.header"));
		grid.addComponentColumn((c) -> {
			Div links = new Div(editorLink.apply(c, getTranslation("translatorHome.open")));
			Coverage k = coverageOf.apply(c);
			if (k.missing() + k.stale() > 0) {
				RouterLink left = editorLink.apply(c, getTranslation("translatorHome.whatIsLeft"));
				left.setQueryParameters(QueryParameters.of("status",
						(k.missing() > 0 ? SegmentStatus.MISSING : SegmentStatus.STALE).name()));
				left.addClassName("what-is-left");
				left.getStyle().set("margin-inline-start", "var(--lumo-space-m)");
				links.add(left);
			}
			return links;
		});
	}

	@Override
	public String getPageTitle() {
		return getTranslation("translatorHome.title");
	}

}
