package org.lepha.academy.cohorts.ui;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.cohorts.CadetImport;
import org.lepha.academy.cohorts.CohortExports;
import org.lepha.academy.cohorts.CohortProgress;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.cohorts.CourseEvaluationResults;
import org.lepha.academy.cohorts.ItemAnalysis;
import org.lepha.academy.cohorts.KnowledgeGain;
import org.lepha.academy.cohorts.ObjectiveMastery;
import org.lepha.academy.cohorts.ScenarioAnalytics;
import org.lepha.academy.security.AccountAdministration;
import org.lepha.academy.security.Role;

/**
 * One cohort: its progress, cadets, assignments and join code, the trainer's analyses
 * (item analysis, knowledge gain, scenarios) and exports, each tab its own class with its
 * own service. The view itself only reads the cohort and what the tabs share.
 */
@Route("cohorts/:cohortId")
@RolesAllowed({ Role.Names.TRAINER, Role.Names.ADMIN })
class CohortView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	private final CohortService cohorts;

	private final CadetImport cadetImport;

	private final CohortProgress progress;

	private final CohortExports exports;

	private final ItemAnalysis itemAnalysis;

	private final KnowledgeGain knowledgeGain;

	private final ObjectiveMastery objectiveMastery;

	private final ScenarioAnalytics scenarioAnalytics;

	private final CourseEvaluationResults evaluationResults;

	private final Languages languages;

	private final UiTranslationProvider strings;

	private final LocalizedFormats formats;

	private final Clock clock;

	private final AccountAdministration accounts;

	private @Nullable CohortSummary cohort;

	CohortView(CohortService cohorts, CadetImport cadetImport, CohortProgress progress, CohortExports exports,
			ItemAnalysis itemAnalysis, KnowledgeGain knowledgeGain, ObjectiveMastery objectiveMastery,
			ScenarioAnalytics scenarioAnalytics, CourseEvaluationResults evaluationResults, Languages languages,
			UiTranslationProvider strings, LocalizedFormats formats, Clock clock, AccountAdministration accounts) {
		this.cohorts = cohorts;
		this.accounts = accounts;
		this.cadetImport = cadetImport;
		this.progress = progress;
		this.exports = exports;
		this.itemAnalysis = itemAnalysis;
		this.knowledgeGain = knowledgeGain;
		this.objectiveMastery = objectiveMastery;
		this.scenarioAnalytics = scenarioAnalytics;
		this.evaluationResults = evaluationResults;
		this.languages = languages;
		this.strings = strings;
		this.formats = formats;
		this.clock = clock;
		setSizeFull();
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		long id = event.getRouteParameters().getLong("cohortId").orElse(-1L);
		CohortSummary shown = cohorts.cohort(id);
		cohort = shown;
		removeAll();
		Map<String, String> titles = new LinkedHashMap<>();
		cohorts.assignableModules(getLocale()).forEach((m) -> titles.put(m.moduleId(), m.title()));
		TabSheet tabs = new TabSheet();
		tabs.setWidthFull();
		tabs.add(getTranslation("cohort.tab.progress"),
				new ProgressTab(id, cohorts.assignments(id), titles, progress, formats, clock));
		tabs.add(getTranslation("cohort.tab.cadets"), new CadetsTab(id, cohorts, accounts, strings,
				new CadetImportPanel(id, cadetImport, languages, strings)));
		tabs.add(getTranslation("cohort.tab.assignments"), new AssignmentsTab(id, titles, cohorts, formats, clock));
		tabs.add(getTranslation("cohort.tab.joinCode"), new JoinCodeTab(id, cohorts, clock));
		// Built when first opened: the analyses query the whole cohort.
		tabs.add(getTranslation("cohort.tab.analysis"), lazy(() -> new ItemAnalysisTab(id, assignedModules(id),
				itemAnalysis, knowledgeGain, objectiveMastery, formats)));
		tabs.add(getTranslation("cohort.tab.scenarios"),
				lazy(() -> new ScenariosTab(id, assignedModules(id), scenarioAnalytics, formats)));
		tabs.add(getTranslation("cohort.tab.exports"), new ExportsTab(id, exports, clock));
		tabs.add(getTranslation("evaluation.tab"),
				lazy(() -> new EvaluationTab(id, assignedModules(id), evaluationResults, formats)));
		// By address, not by class: certificates builds on cohorts, not the other way
		// round.
		String certificatesHref = "cohorts/" + id + "/certificates";
		Anchor certificatesLink = new Anchor(certificatesHref, getTranslation("cohort.certificatesLink"));
		certificatesLink.setId("cohort-certificates-link");
		// Exams builds on cohorts too: linked by address as well.
		String examsHref = "cohorts/" + id + "/exams";
		Anchor examsLink = new Anchor(examsHref, getTranslation("examui.cohortLink"));
		examsLink.setId("cohort-exams-link");
		String reportHref = "cohorts/" + id + "/report";
		Anchor reportLink = new Anchor(reportHref, getTranslation("report.link"));
		reportLink.setId("cohort-report-link");
		add(new H1(shown.name()), new Paragraph(period(shown)), certificatesLink, examsLink, reportLink, tabs);
	}

	/** A tab's content that is built the first time the tab is selected. */
	private static Div lazy(Supplier<Component> content) {
		Div holder = new Div();
		holder.setWidthFull();
		holder.addAttachListener((e) -> {
			if (holder.getChildren().findAny().isEmpty()) {
				holder.add(content.get());
			}
		});
		return holder;
	}

	/** The cohort's assigned modules, titled in the trainer's language. */
	private List<CohortService.AssignableModule> assignedModules(long cohortId) {
		Set<String> assigned = new HashSet<>();
		cohorts.assignments(cohortId).forEach((a) -> assigned.add(a.moduleId()));
		return cohorts.assignableModules(getLocale()).stream().filter((m) -> assigned.contains(m.moduleId())).toList();
	}

	private String period(CohortSummary shown) {
		String start = shown.startDate() == null ? "" : formats.date(shown.startDate(), getLocale());
		String end = shown.endDate() == null ? "" : formats.date(shown.endDate(), getLocale());
		return start + " – " + end;
	}

	@Override
	public String getPageTitle() {
		return cohort == null ? getTranslation("cohorts.title") : cohort.name();
	}

}
