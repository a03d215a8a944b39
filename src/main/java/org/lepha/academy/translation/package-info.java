/**
 * The translator workspace: coverage, editing, review, import and export.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "base", "content", "security" })
@NullMarked
package org.lepha.academy.translation;

import org.jspecify.annotations.NullMarked;
