package org.lepha.academy.translation.internal;

import java.time.Instant;

/**
 * One translation edited in the application.
 *
 * @param sourceHash hash of the English the target was made from
 * @param sourceText that English
 * @param savedBy null when an unchanged file translation was approved
 */
public record TranslationEdit(String moduleId, String locale, String key, String target, boolean approved,
		String sourceHash, String sourceText, Long savedBy, Instant savedAt, Long approvedBy, Instant approvedAt) {

}
