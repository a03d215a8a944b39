package org.lepha.academy.cohorts.ui;

import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortException;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.cohorts.NewCohort;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccountService;

/**
 * The trainer's home: the cohorts they run, and a new one.
 */
@Route("cohorts")
@RolesAllowed({ Role.Names.TRAINER, Role.Names.ADMIN })
public class TrainerHomeView extends VerticalLayout implements HasDynamicTitle {

	private final CohortService cohorts;

	private final UserAccountService accounts;

	private final Grid<CohortSummary> grid = new Grid<>();

	TrainerHomeView(CohortService cohorts, UserAccountService accounts, LocalizedFormats formats) {
		this.cohorts = cohorts;
		this.accounts = accounts;
		setSizeFull();
		grid.setId("cohorts-grid");
		grid.addColumn(CohortSummary::name).setHeader(getTranslation("cohorts.name")).setSortable(true);
		grid.addColumn(CohortSummary::academyName).setHeader(getTranslation("cohorts.academy"));
		grid.addColumn((c) -> c.startDate() == null ? "" : formats.date(c.startDate(), getLocale()))
			.setHeader(getTranslation("cohorts.start"));
		grid.addColumn((c) -> c.endDate() == null ? "" : formats.date(c.endDate(), getLocale()))
			.setHeader(getTranslation("cohorts.end"));
		grid.addColumn((c) -> formats.number(c.cadetCount(), getLocale())).setHeader(getTranslation("cohorts.cadets"));
		grid.addItemClickListener((e) -> open(e.getItem()));
		grid.setItems(cohorts.myCohorts());
		Button create = new Button(getTranslation("cohorts.new"), (e) -> openNewCohort());
		create.setId("new-cohort");
		create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		add(new H1(getTranslation("cohorts.title")), create, grid);
	}

	private void open(CohortSummary cohort) {
		getUI().ifPresent(
				(ui) -> ui.navigate(CohortView.class, new RouteParameters("cohortId", String.valueOf(cohort.id()))));
	}

	private void openNewCohort() {
		Long ownAcademy = accounts.currentUser().map((u) -> u.academyId()).orElse(null);
		List<Academy> academies = cohorts.academiesForNewCohorts(ownAcademy);
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation("cohorts.new"));
		TextField name = new TextField(getTranslation("cohorts.name"));
		name.setMaxLength(TextLimits.NAME);
		name.setId("cohort-name");
		name.setRequired(true);
		Select<Academy> academy = new Select<>();
		academy.setLabel(getTranslation("cohorts.academy"));
		academy.setItems(academies);
		academy.setItemLabelGenerator(Academy::name);
		if (!academies.isEmpty()) {
			academy.setValue(academies.get(0));
		}
		DatePicker start = new DatePicker(getTranslation("cohorts.start"));
		DatePicker end = new DatePicker(getTranslation("cohorts.end"));
		start.setId("cohort-start");
		end.setId("cohort-end");
		Button save = new Button(getTranslation("cohort.save"), (e) -> {
			if (academy.getValue() == null) {
				return;
			}
			try {
				CohortSummary created = cohorts.createCohort(new NewCohort(academy.getValue().id(), name.getValue(),
						start.getValue(), end.getValue(), Set.of()));
				dialog.close();
				open(created);
			}
			catch (CohortException ex) {
				Notification.show(getTranslation(ex.messageKey()));
			}
		});
		save.setId("cohort-save");
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		dialog.add(new VerticalLayout(name, academy, start, end));
		dialog.getFooter().add(new Button(getTranslation("cohort.cancel"), (e) -> dialog.close()), save);
		dialog.open();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("cohorts.title");
	}

}
