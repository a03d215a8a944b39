/**
 * The course as files: loading, validation, translations and the read-only catalogue the
 * rest of the application uses (nothing else parses content files).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "base", "security" })
package org.lepha.academy.content;
