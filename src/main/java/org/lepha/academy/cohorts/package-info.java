/**
 * Academies, cohorts, enrolment, and the trainer's tools.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "base", "content", "learning", "security" })
@NullMarked
package org.lepha.academy.cohorts;

import org.jspecify.annotations.NullMarked;
