package org.lepha.academy.learning;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A module on the cadet's home page.
 *
 * @param assigned whether the cadet's cohort was assigned it
 * @param dueDate null without a due date
 * @param progressPercent share of the completion rule's steps done
 */
public record ModuleCard(String moduleId, String title, String summary, int estimatedMinutes, boolean assigned,
		@Nullable LocalDate dueDate, boolean overdue, ModuleStatus status, int progressPercent, boolean fallbackText) {

}
