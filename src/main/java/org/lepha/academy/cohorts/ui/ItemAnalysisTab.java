package org.lepha.academy.cohorts.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import org.jspecify.annotations.Nullable;
import org.lepha.academy.base.chart.BarChart;
import org.lepha.academy.base.chart.ChartScale;
import org.lepha.academy.base.chart.ChartSeries;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.ui.ChartFigure;
import org.lepha.academy.cohorts.CohortService.AssignableModule;
import org.lepha.academy.cohorts.ItemAnalysis;
import org.lepha.academy.cohorts.ItemAnalysis.QuestionStats;
import org.lepha.academy.cohorts.KnowledgeGain;
import org.lepha.academy.cohorts.ObjectiveMastery;
import org.lepha.academy.cohorts.ObjectiveMastery.ObjectiveStats;

/**
 * The mastery of one module's objectives and the item analysis of its question bank over
 * the cohort, with the module's knowledge gain.
 */
class ItemAnalysisTab extends VerticalLayout {

	private final long cohortId;

	private final ItemAnalysis analysis;

	private final KnowledgeGain gains;

	private final ObjectiveMastery mastery;

	private final LocalizedFormats formats;

	private final Paragraph summary = new Paragraph();

	private final Paragraph gain = new Paragraph();

	private final Grid<QuestionStats> grid = new Grid<>();

	private final Grid<ObjectiveStats> objectives = new Grid<>();

	ItemAnalysisTab(long cohortId, List<AssignableModule> modules, ItemAnalysis analysis, KnowledgeGain gains,
			ObjectiveMastery mastery, LocalizedFormats formats) {
		this.cohortId = cohortId;
		this.analysis = analysis;
		this.gains = gains;
		this.mastery = mastery;
		this.formats = formats;
		Select<AssignableModule> module = new Select<>();
		module.setId("analysis-module");
		module.setLabel(getTranslation("analysis.module"));
		module.setItems(modules);
		module.setItemLabelGenerator(AssignableModule::title);
		module.addValueChangeListener((e) -> show(e.getValue()));
		objectives.setId("objective-mastery");
		objectives.setAllRowsVisible(true);
		objectives.addColumn(ObjectiveStats::text).setHeader(getTranslation("mastery.objective")).setFlexGrow(3);
		objectives.addColumn((o) -> formats.number(o.cadets(), getLocale()))
			.setHeader(getTranslation("mastery.cadets"));
		objectives.addColumn((o) -> percent(o.percentMastered())).setHeader(getTranslation("mastery.mastered"));
		objectives.addColumn((o) -> percent(o.meanCreditPercent())).setHeader(getTranslation("mastery.meanCredit"));
		summary.setId("analysis-summary");
		gain.setId("knowledge-gain");
		grid.setId("analysis-grid");
		grid.setAllRowsVisible(true);
		grid.addColumn(QuestionStats::text).setHeader(getTranslation("analysis.question")).setFlexGrow(3);
		grid.addColumn((q) -> formats.number(q.answers(), getLocale())).setHeader(getTranslation("analysis.answers"));
		grid.addColumn((q) -> q.percentCorrect() == null ? "–" : formats.percent(q.percentCorrect() / 100, getLocale()))
			.setHeader(getTranslation("analysis.percentCorrect"));
		grid.addColumn((q) -> decimal(q.facility())).setHeader(getTranslation("analysis.facility"));
		grid.addColumn(this::wrong).setHeader(getTranslation("analysis.mostChosenWrong")).setFlexGrow(2);
		grid.addColumn((q) -> decimal(q.discrimination())).setHeader(getTranslation("analysis.discrimination"));
		add(module, new H2(getTranslation("mastery.title")), objectives,
				new Paragraph(getTranslation("mastery.explain")), new H2(getTranslation("analysis.title")), summary,
				grid, new Paragraph(getTranslation("analysis.explain")), new H2(getTranslation("gain.title")), gain,
				gainChart());
		setWidthFull();
		if (!modules.isEmpty()) {
			module.setValue(modules.get(0));
		}
	}

	private void show(AssignableModule module) {
		if (module == null) {
			return;
		}
		ItemAnalysis.Result result = analysis.analyse(cohortId, module.moduleId(), getLocale());
		summary.setText(result.cadets() == 0 ? getTranslation("analysis.none") : getTranslation("analysis.summary",
				formats.number(result.cadets(), getLocale()), formats.number(result.groupSize(), getLocale())));
		grid.setItems(result.questions());
		objectives.setItems(mastery.mastery(cohortId, module.moduleId(), getLocale()));
		gain.setText(gains.gain(cohortId, module.moduleId(), getLocale())
			.map((g) -> g.cadets() == 0 ? getTranslation("gain.none")
					: getTranslation("gain.line", formats.number(Math.round(g.preAverage()), getLocale()),
							formats.number(Math.round(g.postAverage()), getLocale()),
							formats.number(Math.round(g.gain()), getLocale()), formats.number(g.cadets(), getLocale())))
			.orElse(getTranslation("gain.noPreTest")));
	}

	/**
	 * Average pre-test and post-test score of every assigned module with a pre-test
	 * (issue 21), with the numbers as a table.
	 */
	private ChartFigure gainChart() {
		Locale locale = getLocale();
		List<KnowledgeGain.ModuleGain> all = gains.gains(cohortId, locale);
		String title = getTranslation("report.chart.gain");
		String svg = new BarChart(title, all.stream().map(KnowledgeGain.ModuleGain::title).toList(), List.of(
				new ChartSeries(getTranslation("chart.pre"), all.stream().map((g) -> share(g.preAverage())).toList()),
				new ChartSeries(getTranslation("chart.post"),
						all.stream().map((g) -> share(g.postAverage())).toList())),
				ChartScale.PERCENT, false, getTranslation("chart.noData"))
			.svg(locale);
		return new ChartFigure("knowledge-gain-chart", title, svg, getTranslation("report.chart.table"),
				List.of(getTranslation("report.column.module"), getTranslation("chart.pre"),
						getTranslation("chart.post"), getTranslation("report.figure.gain")),
				all.stream()
					.map((g) -> List.of(g.title(), percent(g.preAverage()), percent(g.postAverage()),
							(g.gain() == null) ? "—" : formats.decimal(g.gain(), 1, locale)))
					.toList());
	}

	private static @Nullable Double share(@Nullable Double percent) {
		return (percent == null) ? null : percent / 100;
	}

	private String wrong(QuestionStats q) {
		if (q.mostChosenWrongOption() == null) {
			return "";
		}
		String text = q.mostChosenWrongText() != null ? q.mostChosenWrongText()
				: getTranslation("analysis." + q.mostChosenWrongOption());
		return text + " (" + formats.number(q.mostChosenWrongCount(), getLocale()) + ")";
	}

	private String percent(@Nullable Double percent) {
		return percent == null ? "—" : formats.percent(percent / 100, getLocale());
	}

	private String decimal(Double value) {
		return value == null ? "–" : formats.decimal(value, 2, getLocale());
	}

}
