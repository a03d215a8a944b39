package org.lepha.academy.translation.ui;

import java.util.Locale;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.TestAccounts;
import org.lepha.academy.translation.Segment;
import org.lepha.academy.translation.internal.TranslationEditRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dari test translator sees the module's coverage, opens the editor, gets the
 * placeholder error and saves a draft.
 */
@IntegrationTest
class TranslationEditorViewTests extends SpringBrowserlessTest {

	static final Locale DARI = Locale.forLanguageTag("fa-AF");

	@Autowired
	TranslationEditRepository edits;

	@BeforeEach
	@AfterEach
	void clean() {
		edits.deleteAll("example-module", DARI);
	}

	@Test
	@WithUserDetails(TestAccounts.TRANSLATOR)
	void theEditorOpensFilteredByTheStatusInItsAddress() {
		// The example module is fully translated (drafts): filtered to approved, nothing
		// is left.
		com.vaadin.flow.component.UI.getCurrent()
			.navigate(TranslationEditorView.class,
					new com.vaadin.flow.router.RouteParameters(
							java.util.Map.of("moduleId", "example-module", "locale", "fa-AF")),
					com.vaadin.flow.router.QueryParameters.of("status", "approved"));
		assertThat(getCurrentView()).isInstanceOf(TranslationEditorView.class);
		assertThat($(com.vaadin.flow.component.select.Select.class).id("segment-status-filter").getValue())
			.isEqualTo(org.lepha.academy.translation.SegmentStatus.APPROVED);
		assertThat(test($(Grid.class).id("segments")).size()).isZero();
	}

	@Test
	@WithUserDetails(TestAccounts.TRANSLATOR)
	void aDariTranslatorEditsASegmentRightToLeft() {
		navigate(TranslatorHomeView.class);
		Grid<?> coverage = $(Grid.class).id("translation-coverage");
		// The module and the course's own file (the course evaluation).
		assertThat(test(coverage).size()).isEqualTo(2);
		assertThat(test(coverage).getCellText(1, 0)).isEqualTo("Course evaluation");

		navigate("translate/example-module/fa-AF", TranslationEditorView.class);
		@SuppressWarnings("unchecked")
		Grid<Segment> segments = $(Grid.class).id("segments");
		assertThat(test(segments).size()).isGreaterThan(10);
		TextArea target = $(TextArea.class).id("segment-target");
		assertThat(target.getElement().getAttribute("dir")).isEqualTo("rtl");

		test(segments).select(0);
		assertThat(test(segments).getRow(0).key()).isEqualTo("module.title");
		test(target).setValue("عنوان {x}");
		test($(Button.class).id("segment-save")).click();
		assertThat($(Paragraph.class).id("segment-error").getText())
			.startsWith("The translation must keep the placeholders");

		test(target).setValue("عنوان تازهٔ آزمایشی");
		test($(Button.class).id("segment-save")).click();
		assertThat($(Paragraph.class).id("segment-error").getText()).isEmpty();
		assertThat(edits.edit("example-module", DARI, "module.title")).get()
			.extracting((e) -> e.target())
			.isEqualTo("عنوان تازهٔ آزمایشی");
	}

	@Test
	@WithUserDetails(TestAccounts.TRANSLATOR)
	void glossaryTermsAreMarkedWarnedAboutAndThePreviewIsRightToLeft() {
		navigate("translate/example-module/fa-AF", TranslationEditorView.class);
		@SuppressWarnings("unchecked")
		Grid<Segment> segments = $(Grid.class).id("segments");
		int row = -1;
		for (int i = 0; i < test(segments).size(); i++) {
			String english = test(segments).getRow(i).english();
			if (english.toLowerCase(Locale.ROOT).matches("(?s).*\\boverdose\\b.*") && !english.contains("{")
					&& !english.contains("\n") && !english.contains("*") && !english.contains("[")) {
				row = i;
				break;
			}
		}
		assertThat(row).as("a one-line segment that mentions overdose").isNotNegative();
		test(segments).select(row);
		Segment segment = test(segments).getRow(row);

		Span marked = $(Span.class).id("segment-english-marked");
		assertThat(marked.getElement().getProperty("innerHTML")).contains("<mark class=\"glossary-term\"");
		Div preview = $(Div.class).id("segment-preview");
		assertThat(preview.getElement().getAttribute("dir")).isEqualTo("rtl");

		TextArea target = $(TextArea.class).id("segment-target");
		test(target).setValue("متن آزمایشی بدون اصطلاح");
		assertThat(preview.getElement().getProperty("innerHTML")).contains("متن آزمایشی بدون اصطلاح");
		test($(Button.class).id("segment-save")).click();
		assertThat($(Paragraph.class).id("segment-error").getText()).isEmpty();
		assertThat(edits.edit("example-module", DARI, segment.key())).isPresent();
		Div warnings = $(Div.class).id("segment-glossary-warnings");
		assertThat(warnings.getChildren()
			.filter((c) -> c.getClassNames().contains("glossary-warning"))
			.map((c) -> ((Paragraph) c).getText())).anyMatch((text) -> text.contains("مصرف بیش از حد"));
	}

}
