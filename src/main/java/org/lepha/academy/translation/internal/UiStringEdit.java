package org.lepha.academy.translation.internal;

import java.time.Instant;

/**
 * A UI string edited in the application, for one language and key.
 *
 * @param english the English value the translation was made from (null for edits saved
 * before it was recorded)
 */
public record UiStringEdit(String key, String text, String english, boolean approved, long savedBy, Instant savedAt,
		Long approvedBy) {

}
