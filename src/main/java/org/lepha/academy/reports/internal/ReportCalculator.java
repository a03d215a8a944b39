package org.lepha.academy.reports.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.cohorts.Assignment;
import org.lepha.academy.cohorts.CadetOutcomes;
import org.lepha.academy.cohorts.CadetOutcomes.CohortOutcomes;
import org.lepha.academy.cohorts.CadetOutcomes.Outcome;
import org.lepha.academy.cohorts.CourseEvaluationResults.ModuleResults;
import org.lepha.academy.reports.Cell;
import org.lepha.academy.reports.Figure;
import org.lepha.academy.reports.ProgrammeReport;
import org.lepha.academy.reports.ProgrammeReport.ModuleFigures;
import org.lepha.academy.reports.SexGroup;

/**
 * Turns cadets' outcomes into a programme report's figures, with small-group suppression
 * (decision 0018):
 * <ul>
 * <li>a recorded sex with 1 to 4 enrolled cadets is withheld everywhere in the
 * report;</li>
 * <li>when that leaves exactly one group withheld, the next smallest recorded group is
 * withheld too, so the first cannot be worked out by subtracting the others from the
 * total ("not recorded" is never withheld first: it says nothing about anyone's sex, and
 * is only withheld when no recorded group is left to pair with);</li>
 * <li>an average or rate of a published group resting on fewer than 5 cadets is
 * withheld.</li>
 * </ul>
 * The "all cadets" column is never withheld: the cohort's trainers see it per cadet
 * anyway.
 */
public final class ReportCalculator {

	private ReportCalculator() {
	}

	/** The report over the given cohorts' outcomes. */
	public static ProgrammeReport calculate(String name, boolean academy, @Nullable LocalDate start,
			@Nullable LocalDate end, Instant generatedAt, List<CohortOutcomes> cohorts,
			Map<Long, Set<String>> certifiedModules, Function<String, String> moduleTitles, ZoneId zone,
			@Nullable List<ModuleResults> evaluation) {
		Map<Long, SexGroup> groupOf = new HashMap<>();
		Map<String, Boolean> modules = new LinkedHashMap<>();
		List<Outcome> outcomes = new ArrayList<>();
		for (CohortOutcomes cohort : cohorts) {
			cohort.cadets().forEach((c) -> groupOf.put(c.userId(), SexGroup.of(c.sex())));
			cohort.assignments().stream().map(Assignment::moduleId).forEach((m) -> modules.put(m, true));
			outcomes.addAll(cohort.outcomes());
		}
		Map<SexGroup, Integer> enrolledCounts = new EnumMap<>(SexGroup.class);
		groupOf.values().forEach((g) -> enrolledCounts.merge(g, 1, Integer::sum));
		Set<SexGroup> suppressed = suppressed(enrolledCounts);
		Counter counter = new Counter(groupOf, suppressed);
		Figure enrolled = counter.count(new ArrayList<>(groupOf.keySet()), (id) -> id, (id) -> true);
		List<ModuleFigures> figures = new ArrayList<>();
		for (String moduleId : modules.keySet()) {
			List<Outcome> module = outcomes.stream().filter((o) -> o.moduleId().equals(moduleId)).toList();
			Predicate<Outcome> paired = (o) -> o.firstPreScore() != null && o.bestPostScore() != null;
			figures.add(new ModuleFigures(moduleId, moduleTitles.apply(moduleId),
					counter.count(module, Outcome::userId, (o) -> true),
					counter.count(module, Outcome::userId, Outcome::completed),
					counter.average(module, Outcome::postTestTaken, (o) -> o.passed() ? 1 : 0),
					counter.average(module, paired, (o) -> o.firstPreScore()),
					counter.average(module, paired, (o) -> o.bestPostScore()),
					counter.average(module, paired, (o) -> o.bestPostScore() - o.firstPreScore()),
					counter.count(module, Outcome::userId,
							(o) -> certifiedModules.getOrDefault(o.userId(), Set.of()).contains(moduleId))));
		}
		return new ProgrammeReport(name, academy, start, end, generatedAt, enrolled, suppressed, figures,
				CadetOutcomes.completionOverTime(outcomes, zone), evaluation, List.of());
	}

	/** The groups withheld for the enrolled counts (see the class comment). */
	public static Set<SexGroup> suppressed(Map<SexGroup, Integer> enrolled) {
		Set<SexGroup> withheld = EnumSet.noneOf(SexGroup.class);
		List<SexGroup> recorded = List.of(SexGroup.FEMALE, SexGroup.MALE, SexGroup.ANOTHER);
		for (SexGroup group : recorded) {
			int n = enrolled.getOrDefault(group, 0);
			if (n > 0 && n < ProgrammeReport.MINIMUM_GROUP) {
				withheld.add(group);
			}
		}
		if (withheld.size() == 1) {
			SexGroup partner = recorded.stream()
				.filter((g) -> !withheld.contains(g) && enrolled.getOrDefault(g, 0) > 0)
				.min(Comparator.comparingInt((SexGroup g) -> enrolled.get(g)))
				.orElse(enrolled.getOrDefault(SexGroup.UNKNOWN, 0) > 0 ? SexGroup.UNKNOWN : null);
			if (partner != null) {
				withheld.add(partner);
			}
		}
		return withheld;
	}

	private record Counter(Map<Long, SexGroup> groupOf, Set<SexGroup> suppressed) {

		<T> Figure count(List<T> rows, Function<T, Long> user, Predicate<T> counted) {
			Map<SexGroup, Cell> groups = new EnumMap<>(SexGroup.class);
			for (SexGroup group : SexGroup.values()) {
				groups.put(group, this.suppressed.contains(group) ? Cell.SUPPRESSED
						: Cell.of(rows.stream().filter((r) -> group(user.apply(r)) == group).filter(counted).count()));
			}
			return new Figure(Cell.of(rows.stream().filter(counted).count()), groups);
		}

		Figure average(List<Outcome> rows, Predicate<Outcome> base, ToDoubleFunction<Outcome> value) {
			List<Outcome> counted = rows.stream().filter(base).toList();
			Map<SexGroup, Cell> groups = new EnumMap<>(SexGroup.class);
			for (SexGroup group : SexGroup.values()) {
				List<Outcome> in = counted.stream().filter((o) -> group(o.userId()) == group).toList();
				Cell cell;
				if (this.suppressed.contains(group)) {
					cell = Cell.SUPPRESSED;
				}
				else if (in.isEmpty()) {
					cell = Cell.NONE;
				}
				else if (in.size() < ProgrammeReport.MINIMUM_GROUP) {
					cell = Cell.SUPPRESSED;
				}
				else {
					cell = Cell.of(in.stream().mapToDouble(value).average().orElseThrow());
				}
				groups.put(group, cell);
			}
			Cell total = counted.isEmpty() ? Cell.NONE
					: Cell.of(counted.stream().mapToDouble(value).average().orElseThrow());
			return new Figure(total, groups);
		}

		private SexGroup group(long userId) {
			return this.groupOf.getOrDefault(userId, SexGroup.UNKNOWN);
		}

	}

}
