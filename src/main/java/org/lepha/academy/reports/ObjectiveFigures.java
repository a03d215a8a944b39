package org.lepha.academy.reports;

import org.jspecify.annotations.Nullable;

/**
 * One learning objective's mastery over the report's cohorts, as the analysis tab counts
 * it ({@code cohorts.ObjectiveMastery}): cadets whose latest post-test drew and answered
 * its questions, and the share of them with at least 80% of the credit. Not broken down
 * by sex: the groups would mostly fall under {@link ProgrammeReport#MINIMUM_GROUP}.
 *
 * @param cadets cadets with an answered question of the objective
 * @param masteredShare the share who mastered it (0 to 1), or null when fewer than
 * {@link ProgrammeReport#MINIMUM_GROUP} cadets answered (withheld, as a rate resting on a
 * small group is everywhere in the report)
 */
public record ObjectiveFigures(String moduleId, String moduleTitle, String objectiveId, String text, int cadets,
		@Nullable Double masteredShare) {
}
