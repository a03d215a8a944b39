/**
 * Academies, cohorts, enrolment, and the trainer's tools.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "base", "content", "learning", "security" })
package org.lepha.academy.cohorts;
