package org.lepha.academy.translation.internal;

import java.time.Instant;

/** A UI string edited in the application, for one language and key. */
public record UiStringEdit(String key, String text, boolean approved, long savedBy, Instant savedAt, Long approvedBy) {

}
