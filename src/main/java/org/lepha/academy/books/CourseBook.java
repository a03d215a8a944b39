package org.lepha.academy.books;

import java.util.List;
import java.util.Locale;

/**
 * A module as a book, in one language and edition, independent of any format: renderers
 * (EPUB, PDF) turn it into bytes. Every text is already resolved in the book's language
 * the way cadets see it online (approved translations, then drafts where served, then
 * English, plus the translators' edits) and is plain text: renderers must escape it for
 * their format.
 *
 * @param moduleVersion identifies the content the book was built from (changes with any
 * English or translated text, image or the module's version); part of the cache key
 * @param rightToLeft the book's main direction (Dari)
 * @param onlineUrl the module's absolute address on the server, for the QR code
 * @param notice says that reading the book counts for nothing: progress is online
 * @param qrCodePng the QR code of {@code onlineUrl}, as PNG
 */
public record CourseBook(String moduleId, String moduleVersion, Locale language, boolean rightToLeft, String title,
		String summary, BookEdition edition, String onlineUrl, byte[] qrCodePng, String notice, BookLabels labels,
		List<BookChapter> chapters) {

	public CourseBook {
		chapters = List.copyOf(chapters);
	}

	/** The language tag as used in {@code lang} attributes, e.g. {@code fa-AF}. */
	public String languageTag() {
		return this.language.toLanguageTag();
	}

}
