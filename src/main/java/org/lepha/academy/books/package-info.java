/**
 * Course books: every module as a book for offline reading and print (EPUB 3, PDF), in
 * the cadet's or the trainer's edition, built from the content catalogue on demand,
 * cached per module version, language, edition and format, and handed out only to those
 * who may read the module online.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "base", "cohorts", "content", "security" })
@NullMarked
package org.lepha.academy.books;

import org.jspecify.annotations.NullMarked;
