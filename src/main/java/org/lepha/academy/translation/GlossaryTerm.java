package org.lepha.academy.translation;

import java.time.Instant;
import java.util.Locale;

/**
 * An agreed translation of an English term in one language.
 *
 * @param createdBy who added it (null for the seeded terms)
 */
public record GlossaryTerm(Locale locale, String term, String translation, Long createdBy, Instant createdAt) {

}
