package org.lepha.academy.translation;

import java.util.Locale;

import org.lepha.academy.content.Coverage;

/** Translation coverage of the UI strings in one language, counting workspace edits. */
public record UiStringsCoverage(Locale locale, Coverage coverage) {

}
