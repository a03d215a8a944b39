package org.lepha.academy.translation.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.TestAccounts;
import org.lepha.academy.translation.UiStringSegment;
import org.lepha.academy.translation.internal.UiStringEditOverrides;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dari test translator sees the UI strings coverage, opens the UI strings editor,
 * gets the placeholder error and saves a draft right to left.
 */
@IntegrationTest
class UiStringsEditorViewTests extends SpringBrowserlessTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UiStringEditOverrides overrides;

	@Autowired
	org.lepha.academy.translation.internal.UiStringEditRepository edits;

	@BeforeEach
	@AfterEach
	void clean() {
		jdbc.sql("DELETE FROM ui_string_edit").update();
		overrides.clear();
	}

	@Test
	@WithUserDetails(TestAccounts.TRANSLATOR)
	void aDariTranslatorEditsAUiString() {
		navigate(TranslatorHomeView.class);
		Grid<?> coverage = $(Grid.class).id("ui-strings-coverage");
		assertThat(test(coverage).size()).isEqualTo(1);

		navigate("translate/ui/fa-AF", UiStringsEditorView.class);
		@SuppressWarnings("unchecked")
		Grid<UiStringSegment> strings = $(Grid.class).id("ui-strings");
		assertThat(test(strings).size()).isGreaterThan(100);
		TextArea target = $(TextArea.class).id("ui-string-target");
		assertThat(target.getElement().getAttribute("dir")).isEqualTo("rtl");

		// The rows as the grid holds them (asking the tester row by row renders each).
		java.util.List<UiStringSegment> rows = strings.getListDataView().getItems().toList();
		int row = java.util.stream.IntStream.range(0, rows.size())
			.filter((i) -> rows.get(i).key().equals("uiStrings.title"))
			.findFirst()
			.orElseThrow();
		test(strings).select(row);
		test(target).setValue("متن‌ها");
		test($(Button.class).id("ui-string-save")).click();
		assertThat($(Paragraph.class).id("ui-string-error").getText())
			.startsWith("The translation must keep the placeholders");

		test(target).setValue("متن‌ها: {0}");
		test($(Button.class).id("ui-string-save")).click();
		assertThat($(Paragraph.class).id("ui-string-error").getText()).isEmpty();
		assertThat(jdbc.sql("SELECT text FROM ui_string_edit WHERE locale = 'fa-AF' AND string_key = 'uiStrings.title'")
			.query(String.class)
			.single()).isEqualTo("متن‌ها: {0}");
	}

	@Test
	@WithUserDetails(TestAccounts.TRANSLATOR)
	void whatIsLeftOpensTheEditorOnTheStaleStringsWithTheDiff() {
		long translator = jdbc.sql("SELECT id FROM app_user WHERE username = ?")
			.param(TestAccounts.TRANSLATOR)
			.query(Long.class)
			.single();
		// Translated from an English that has been reworded since.
		edits.saveDraft(java.util.Locale.forLanguageTag("fa-AF"), "translatorHome.title", "ترجمه‌ها",
				"Old translations title", translator, java.time.Instant.now());
		overrides.clear();

		com.vaadin.flow.component.UI.getCurrent()
			.navigate("translate/ui/fa-AF", com.vaadin.flow.router.QueryParameters.of("status", "STALE"));
		@SuppressWarnings("unchecked")
		Grid<UiStringSegment> strings = $(Grid.class).id("ui-strings");
		assertThat(test(strings).size()).isEqualTo(1);
		assertThat(test(strings).getRow(0).key()).isEqualTo("translatorHome.title");
		test(strings).select(0);
		assertThat($(com.vaadin.flow.component.html.Span.class).withClassName("diff-added").all()).isNotEmpty();
	}

}
