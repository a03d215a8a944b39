package org.lepha.academy.learning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.Quiz;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.content.Rating;
import org.lepha.academy.content.ResolvedText;
import org.lepha.academy.learning.internal.ProgressRepository;
import org.lepha.academy.learning.internal.QuizAttemptRepository;
import org.lepha.academy.learning.internal.QuizAttemptRepository.StoredAttempt;
import org.lepha.academy.learning.internal.ScenarioRunRepository;
import org.lepha.academy.learning.internal.ScenarioRunRepository.StoredRun;
import org.lepha.academy.security.UserAccountService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.lepha.academy.learning.internal.Completion;
import org.lepha.academy.learning.internal.LearningContent;
import org.lepha.academy.learning.internal.QuizRules;

/**
 * The cadet's home and a module's overview: what is assigned, how far the cadet has got,
 * where to resume. Reading, quizzes and scenarios have their own services
 * ({@link LessonReader}, {@link QuizService}, {@link ScenarioService}); every step is
 * written to the database when it happens, keyed by content ids and never by language.
 */
@Service
public class LearningService {

	private final ContentCatalog content;

	private final LearningContent lookup;

	private final ProgressRepository progress;

	private final QuizAttemptRepository attempts;

	private final ScenarioRunRepository runs;

	private final CadetAssignments assignments;

	private final Completion completion;

	private final Clock clock;

	public LearningService(ContentCatalog content, LearningContent lookup, ProgressRepository progress,
			QuizAttemptRepository attempts, ScenarioRunRepository runs, CadetAssignments assignments,
			Completion completion, Clock clock) {
		this.content = content;
		this.lookup = lookup;
		this.progress = progress;
		this.attempts = attempts;
		this.runs = runs;
		this.assignments = assignments;
		this.completion = completion;
		this.clock = clock;
	}

	/** Assigned modules first (by due date), then the other published modules. */
	@PreAuthorize("hasRole('CADET')")
	@Transactional(readOnly = true)
	public List<ModuleCard> myModules(Locale locale) {
		long user = UserAccountService.requireCurrentUserId();
		Map<String, LocalDate> assigned = new LinkedHashMap<>();
		assignments.forCurrentCadet().forEach((a) -> assigned.put(a.moduleId(), a.dueDate()));
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
		List<ModuleCard> cards = new ArrayList<>();
		for (Module module : content.modules()) {
			boolean isAssigned = assigned.containsKey(module.id());
			LocalDate due = assigned.get(module.id());
			ModuleStatus status = completion.status(user, module);
			ResolvedText title = lookup.text(module, module.title(), locale);
			cards.add(new ModuleCard(module.id(), title.text(), lookup.text(module, module.summary(), locale).text(),
					module.estimatedMinutes(), isAssigned, due,
					due != null && today.isAfter(due) && status != ModuleStatus.COMPLETED, status,
					completion.progressPercent(user, module), title.isFallback()));
		}
		cards.sort(java.util.Comparator.comparing((ModuleCard c) -> !c.assigned())
			.thenComparing((c) -> c.dueDate() == null ? LocalDate.MAX : c.dueDate()));
		return cards;
	}

	@PreAuthorize("hasRole('CADET')")
	@Transactional(readOnly = true)
	public ModuleOverview overview(String moduleId, Locale locale) {
		long user = UserAccountService.requireCurrentUserId();
		Module module = lookup.module(moduleId);
		Set<ProgressRepository.SectionRef> viewed = new HashSet<>(progress.viewedSections(user, moduleId));
		List<ModuleOverview.LessonProgress> lessons = module.lessons()
			.stream()
			.map((l) -> new ModuleOverview.LessonProgress(l.id(), lookup.text(module, l.title(), locale).text(),
					(int) l.sections()
						.stream()
						.filter((s) -> viewed.contains(new ProgressRepository.SectionRef(l.id(), s.id())))
						.count(),
					l.sections().size()))
			.toList();
		List<StoredAttempt> quizAttempts = attempts.attempts(user, moduleId, QuizKind.POST);
		Quiz quiz = module.quiz();
		Integer best = quizAttempts.stream()
			.filter(StoredAttempt::submitted)
			.map(StoredAttempt::scorePercent)
			.max(Integer::compare)
			.orElse(null);
		boolean passed = quizAttempts.stream().anyMatch((a) -> Boolean.TRUE.equals(a.passed()));
		boolean open = quizAttempts.stream().anyMatch((a) -> !a.submitted() && !QuizRules.expired(a, clock.instant()));
		ModuleOverview.QuizProgress quizProgress = new ModuleOverview.QuizProgress(
				(int) quizAttempts.stream().filter(StoredAttempt::submitted).count(),
				QuizRules.attemptsLeft(quiz, quizAttempts), best, passed, quiz.passMark(), quiz.timeLimitMinutes(),
				open);
		List<ModuleOverview.ScenarioProgress> scenarios = module.scenarios().stream().map((s) -> {
			List<StoredRun> stored = runs.runs(user, moduleId, s.id());
			String bestRating = Completion.bestRating(stored).map(Rating::name).orElse(null);
			return new ModuleOverview.ScenarioProgress(s.id(), lookup.text(module, s.title(), locale).text(),
					bestRating, stored.stream().anyMatch((r) -> !r.ended()));
		}).toList();
		LessonPage.SectionRef resume = progress.position(user, moduleId)
			.map((p) -> new LessonPage.SectionRef(p.lessonId(), p.sectionId()))
			.orElseGet(() -> firstSection(module));
		boolean preTestOffered = quiz.preTestDrawCount() != null
				&& attempts.attempts(user, moduleId, QuizKind.PRE).isEmpty() && viewed.isEmpty();
		return new ModuleOverview(moduleId, lookup.text(module, module.title(), locale).text(),
				lookup.text(module, module.summary(), locale).text(),
				module.objectives().stream().map((o) -> lookup.text(module, o.text(), locale).text()).toList(), lessons,
				quizProgress, scenarios, completion.status(user, module),
				progress.completedAt(user, moduleId).orElse(null), resume, preTestOffered,
				content.awaitsReview(moduleId, locale));
	}

	private static LessonPage.SectionRef firstSection(Module module) {
		return module.lessons()
			.stream()
			.flatMap((l) -> l.sections().stream().map((s) -> new LessonPage.SectionRef(l.id(), s.id())))
			.findFirst()
			.orElse(null);
	}

}
