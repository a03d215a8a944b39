package org.lepha.academy.reports.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.TestAccounts;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.cohorts.NewCohort;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/** The cohort's report page and the academies' report page offer their two downloads. */
@IntegrationTest
class ReportViewsTests extends SpringBrowserlessTest {

	@Autowired
	CohortService cohorts;

	@Autowired
	UserAccountService accounts;

	@Test
	@WithUserDetails(TestAccounts.TRAINER)
	void theReportPagesOfferExcelAndPdf() {
		long academy = accounts.currentUser().orElseThrow().academyId();
		CohortSummary cohort = cohorts
			.createCohort(new NewCohort(academy, "Report cohort " + System.nanoTime(), null, null, java.util.Set.of()));
		cohorts.assign(cohort.id(), "example-module", null);

		navigate("cohorts/" + cohort.id() + "/report", ProgrammeReportView.class);
		assertThat($(Paragraph.class).id("report-enrolled").getText()).isEqualTo("Cadets enrolled: 0");
		assertThat($(Anchor.class).id("report-xlsx").getHref()).isNotBlank();
		assertThat($(Anchor.class).id("report-pdf").getHref()).isNotBlank();
		assertThat($(Anchor.class).id("report-back").getHref()).isEqualTo("cohorts/" + cohort.id());

		navigate("reports", AcademyReportsView.class);
		assertThat($(Anchor.class).id("academy-report-" + academy + "-xlsx").getText())
			.isEqualTo("Download the report (Excel)");
		assertThat($(Anchor.class).id("academy-report-" + academy + "-pdf").getHref()).isNotBlank();
	}

}
