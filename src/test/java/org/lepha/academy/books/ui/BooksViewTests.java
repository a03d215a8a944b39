package org.lepha.academy.books.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.TestAccounts;
import org.lepha.academy.books.BookEdition;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Course books" page: an administrator sees every module with a language and an
 * edition choice and a download link per format; a cadet with nothing assigned is told
 * so.
 */
@IntegrationTest
class BooksViewTests extends SpringBrowserlessTest {

	@Autowired
	ApplicationContext context;

	@Test
	@WithUserDetails(TestAccounts.ADMIN)
	void anAdministratorSeesTheModuleWithLanguageEditionAndAnEpubLink() {
		navigate(BooksView.class);
		String module = AcademyFixture.MODULE;
		@SuppressWarnings("unchecked")
		Select<BookEdition> edition = $(Select.class).id("book-edition-" + module);
		assertThat(edition.isVisible()).isTrue();
		assertThat(edition.getValue()).isEqualTo(BookEdition.CADET);
		@SuppressWarnings("unchecked")
		Select<java.util.Locale> language = $(Select.class).id("book-language-" + module);
		assertThat(language.getValue().toLanguageTag()).isEqualTo("en");
		Anchor epub = $(Anchor.class).id("book-download-" + module + "-epub");
		assertThat(epub.getHref()).isNotBlank();
		assertThat(epub.getText()).contains("EPUB");
	}

	@Test
	void aCadetWithNothingAssignedIsToldSo() {
		AcademyFixture fixtures = new AcademyFixture(this.context);
		Academy academy = fixtures.academy();
		fixtures.signInAs(fixtures.user(Role.CADET, academy, "Cadet Without Cohort"));
		try {
			navigate(BooksView.class);
			assertThat($(Paragraph.class).id("no-books").getText()).startsWith("No module to download yet");
			assertThat($(Anchor.class).all()).noneMatch((a) -> a.hasClassName("book-download"));
		}
		finally {
			AcademyFixture.signOut();
		}
	}

}
