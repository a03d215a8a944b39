package org.lepha.academy.cohorts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.base.ui.OneTimePasswordDialog;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.cohorts.EnrolledCadet;
import org.lepha.academy.security.AccountAdministration;
import org.lepha.academy.security.OneTimePassword;

/**
 * The cohort's active cadets: move one to another cohort the trainer runs, reset a
 * forgotten password, or withdraw them; above the list, adding and importing cadets
 * ({@link CadetImportPanel}).
 */
class CadetsTab extends VerticalLayout {

	private final long cohortId;

	private final CohortService cohorts;

	private final Grid<EnrolledCadet> cadets = new Grid<>();

	private final AccountAdministration accounts;

	CadetsTab(long cohortId, CohortService cohorts, AccountAdministration accounts, UiTranslationProvider strings,
			CadetImportPanel importPanel) {
		this.cohortId = cohortId;
		this.cohorts = cohorts;
		this.accounts = accounts;
		cadets.setId("cadets-grid");
		cadets.addColumn(EnrolledCadet::fullName).setHeader(getTranslation("users.fullName")).setSortable(true);
		cadets.addColumn(EnrolledCadet::username).setHeader(getTranslation("users.username")).setSortable(true);
		cadets.addColumn((c) -> strings.languageName(c.locale())).setHeader(getTranslation("users.language"));
		cadets.addComponentColumn(this::cadetActions).setHeader(getTranslation("cohort.actions")).setKey("actions");
		refresh();
		importPanel.onImported(this::refresh);
		add(importPanel, cadets);
	}

	private HorizontalLayout cadetActions(EnrolledCadet cadet) {
		Button withdraw = new Button(getTranslation("cohort.withdraw"), (e) -> {
			cohorts.withdraw(cohortId, cadet.userId());
			refresh();
		});
		withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
		Select<CohortSummary> moveTo = new Select<>();
		moveTo.setAriaLabel(getTranslation("cohort.moveTo"));
		moveTo.setPlaceholder(getTranslation("cohort.moveTo"));
		moveTo.setItems(cohorts.myCohorts().stream().filter((c) -> c.id() != cohortId).toList());
		moveTo.setItemLabelGenerator(CohortSummary::name);
		moveTo.addValueChangeListener((e) -> {
			if (e.getValue() != null) {
				cohorts.move(cohortId, e.getValue().id(), cadet.userId());
				refresh();
			}
		});
		// A cadet who forgot the password gets a one-time password from the trainer.
		Button reset = new Button(getTranslation("cohort.resetPassword"), (e) -> {
			OneTimePassword password = accounts.resetPassword(cadet.userId());
			new OneTimePasswordDialog(password.fullName(), password.username(), password.password()).open();
		});
		reset.setId("reset-" + cadet.username());
		reset.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
		return new HorizontalLayout(moveTo, reset, withdraw);
	}

	private void refresh() {
		cadets.setItems(cohorts.cadets(cohortId));
	}

}
