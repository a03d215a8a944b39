package org.lepha.academy.cohorts.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.lepha.academy.base.chart.BarChart;
import org.lepha.academy.base.chart.ChartPoint;
import org.lepha.academy.base.chart.ChartScale;
import org.lepha.academy.base.chart.ChartSeries;
import org.lepha.academy.base.chart.StepChart;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.base.ui.ChartFigure;
import org.lepha.academy.cohorts.Assignment;
import org.lepha.academy.cohorts.CadetOutcomes;
import org.lepha.academy.cohorts.CohortProgress;

/**
 * Cadets × assigned modules, paged from the database, under a summary line; a click on a
 * cadet opens their detail page.
 */
class ProgressTab extends VerticalLayout {

	private final CohortProgress progress;

	ProgressTab(long cohortId, List<Assignment> assignments, Map<String, String> titles, CohortProgress progress,
			LocalizedFormats formats, Clock clock) {
		this.progress = progress;
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
		CohortProgress.Summary summary = progress.summary(cohortId, today);
		Paragraph line = new Paragraph(getTranslation("progress.summary", summary.cadets(), summary.completionPercent(),
				summary.averageScore() == null ? "–" : formats.number(Math.round(summary.averageScore()), getLocale()),
				summary.overdue()));
		line.setId("progress-summary");
		Grid<CohortProgress.Row> grid = new Grid<>();
		grid.setId("progress-grid");
		grid.addColumn((r) -> r.cadet().fullName())
			.setHeader(getTranslation("users.fullName"))
			.setFrozen(true)
			.setSortable(true)
			.setKey("name");
		for (Assignment assignment : assignments) {
			grid.addColumn((r) -> cell(r, assignment.moduleId()))
				.setHeader(titles.getOrDefault(assignment.moduleId(), assignment.moduleId()));
		}
		grid.addColumn((r) -> r.overdue() == 0 ? "" : getTranslation("progress.overdue", r.overdue()))
			.setHeader(getTranslation("assignment.overdue"));
		grid.addItemClickListener((e) -> {
			String address = "cohorts/" + cohortId + "/cadet/" + e.getItem().cadet().userId();
			UI.getCurrent().navigate(address);
		});
		TextField filter = new TextField(getTranslation("progress.filter"));
		filter.setMaxLength(TextLimits.SEARCH);
		filter.setId("progress-filter");
		filter.setClearButtonVisible(true);
		filter.setValueChangeMode(ValueChangeMode.LAZY);
		// Sorting and filtering happen in the database; only the visible page is loaded.
		grid.setItems((query) -> this.progress
			.page(cohortId, query.getOffset(), query.getLimit(), today, filter.getValue(),
					query.getSortOrders().stream().anyMatch((o) -> o.getDirection() == SortDirection.DESCENDING))
			.stream(), (query) -> this.progress.count(cohortId, filter.getValue()));
		filter.addValueChangeListener((e) -> grid.getDataProvider().refreshAll());
		add(line, filter, grid, completionChart(cohortId, formats), passRateChart(cohortId, titles, formats));
		setSizeFull();
	}

	/** Completion over time (issue 21), with its numbers as a table. */
	private ChartFigure completionChart(long cohortId, LocalizedFormats formats) {
		Locale locale = getLocale();
		List<ChartPoint> points = this.progress.completionOverTime(cohortId);
		String title = getTranslation("report.chart.completion");
		String svg = new StepChart(title, points, ChartScale.PERCENT, getTranslation("chart.noData")).svg(locale);
		return new ChartFigure("progress-completion-chart", title, svg, getTranslation("report.chart.table"),
				List.of(getTranslation("report.column.date"), getTranslation("report.column.completedShare")),
				points.stream()
					.map((p) -> List.of(formats.date(p.date(), locale), formats.percent(p.value(), locale)))
					.toList());
	}

	/** Pass rate of the post-test per module (issue 21), with its numbers as a table. */
	private ChartFigure passRateChart(long cohortId, Map<String, String> titles, LocalizedFormats formats) {
		Locale locale = getLocale();
		List<CadetOutcomes.ModuleResult> results = this.progress.moduleResults(cohortId);
		String title = getTranslation("report.chart.passRate");
		List<String> names = results.stream().map((r) -> titles.getOrDefault(r.moduleId(), r.moduleId())).toList();
		String svg = new BarChart(title, names,
				List.of(new ChartSeries(getTranslation("report.figure.passRate"),
						results.stream().map(CadetOutcomes.ModuleResult::passRate).toList())),
				ChartScale.PERCENT, false, getTranslation("chart.noData"))
			.svg(locale);
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < results.size(); i++) {
			CadetOutcomes.ModuleResult r = results.get(i);
			rows.add(List.of(names.get(i), formats.number(r.completed(), locale),
					formats.number(r.postTestTaken(), locale),
					(r.passRate() == null) ? "—" : formats.percent(r.passRate(), locale)));
		}
		return new ChartFigure("progress-pass-rate-chart", title, svg, getTranslation("report.chart.table"),
				List.of(getTranslation("report.column.module"), getTranslation("report.figure.completed"),
						getTranslation("report.figure.postTaken"), getTranslation("report.figure.passRate")),
				rows);
	}

	private String cell(CohortProgress.Row row, String moduleId) {
		var p = row.modules().get(moduleId);
		if (p == null) {
			return "";
		}
		String status = getTranslation("status." + p.status().name());
		return p.bestScore() == null ? status : status + " · " + p.bestScore() + "%";
	}

}
