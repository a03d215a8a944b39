package org.lepha.academy.cohorts.ui;

import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.TabSheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.learning.CourseEvaluations;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cohort page's evaluation tab, without a browser: below five answers only the count;
 * from five a table with a header cell per point of the scale and a row per item, and the
 * free texts as escaped text.
 */
@IntegrationTest
class EvaluationTabTests extends SpringBrowserlessTest {

	@Autowired
	AcademyFixture fixture;

	@Autowired
	CourseEvaluations evaluations;

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	@Test
	void theTrainerSeesTheCountBelowFiveAnswersAndTheTableFromFive() {
		Academy academy = fixture.academy();
		UserAccount trainer = fixture.user(Role.TRAINER, academy, "Tab Trainer");
		CohortSummary cohort = fixture.cohort(academy, trainer);
		fixture.assignTheModule(cohort);
		String hostile = "<img src=x onerror=alert(1)> more role plays";
		for (int i = 1; i <= 4; i++) {
			fixture.completedCadet(academy, cohort, "Tab Cadet " + i);
			evaluations.answer(AcademyFixture.MODULE, Map.of("relevance", i, "clarity", 4), i == 1 ? hostile : null);
		}

		fixture.signInAs(trainer);
		openTheTab(cohort);
		assertThat($(Paragraph.class).id("evaluation-counts").getText()).isEqualTo("Answered: 4. Skipped: 0.");
		assertThat($(Paragraph.class).id("evaluation-withheld").getText())
			.startsWith("Not shown: fewer than 5 answers (4).");
		assertThat($(Div.class).id("evaluation-results").getElement().getOuterHTML()).doesNotContain("<table",
				"role plays");

		fixture.completedCadet(academy, cohort, "Tab Cadet 5");
		evaluations.answer(AcademyFixture.MODULE, Map.of("relevance", 5), null);
		fixture.signInAs(trainer);
		openTheTab(cohort);
		// Without the indentation the HTML is printed with.
		String html = $(Div.class).id("evaluation-results").getElement().getOuterHTML().replaceAll(">\\s+<", "><");
		assertThat(html)
			.contains("<table id=\"evaluation-table\"", "<th scope=\"col\">1 · Strongly disagree</th>",
					"<th scope=\"col\">5 · Strongly agree</th>",
					"<th scope=\"row\">What this module teaches is relevant to my work.</th>", "<td>5</td><td>3.0</td>",
					"&lt;img src=x onerror=alert(1)&gt; more role plays")
			.doesNotContain("<img src=x");
		// A chart per item, drawn on the server; its title names the item.
		Image chart = $(Image.class).id("evaluation-chart-relevance");
		assertThat(chart.getSrc()).startsWith("data:image/svg+xml;base64,");
		assertThat(chart.getAlt())
			.hasValue("What this module teaches is relevant to my work. How many gave each point");
		String svg = new String(
				java.util.Base64.getDecoder().decode(chart.getSrc().substring(chart.getSrc().indexOf(',') + 1)),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(svg).contains("Strongly agree").doesNotContain("<script");
	}

	private void openTheTab(CohortSummary cohort) {
		navigate("cohorts/" + cohort.id(), CohortView.class);
		TabSheet tabs = $(TabSheet.class).single();
		tabs.setSelectedIndex(7);
	}

}
