package org.lepha.academy.books.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.books.BookEdition;
import org.lepha.academy.books.BookFile;
import org.lepha.academy.books.BookFormat;
import org.lepha.academy.books.CourseBooks;
import org.lepha.academy.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.access.AccessDeniedException;

/**
 * "Course books": the modules the signed-in user may download as books, each with a
 * choice of language and (for trainers) edition, and one download link per format. The
 * book is made when the link is followed; whether the user may have it is decided by
 * {@link CourseBooks}, not here.
 */
@Route("books")
@RolesAllowed({ Role.Names.CADET, Role.Names.TRAINER, Role.Names.ADMIN })
class BooksView extends VerticalLayout implements HasDynamicTitle {

	private static final Logger log = LoggerFactory.getLogger(BooksView.class);

	BooksView(CourseBooks books, Languages languages, UiTranslationProvider strings) {
		addClassName("books-view");
		add(new H1(getTranslation("book.title")), new Paragraph(getTranslation("book.intro")));
		List<CourseBooks.AvailableBook> available = books.available(getLocale());
		if (available.isEmpty()) {
			Paragraph none = new Paragraph(getTranslation("book.none"));
			none.setId("no-books");
			add(none);
			return;
		}
		for (CourseBooks.AvailableBook book : available) {
			add(card(book, books, languages, strings));
		}
	}

	private Div card(CourseBooks.AvailableBook book, CourseBooks books, Languages languages,
			UiTranslationProvider strings) {
		Div card = new Div();
		card.addClassName("book-card");
		card.setId("book-" + book.moduleId());
		H2 title = new H2(book.title());
		Select<Locale> language = new Select<>();
		language.setLabel(getTranslation("book.language"));
		language.setItems(languages.all());
		language.setItemLabelGenerator(strings::languageName);
		language.setValue(languages.bestMatch(getLocale()));
		language.setId("book-language-" + book.moduleId());
		Select<BookEdition> edition = new Select<>();
		edition.setLabel(getTranslation("book.edition"));
		edition.setItems(book.editions());
		edition.setItemLabelGenerator((e) -> getTranslation("book.edition." + e.name()));
		edition.setValue(book.editions().getFirst());
		edition.setId("book-edition-" + book.moduleId());
		edition.setVisible(book.editions().size() > 1);
		HorizontalLayout choices = new HorizontalLayout(language, edition);
		choices.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		// The download runs outside the UI's request: its messages use the page's
		// language.
		Locale uiLocale = getLocale();
		HorizontalLayout links = new HorizontalLayout();
		links.getStyle().set("flex-wrap", "wrap");
		for (BookFormat format : books.formats()) {
			// The choices are read when the link is followed, so one link serves every
			// choice.
			Anchor link = new Anchor(DownloadHandler.fromInputStream((event) -> {
				try {
					BookFile file = books.book(book.moduleId(), language.getValue(), edition.getValue(), format);
					return new DownloadResponse(new ByteArrayInputStream(file.bytes()), file.fileName(),
							file.mediaType(), file.size());
				}
				catch (AccessDeniedException ex) {
					// An assignment withdrawn since the page was opened.
					return DownloadResponse.error(403, strings.getTranslation("book.error.refused", uiLocale));
				}
				catch (RuntimeException ex) {
					log.warn("Course book {} {} {} {} could not be made", book.moduleId(), language.getValue(),
							edition.getValue(), format, ex);
					return DownloadResponse.error(500, strings.getTranslation("book.error.failed", uiLocale));
				}
			}), getTranslation("book.download") + ": " + getTranslation("book.format." + format.name()));
			link.getElement().setAttribute("download", true);
			link.setId("book-download-" + book.moduleId() + "-" + format.extension());
			link.addClassName("book-download");
			links.add(link);
		}
		card.add(title, choices, links);
		return card;
	}

	@Override
	public String getPageTitle() {
		return getTranslation("book.title");
	}

}
