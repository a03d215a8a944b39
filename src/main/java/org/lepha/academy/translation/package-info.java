/**
 * The translator workspace: coverage, editing, review, import and export.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "base", "content", "security" })
package org.lepha.academy.translation;
