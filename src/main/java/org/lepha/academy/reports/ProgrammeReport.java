package org.lepha.academy.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.base.chart.ChartPoint;
import org.lepha.academy.cohorts.CourseEvaluationResults.ModuleResults;

/**
 * A cohort's or an academy's programme report: who is enrolled, and per assigned module
 * completions, post-test pass rate, knowledge gain and certificates, each for everyone
 * and by sex; groups of fewer than {@link #MINIMUM_GROUP} cadets are suppressed.
 *
 * @param name the cohort's or academy's name (as typed by an administrator or trainer)
 * @param academy whether this is an academy's report (else a cohort's)
 * @param start the earliest cohort start, if known
 * @param end the latest cohort end, if known
 * @param enrolled active cadets, by sex group
 * @param suppressed the groups whose figures are withheld, too few to publish
 * @param completionOverTime share of (cadet, module) pairs completed after each day
 * @param evaluation the course evaluation's results per module (each withheld below its
 * own threshold of answers), or null when left out: a trainer's academy report, since
 * answers are pooled across cohorts only for administrators
 * @param objectives objective mastery per module, where the module has objectives
 */
public record ProgrammeReport(String name, boolean academy, @Nullable LocalDate start, @Nullable LocalDate end,
		Instant generatedAt, Figure enrolled, Set<SexGroup> suppressed, List<ModuleFigures> modules,
		List<ChartPoint> completionOverTime, @Nullable List<ModuleResults> evaluation,
		List<ObjectiveFigures> objectives) {

	/** The smallest group whose figures are published. */
	public static final int MINIMUM_GROUP = 5;

	public ProgrammeReport {
		suppressed = Set.copyOf(suppressed);
		modules = List.copyOf(modules);
		completionOverTime = List.copyOf(completionOverTime);
		evaluation = (evaluation == null) ? null : List.copyOf(evaluation);
		objectives = List.copyOf(objectives);
	}

	/** The same report with the objective mastery figures. */
	public ProgrammeReport withObjectives(List<ObjectiveFigures> figures) {
		return new ProgrammeReport(this.name, this.academy, this.start, this.end, this.generatedAt, this.enrolled,
				this.suppressed, this.modules, this.completionOverTime, this.evaluation, figures);
	}

	/** The share of enrolled cadets whose sex is not recorded (null with no cadets). */
	public @Nullable Double unknownShare() {
		Double total = this.enrolled.total().value();
		Double unknown = this.enrolled.group(SexGroup.UNKNOWN).value();
		return (total == null || total == 0 || unknown == null) ? null : unknown / total;
	}

	/**
	 * One assigned module's figures.
	 *
	 * @param cadets the cadets it is assigned to
	 * @param completed how many completed it
	 * @param passRate post-test passes over cadets who submitted one (0 to 1)
	 * @param preAverage first pre-test score, averaged over cadets with both tests
	 * @param postAverage best post-test score, averaged over the same cadets
	 * @param gain post minus pre, in percentage points
	 * @param certificates valid module certificates held
	 */
	public record ModuleFigures(String moduleId, String title, Figure cadets, Figure completed, Figure passRate,
			Figure preAverage, Figure postAverage, Figure gain, Figure certificates) {
	}

}
