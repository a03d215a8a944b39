package org.lepha.academy.translation;

import java.util.Locale;

import org.lepha.academy.content.Coverage;

/** Translation coverage of one module in one language, counting workspace edits. */
public record ModuleCoverage(String moduleId, String title, Locale locale, Coverage coverage) {

}
