package org.lepha.academy.translation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An agreed translation of an English term in one language.
 *
 * @param createdBy who added it (null for the shipped terms)
 * @param forms the forms that count as the agreed translation in inflected text
 * @param note why, or how to use it; null when there is none
 * @param shipped from {@code translations/glossary/}: shared with the validator, changed
 * in that file, not in the workspace
 */
public record GlossaryTerm(Locale locale, String term, String translation, Long createdBy, Instant createdAt,
		List<String> forms, String note, boolean shipped) {

	public GlossaryTerm {
		forms = List.copyOf(forms);
	}

	/** A term added in the workspace: the translation itself is its only form. */
	public GlossaryTerm(Locale locale, String term, String translation, Long createdBy, Instant createdAt) {
		this(locale, term, translation, createdBy, createdAt, List.of(translation), null, false);
	}

}
