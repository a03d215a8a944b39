package org.lepha.academy.cohorts.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.security.Role;

/**
 * The trainer's home: the cohorts they run.
 */
@Route("cohorts")
@RolesAllowed({ Role.Names.TRAINER, Role.Names.ADMIN })
public class TrainerHomeView extends VerticalLayout implements HasDynamicTitle {

	TrainerHomeView(CohortService cohorts, LocalizedFormats formats) {
		setSizeFull();
		Grid<CohortSummary> grid = new Grid<>();
		grid.setId("cohorts-grid");
		grid.addColumn(CohortSummary::name).setHeader(getTranslation("cohorts.name")).setSortable(true);
		grid.addColumn(CohortSummary::academyName).setHeader(getTranslation("cohorts.academy"));
		grid.addColumn((c) -> c.startDate() == null ? "" : formats.date(c.startDate(), getLocale()))
			.setHeader(getTranslation("cohorts.start"));
		grid.addColumn((c) -> c.endDate() == null ? "" : formats.date(c.endDate(), getLocale()))
			.setHeader(getTranslation("cohorts.end"));
		grid.addColumn((c) -> formats.number(c.cadetCount(), getLocale())).setHeader(getTranslation("cohorts.cadets"));
		grid.setItems(cohorts.myCohorts());
		add(new H1(getTranslation("cohorts.title")), grid);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("cohorts.title");
	}

}
