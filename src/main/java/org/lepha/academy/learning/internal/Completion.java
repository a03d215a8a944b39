package org.lepha.academy.learning.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.lepha.academy.learning.ModuleCompleted;
import org.lepha.academy.learning.ModuleStatus;

import org.lepha.academy.content.Lesson;
import org.lepha.academy.content.LessonSection;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.content.Rating;
import org.lepha.academy.content.Scenario;
import org.lepha.academy.learning.internal.ScenarioRunRepository.StoredRun;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A module's completion rule applied to a cadet's recorded progress: status, share done,
 * and the one-time completion that publishes {@link ModuleCompleted}. Called inside the
 * learning services' transactions.
 */
@Component
public class Completion {

	private final ProgressRepository progress;

	private final QuizAttemptRepository attempts;

	private final ScenarioRunRepository runs;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	public Completion(ProgressRepository progress, QuizAttemptRepository attempts, ScenarioRunRepository runs,
			ApplicationEventPublisher events, Clock clock) {
		this.progress = progress;
		this.attempts = attempts;
		this.runs = runs;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records the completion once, when the module's rule is met, and announces it as
	 * {@link ModuleCompleted}.
	 */
	public void check(long user, Module module) {
		if (progress.completedAt(user, module.id()).isPresent() || !meetsRule(user, module)) {
			return;
		}
		Instant now = clock.instant();
		if (progress.recordCompletion(user, module.id(), now)) {
			events.publishEvent(new ModuleCompleted(user, module.id(), now));
		}
	}

	private boolean meetsRule(long user, Module module) {
		var rule = module.completion();
		if (rule.allLessons()) {
			Set<ProgressRepository.SectionRef> viewed = new HashSet<>(progress.viewedSections(user, module.id()));
			for (Lesson lesson : module.lessons()) {
				for (LessonSection section : lesson.sections()) {
					if (!viewed.contains(new ProgressRepository.SectionRef(lesson.id(), section.id()))) {
						return false;
					}
				}
			}
		}
		if (rule.quizPassed() && attempts.attempts(user, module.id(), QuizKind.POST)
			.stream()
			.noneMatch((a) -> Boolean.TRUE.equals(a.passed()))) {
			return false;
		}
		if (rule.scenarioMinimum() != null) {
			for (Scenario scenario : module.scenarios()) {
				Optional<Rating> best = bestRating(runs.runs(user, module.id(), scenario.id()));
				if (best.isEmpty() || (!rule.anyEnding() && !best.get().atLeast(rule.scenarioMinimum()))) {
					return false;
				}
			}
		}
		return true;
	}

	/** Not started, in progress or completed. */
	public ModuleStatus status(long user, Module module) {
		if (progress.completedAt(user, module.id()).isPresent()) {
			return ModuleStatus.COMPLETED;
		}
		boolean started = !progress.viewedSections(user, module.id()).isEmpty()
				|| !attempts.attempts(user, module.id(), QuizKind.POST).isEmpty()
				|| !runs.runs(user, module.id()).isEmpty();
		return started ? ModuleStatus.IN_PROGRESS : ModuleStatus.NOT_STARTED;
	}

	/**
	 * Share of the rule's steps done: each lesson section, the quiz and each scenario
	 * count one.
	 */
	public int progressPercent(long user, Module module) {
		if (progress.completedAt(user, module.id()).isPresent()) {
			return 100;
		}
		int total = 0;
		int done = 0;
		var rule = module.completion();
		if (rule.allLessons()) {
			Set<ProgressRepository.SectionRef> viewed = new HashSet<>(progress.viewedSections(user, module.id()));
			for (Lesson lesson : module.lessons()) {
				for (LessonSection section : lesson.sections()) {
					total++;
					done += viewed.contains(new ProgressRepository.SectionRef(lesson.id(), section.id())) ? 1 : 0;
				}
			}
		}
		if (rule.quizPassed()) {
			total++;
			done += attempts.attempts(user, module.id(), QuizKind.POST)
				.stream()
				.anyMatch((a) -> Boolean.TRUE.equals(a.passed())) ? 1 : 0;
		}
		if (rule.scenarioMinimum() != null) {
			for (Scenario scenario : module.scenarios()) {
				total++;
				Optional<Rating> best = bestRating(runs.runs(user, module.id(), scenario.id()));
				done += best.isPresent() && (rule.anyEnding() || best.get().atLeast(rule.scenarioMinimum())) ? 1 : 0;
			}
		}
		return total == 0 ? 0 : 100 * done / total;
	}

	/** The best rating among the ended runs. */
	public static Optional<Rating> bestRating(List<StoredRun> stored) {
		return stored.stream()
			.filter(StoredRun::ended)
			.map((r) -> Rating.valueOf(r.rating()))
			.min(java.util.Comparator.comparingInt(Rating::ordinal));
	}

}
