package org.lepha.academy.reports.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.reports.ProgrammeReport;
import org.lepha.academy.reports.ProgrammeReports;
import org.lepha.academy.security.Role;

/**
 * A cohort's programme report, linked from the cohort page by address (the cohorts
 * feature does not know this one): what it covers and its two downloads.
 */
@Route("cohorts/:cohortId/report")
@RolesAllowed({ Role.Names.TRAINER, Role.Names.ADMIN })
class ProgrammeReportView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	private final ProgrammeReports reports;

	private final LocalizedFormats formats;

	private String title = "";

	ProgrammeReportView(ProgrammeReports reports, LocalizedFormats formats) {
		this.reports = reports;
		this.formats = formats;
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		long cohortId = event.getRouteParameters().getLong("cohortId").orElse(-1L);
		ProgrammeReport report = this.reports.cohortReport(cohortId, getLocale());
		removeAll();
		this.title = getTranslation("report.cohortTitle", report.name());
		String cohortAddress = "cohorts/" + cohortId;
		Anchor back = new Anchor(cohortAddress, getTranslation("report.back"));
		back.setId("report-back");
		Paragraph enrolled = new Paragraph(getTranslation("report.enrolledCount",
				this.formats.number(Math.round(value(report.enrolled().total().value())), getLocale())));
		enrolled.setId("report-enrolled");
		add(back, new H1(this.title), new Paragraph(getTranslation("report.explain")), enrolled,
				ReportDownloads.links("report", "programme-report-" + cohortId, this.reports,
						(locale) -> this.reports.cohortReport(cohortId, locale), getLocale(), this::getTranslation));
	}

	private static double value(Double value) {
		return (value == null) ? 0 : value;
	}

	@Override
	public String getPageTitle() {
		return this.title.isEmpty() ? getTranslation("report.title") : this.title;
	}

}
