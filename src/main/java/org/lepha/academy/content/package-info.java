/**
 * The course as files: loading, validation, translations and the read-only catalogue the
 * rest of the application uses (nothing else parses content files). Null-marked: what the
 * catalogue hands out (served modules) has every required value; the loader keeps modules
 * with errors, half read, only to report them (content.internal, not null-marked for that
 * reason).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "base", "security" })
@NullMarked
package org.lepha.academy.content;

import org.jspecify.annotations.NullMarked;
