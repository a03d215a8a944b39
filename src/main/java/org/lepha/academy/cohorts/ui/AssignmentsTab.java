package org.lepha.academy.cohorts.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.cohorts.Assignment;
import org.lepha.academy.cohorts.CohortException;
import org.lepha.academy.cohorts.CohortService;

/**
 * The modules assigned to the cohort with their due dates: assign, change a due date,
 * take a module off.
 */
class AssignmentsTab extends VerticalLayout {

	private final long cohortId;

	private final CohortService cohorts;

	private final Grid<Assignment> grid = new Grid<>();

	AssignmentsTab(long cohortId, Map<String, String> titles, CohortService cohorts, LocalizedFormats formats,
			Clock clock) {
		this.cohortId = cohortId;
		this.cohorts = cohorts;
		grid.setId("assignments-grid");
		grid.setAllRowsVisible(true);
		grid.addColumn((a) -> titles.getOrDefault(a.moduleId(), a.moduleId()))
			.setHeader(getTranslation("assignment.module"));
		grid.addColumn((a) -> a.dueDate() == null ? "" : formats.date(a.dueDate(), getLocale()))
			.setHeader(getTranslation("assignment.due"));
		grid.addComponentColumn((a) -> {
			boolean overdue = a.isOverdue(LocalDate.now(clock.withZone(ZoneId.systemDefault())));
			Span badge = new Span(overdue ? getTranslation("assignment.overdue") : "");
			if (overdue) {
				badge.getElement().getThemeList().add("badge error");
			}
			return badge;
		});
		grid.addComponentColumn((a) -> {
			Button remove = new Button(getTranslation("assignment.remove"), (e) -> {
				cohorts.unassign(cohortId, a.moduleId());
				refresh();
			});
			remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
			return remove;
		});
		refresh();
		Select<String> module = new Select<>();
		module.setId("assignment-module");
		module.setLabel(getTranslation("assignment.module"));
		module.setItems(titles.keySet());
		module.setItemLabelGenerator(titles::get);
		DatePicker due = new DatePicker(getTranslation("assignment.due"));
		due.setId("assignment-due");
		Button assign = new Button(getTranslation("assignment.assign"), (e) -> {
			if (module.getValue() == null) {
				return;
			}
			try {
				cohorts.assign(cohortId, module.getValue(), due.getValue());
				refresh();
			}
			catch (CohortException ex) {
				Notification.show(getTranslation(ex.messageKey()));
			}
		});
		assign.setId("assignment-save");
		assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		HorizontalLayout form = new HorizontalLayout(module, due, assign);
		form.setAlignItems(Alignment.BASELINE);
		form.setWrap(true);
		add(new Paragraph(getTranslation("assignment.explain")), form, grid);
	}

	private void refresh() {
		grid.setItems(cohorts.assignments(cohortId));
	}

}
