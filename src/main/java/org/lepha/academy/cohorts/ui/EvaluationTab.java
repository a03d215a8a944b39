package org.lepha.academy.cohorts.ui;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.Element;
import org.lepha.academy.base.chart.BarChart;
import org.lepha.academy.base.chart.ChartScale;
import org.lepha.academy.base.chart.ChartSeries;
import org.lepha.academy.base.chart.SvgCharts;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.cohorts.CohortService.AssignableModule;
import org.lepha.academy.cohorts.CourseEvaluationResults;
import org.lepha.academy.cohorts.CourseEvaluationResults.ItemResult;
import org.lepha.academy.cohorts.CourseEvaluationResults.ModuleResults;

/**
 * The course evaluation's results in a module of the cohort (decision 0017): answers and
 * skips, then (from five answers) per Likert item the answers, the mean and how many gave
 * each point, as a real table that screen readers navigate, and the free texts without
 * names; and a bar chart per item (base.chart) of how many gave each point. Below five
 * answers only the count is shown, because the service gives nothing more.
 */
class EvaluationTab extends VerticalLayout {

	private final long cohortId;

	private final CourseEvaluationResults results;

	private final LocalizedFormats formats;

	private final Div figures = new Div();

	EvaluationTab(long cohortId, List<AssignableModule> modules, CourseEvaluationResults results,
			LocalizedFormats formats) {
		this.cohortId = cohortId;
		this.results = results;
		this.formats = formats;
		Select<AssignableModule> module = new Select<>();
		module.setId("evaluation-module");
		module.setLabel(getTranslation("analysis.module"));
		module.setItems(modules);
		module.setItemLabelGenerator(AssignableModule::title);
		module.addValueChangeListener((e) -> show(e.getValue()));
		figures.setId("evaluation-results");
		figures.setWidthFull();
		add(module, figures);
		setWidthFull();
		if (!modules.isEmpty()) {
			module.setValue(modules.get(0));
		}
	}

	private void show(AssignableModule module) {
		figures.removeAll();
		if (module == null) {
			return;
		}
		ModuleResults shown = results.results(cohortId, module.moduleId(), getLocale()).orElse(null);
		if (shown == null) {
			figures.add(new Paragraph(getTranslation("evaluation.results.none")));
			return;
		}
		Paragraph counts = new Paragraph(getTranslation("evaluation.results.counts",
				formats.number(shown.answered(), getLocale()), formats.number(shown.skipped(), getLocale())));
		counts.setId("evaluation-counts");
		figures.add(counts);
		if (!shown.shown()) {
			Paragraph withheld = new Paragraph(getTranslation("evaluation.results.withheld",
					formats.number(CourseEvaluationResults.MIN_ANSWERS, getLocale()),
					formats.number(shown.answered(), getLocale())));
			withheld.setId("evaluation-withheld");
			figures.add(withheld);
			return;
		}
		figures.add(table(shown));
		shown.items().forEach((item) -> figures.add(chart(item, shown.scale())));
		if (shown.freeTextQuestion() != null) {
			figures.add(new H3(shown.freeTextQuestion()));
			UnorderedList comments = new UnorderedList();
			comments.setId("evaluation-comments");
			// Text nodes: whatever a cadet typed is shown as text, never as markup.
			shown.comments().forEach((c) -> comments.add(new ListItem(c)));
			if (shown.comments().isEmpty()) {
				figures.add(new Paragraph(getTranslation("evaluation.results.noComments")));
			}
			else {
				figures.add(comments);
			}
		}
	}

	/**
	 * How many gave each point of the scale to one item, as bars; the same numbers are in
	 * the table above, which is what screen readers read.
	 */
	private Image chart(ItemResult item, List<String> scale) {
		BarChart chart = new BarChart(getTranslation("evaluation.results.chartTitle", item.text()), scale,
				List.of(new ChartSeries(getTranslation("evaluation.results.answers"),
						item.distribution().stream().map((n) -> (Double) n.doubleValue()).toList())),
				ChartScale.COUNT, false, getTranslation("evaluation.results.noAnswers"));
		Image image = new Image(SvgCharts.dataUrl(chart.svg(getLocale())), chart.title());
		image.setId("evaluation-chart-" + item.itemId());
		image.addClassName("evaluation-chart");
		image.setMaxWidth("100%");
		return image;
	}

	/** Item, answers, mean and one column per point of the scale. */
	private Div table(ModuleResults shown) {
		Element table = new Element("table");
		table.setAttribute("id", "evaluation-table");
		table.getClassList().add("evaluation-table");
		table.appendChild(new Element("caption").setText(getTranslation("evaluation.results.caption")));
		Element head = new Element("tr");
		head.appendChild(header(getTranslation("evaluation.results.item")),
				header(getTranslation("evaluation.results.answers")),
				header(getTranslation("evaluation.results.mean")));
		for (int point = 1; point <= shown.scale().size(); point++) {
			head.appendChild(header(formats.number(point, getLocale()) + " · " + shown.scale().get(point - 1)));
		}
		table.appendChild(new Element("thead").appendChild(head));
		Element body = new Element("tbody");
		for (ItemResult item : shown.items()) {
			Element row = new Element("tr");
			row.setAttribute("data-item", item.itemId());
			Element name = new Element("th").setText(item.text());
			name.setAttribute("scope", "row");
			row.appendChild(name, cell(formats.number(item.answers(), getLocale())),
					cell(item.mean() == null ? "—" : formats.decimal(item.mean(), 1, getLocale())));
			item.distribution().forEach((n) -> row.appendChild(cell(formats.number(n, getLocale()))));
			body.appendChild(row);
		}
		table.appendChild(body);
		Div holder = new Div();
		holder.getStyle().set("overflow-x", "auto");
		holder.getElement().appendChild(table);
		return holder;
	}

	private static Element header(String text) {
		Element th = new Element("th").setText(text);
		th.setAttribute("scope", "col");
		return th;
	}

	private static Element cell(String text) {
		return new Element("td").setText(text);
	}

}
