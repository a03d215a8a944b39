package org.lepha.academy.learning.ui;

import java.util.Locale;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.security.Role;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation card on the module page, without a browser: absent before completion;
 * then the questions with the scale's anchors; a refusal explained in place; after "Send"
 * or "Skip" only the final note, also when the page is opened again.
 */
@IntegrationTest
class EvaluationCardTests extends SpringBrowserlessTest {

	private static final String PAGE = "learn/" + AcademyFixture.MODULE;

	@Autowired
	AcademyFixture fixture;

	Academy academy;

	CohortSummary cohort;

	@BeforeEach
	void cohort() {
		academy = fixture.academy();
		cohort = fixture.cohort(academy, fixture.user(Role.TRAINER, academy, "Card Trainer"));
		fixture.assignTheModule(cohort);
	}

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	@Test
	void nothingIsAskedBeforeCompletion() {
		var cadet = fixture.user(Role.CADET, academy, "Unfinished Cadet");
		fixture.enrol(cohort, cadet);
		fixture.signInAs(cadet);
		navigate(PAGE, ModuleView.class);
		assertThat($(EvaluationCard.class).exists()).as("no visible card").isFalse();
		assertThat($(Button.class).withId("evaluation-send").exists()).isFalse();
	}

	@Test
	void theCadetAnswersOnceAndThenSeesOnlyTheThanks() {
		fixture.completedCadet(academy, cohort, "Answering Cadet");
		navigate(PAGE, ModuleView.class);
		@SuppressWarnings("unchecked")
		RadioButtonGroup<Integer> relevance = $(RadioButtonGroup.class).id("evaluation-item-relevance");
		assertThat(relevance.getLabel()).isEqualTo("What this module teaches is relevant to my work.");
		assertThat(relevance.getItemLabelGenerator().apply(1)).isEqualTo("Strongly disagree");
		assertThat(relevance.getItemLabelGenerator().apply(5)).isEqualTo("Strongly agree");

		test($(Button.class).id("evaluation-send")).click();
		Paragraph error = $(Paragraph.class).id("evaluation-error");
		assertThat(error.isVisible()).isTrue();
		assertThat(error.getText()).isEqualTo("Answer at least one question, or choose Skip.");

		relevance.setValue(4);
		$(TextArea.class).id("evaluation-text").setValue("More time on the naloxone kit.");
		test($(Button.class).id("evaluation-send")).click();
		assertThat($(Paragraph.class).id("evaluation-thanks").getText())
			.isEqualTo("Thank you: your evaluation of this module has been recorded.");
		assertThat($(Button.class).withId("evaluation-send").exists()).isFalse();

		navigate(PAGE, ModuleView.class);
		assertThat($(Paragraph.class).id("evaluation-thanks").isVisible()).isTrue();
		assertThat($(RadioButtonGroup.class).withId("evaluation-item-relevance").exists()).isFalse();
	}

	@Test
	void aSkipIsFinal() {
		fixture.completedCadet(academy, cohort, "Skipping Cadet");
		navigate(PAGE, ModuleView.class);
		test($(Button.class).id("evaluation-skip")).click();
		assertThat($(Paragraph.class).id("evaluation-skipped").getText())
			.isEqualTo("You skipped the evaluation of this module.");
		navigate(PAGE, ModuleView.class);
		assertThat($(Paragraph.class).id("evaluation-skipped").isVisible()).isTrue();
		assertThat($(Button.class).withId("evaluation-skip").exists()).isFalse();
	}

	@Test
	void aDariReaderGetsTheQuestionsAndTheScaleInDari() {
		fixture.completedCadet(academy, cohort, "Dari Cadet");
		UI.getCurrent().setLocale(Locale.forLanguageTag("fa-AF"));
		navigate(PAGE, ModuleView.class);
		@SuppressWarnings("unchecked")
		RadioButtonGroup<Integer> clarity = $(RadioButtonGroup.class).id("evaluation-item-clarity");
		assertThat(clarity.getLabel()).isEqualTo("ماژول روشن بود و دنبال کردن آن آسان بود.");
		assertThat(clarity.getItemLabelGenerator().apply(4)).isEqualTo("موافق");
		assertThat($(Button.class).id("evaluation-send").getText()).isEqualTo("فرستادن");
	}

}
