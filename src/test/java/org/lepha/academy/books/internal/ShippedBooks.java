package org.lepha.academy.books.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.books.BookEdition;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.internal.ContentService;

/**
 * The shipped course ({@code content/}, {@code translations/}) and the book machinery
 * built on it, without a Spring context, for the tests that open every shipped module's
 * book.
 */
final class ShippedBooks {

	static final Languages LANGUAGES = new Languages(List.of("en", "ru", "fa-AF"));

	static final ContentCatalog CONTENT = new ContentService(Path.of("content"), Path.of("translations"), LANGUAGES,
			true, false);

	static final UiTranslationProvider STRINGS = new UiTranslationProvider(LANGUAGES, Path.of("translations/ui"));

	static final String PUBLIC_URL = "https://academy.example.org";

	static final BookBuilder BUILDER = new BookBuilder(CONTENT, STRINGS, PUBLIC_URL);

	static final EpubBookRenderer EPUB = new EpubBookRenderer(
			Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

	private ShippedBooks() {
	}

	/** Every shipped module × language × edition. */
	static List<Case> cases() {
		List<Case> cases = new ArrayList<>();
		for (Module module : CONTENT.modules()) {
			for (Locale language : LANGUAGES.all()) {
				for (BookEdition edition : BookEdition.values()) {
					cases.add(new Case(module, language, edition));
				}
			}
		}
		return cases;
	}

	record Case(Module module, Locale language, BookEdition edition) {

		@Override
		public String toString() {
			return this.module.id() + " " + this.language.toLanguageTag() + " " + this.edition;
		}

	}

}
