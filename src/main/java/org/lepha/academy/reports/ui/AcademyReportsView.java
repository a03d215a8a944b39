package org.lepha.academy.reports.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.reports.ProgrammeReports;
import org.lepha.academy.security.Role;

/**
 * Programme reports per academy: every academy for administrators; for a trainer the
 * academies of the cohorts they run, each report covering only those cohorts.
 */
@Route("reports")
@RolesAllowed({ Role.Names.TRAINER, Role.Names.ADMIN })
class AcademyReportsView extends VerticalLayout implements HasDynamicTitle {

	AcademyReportsView(ProgrammeReports reports) {
		add(new H1(getTranslation("report.academies.title")),
				new Paragraph(getTranslation("report.academies.explain")));
		var academies = reports.academies();
		if (academies.isEmpty()) {
			Paragraph none = new Paragraph(getTranslation("report.academies.none"));
			none.setId("academy-reports-none");
			add(none);
		}
		for (Academy academy : academies) {
			add(new H2(academy.name()),
					ReportDownloads.links("academy-report-" + academy.id(), "programme-report-academy-" + academy.id(),
							reports, (locale) -> reports.academyReport(academy.id(), locale), getLocale(),
							this::getTranslation));
		}
	}

	@Override
	public String getPageTitle() {
		return getTranslation("report.academies.title");
	}

}
