package org.lepha.academy.cohorts.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.tabs.TabSheet;
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

/**
 * The cohort page's pictures (issue 21): completion over time and pass rate on the
 * progress tab, knowledge gain on the analysis tab, each an image with a text alternative
 * and its numbers as a table; and the link to the programme report.
 */
@IntegrationTest
class CohortChartsTests extends SpringBrowserlessTest {

	@Autowired
	CohortService cohorts;

	@Autowired
	UserAccountService accounts;

	@Test
	@WithUserDetails(TestAccounts.TRAINER)
	void chartsWithTheirNumbersAndTheReportLink() {
		long academy = accounts.currentUser().orElseThrow().academyId();
		CohortSummary cohort = cohorts
			.createCohort(new NewCohort(academy, "Chart cohort " + System.nanoTime(), null, null, java.util.Set.of()));
		cohorts.assign(cohort.id(), "example-module", null);
		navigate("cohorts/" + cohort.id(), CohortView.class);

		assertThat($(Anchor.class).id("cohort-report-link").getHref()).isEqualTo("cohorts/" + cohort.id() + "/report");
		Image completion = $(Image.class).id("progress-completion-chart-image");
		assertThat(completion.getAlt().orElseThrow()).contains("Completion over time");
		assertThat(completion.getSrc()).startsWith("data:image/svg+xml;base64,");
		// Nothing completed yet: an empty table, and the picture says so.
		assertThat($(NativeTable.class).id("progress-completion-chart-table").getBody().getRowCount()).isZero();
		NativeTable passRate = $(NativeTable.class).id("progress-pass-rate-chart-table");
		assertThat(passRate.getCaptionText()).isEqualTo("Pass rate per module (post-test)");
		assertThat(passRate.getBody().getRowCount()).isEqualTo(1);
		assertThat(passRate.getBody().getRow(0).orElseThrow().getElement().getTextRecursively()).endsWith("00—");

		$(TabSheet.class).single().setSelectedIndex(4);
		NativeTable gain = $(NativeTable.class).id("knowledge-gain-chart-table");
		assertThat(gain.getBody().getRowCount()).isEqualTo(1);
		assertThat($(Image.class).id("knowledge-gain-chart-image").getAlt().orElseThrow())
			.isEqualTo("Average score before and after, per module");
	}

}
