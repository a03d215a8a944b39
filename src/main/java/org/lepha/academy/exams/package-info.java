/**
 * Exam sessions (issue 15): a trainer opens a module's post-test for a cohort in a time
 * window, optionally behind an access code, watches a live monitor and grants
 * accommodations. The cadet's side is gated in learning through {@code ExamWindows}.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "base", "cohorts", "content", "learning", "security" })
@NullMarked
package org.lepha.academy.exams;

import org.jspecify.annotations.NullMarked;
