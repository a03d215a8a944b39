package org.lepha.academy.cohorts.ui;

import java.nio.charset.StandardCharsets;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.TestAccounts;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.cohorts.NewCohort;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trainer's cohort page: uploading a class list shows every problem by line, or
 * enrols the class and offers the credentials handout.
 */
@IntegrationTest
class CohortViewTests extends SpringBrowserlessTest {

	@Autowired
	CohortService cohorts;

	@Test
	@WithUserDetails(TestAccounts.TRAINER)
	void trainerUploadsABadFileThenAGoodOne() {
		CohortSummary cohort = cohorts.createCohort(new NewCohort(academyOfTestTrainer(),
				"View cohort " + System.nanoTime(), null, null, java.util.Set.of()));
		navigate("cohorts/" + cohort.id(), CohortView.class);

		// The page opens on the progress tab; the class list is on the next one.
		$(com.vaadin.flow.component.tabs.TabSheet.class).single().setSelectedIndex(1);
		Upload upload = $(Upload.class).id("import-upload");
		test(upload).upload("bad.csv", "text/csv",
				"full_name,username,email,language\nNo Language,nolang.x,,xx\n".getBytes(StandardCharsets.UTF_8));
		assertThat($(ListItem.class).all()).extracting((li) -> li.getElement().getText())
			.singleElement()
			.satisfies((text) -> assertThat(text).startsWith("Line 2:").contains("xx"));

		String username = "view.cadet." + System.nanoTime();
		test(upload).upload("good.csv", "text/csv",
				("full_name,username,email,language\nАйгерим Жумабаева," + username + ",,ru\n")
					.getBytes(StandardCharsets.UTF_8));
		@SuppressWarnings("unchecked")
		Grid<org.lepha.academy.cohorts.EnrolledCadet> grid = $(Grid.class).id("cadets-grid");
		assertThat(test(grid).size()).isEqualTo(1);
		assertThat(test(grid).getRow(0).fullName()).isEqualTo("Айгерим Жумабаева");
		assertThat($(Anchor.class).id("handout-download").getHref()).isNotBlank();
	}

	@Test
	@WithUserDetails(TestAccounts.TRAINER)
	void analysisScenarioAndExportTabsShowTheAssignedModule() {
		CohortSummary cohort = cohorts.createCohort(new NewCohort(academyOfTestTrainer(),
				"Analysis cohort " + System.nanoTime(), null, null, java.util.Set.of()));
		cohorts.assign(cohort.id(), "example-module", null);
		navigate("cohorts/" + cohort.id(), CohortView.class);
		com.vaadin.flow.component.tabs.TabSheet tabs = $(com.vaadin.flow.component.tabs.TabSheet.class).single();

		tabs.setSelectedIndex(4);
		@SuppressWarnings("unchecked")
		Grid<org.lepha.academy.cohorts.ItemAnalysis.QuestionStats> grid = $(Grid.class).id("analysis-grid");
		assertThat(test(grid).size()).isEqualTo(5);
		@SuppressWarnings("unchecked")
		Grid<org.lepha.academy.cohorts.ObjectiveMastery.ObjectiveStats> objectives = $(Grid.class)
			.id("objective-mastery");
		assertThat(test(objectives).size()).isEqualTo(2);
		assertThat(java.util.List.of(0, 1, 2, 3).stream().map((column) -> test(objectives).getCellText(0, column)))
			.containsExactly("Recognise the signs of an opioid overdose.", "0", "—", "—");
		assertThat($(com.vaadin.flow.component.html.Paragraph.class).id("analysis-summary").getText())
			.isEqualTo("No cadet of this cohort has submitted this module's post-test yet.");
		assertThat($(com.vaadin.flow.component.html.Paragraph.class).id("knowledge-gain").getText())
			.isEqualTo("No cadet has taken both the pre-test and the post-test yet.");

		tabs.setSelectedIndex(5);
		// The scenario diagram, not one of the charts (CohortChartsTests).
		assertThat($(com.vaadin.flow.component.html.Image.class).withClassName("scenario-diagram").single().getSrc())
			.startsWith("data:image/svg+xml;base64,");
		assertThat($(ListItem.class).all()).extracting((li) -> li.getElement().getText())
			.containsExactly("Exemplary · A life saved: 0 (0%)", "Acceptable · Help arrived in time: 0 (0%)",
					"Harmful · Minutes lost: 0 (0%)");

		tabs.setSelectedIndex(6);
		for (String id : java.util.List.of("export-progress-csv", "export-progress-xlsx", "export-quiz-csv",
				"export-quiz-xlsx")) {
			assertThat($(Anchor.class).id(id).getHref()).isNotBlank();
		}
	}

	@Autowired
	org.lepha.academy.security.UserAccountService accounts;

	private long academyOfTestTrainer() {
		return accounts.currentUser().orElseThrow().academyId();
	}

}
