package org.lepha.academy.content;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An agreed rendering of an English term in one language, from
 * {@code translations/glossary/<language>.yaml}.
 *
 * @param english the English term, matched as a whole word with any ending
 * @param target the agreed rendering
 * @param forms the forms that count as the agreed rendering in inflected text
 * @param note why, or how to use it; null when there is none
 */
public record GlossaryTerm(String english, String target, List<String> forms, @Nullable String note) {

	public GlossaryTerm {
		forms = List.copyOf(forms);
	}

}
