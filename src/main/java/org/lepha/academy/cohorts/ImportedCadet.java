package org.lepha.academy.cohorts;

import java.util.Locale;

/**
 * A cadet created by an import, with the one-time password for the printed handout. The
 * password exists only in this result; the database keeps its hash.
 */
public record ImportedCadet(long userId, String fullName, String username, String email, Locale locale,
		String oneTimePassword) {

}
