/**
 * Programme reports (issue 21): a cohort's or an academy's figures per module, by sex
 * where it is recorded, as XLSX and printable PDF (decision 0018).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "base", "certificates", "cohorts", "content", "security" })
@NullMarked
package org.lepha.academy.reports;

import org.jspecify.annotations.NullMarked;
