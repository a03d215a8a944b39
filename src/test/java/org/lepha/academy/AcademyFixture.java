package org.lepha.academy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.cohorts.NewCohort;
import org.lepha.academy.learning.GivenAnswer;
import org.lepha.academy.learning.LearningService;
import org.lepha.academy.learning.ScenarioService;
import org.lepha.academy.learning.LessonReader;
import org.lepha.academy.learning.QuizService;
import org.lepha.academy.learning.QuizSession;
import org.lepha.academy.learning.ScenarioView;
import org.lepha.academy.learning.internal.ProgressRepository;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The world most tests start from, built through the application's own services: an
 * academy, its trainers and cadets, a cohort with the example module assigned, signing in
 * as any of them, and a cadet completing the module. Names count up from the current
 * time, so reruns on the kept test database never collide.
 */
public final class AcademyFixture {

	/** The module of the test course ({@code src/test/resources/content-valid}). */
	public static final String MODULE = "example-module";

	/** The lesson pages of {@link #MODULE}, in reading order. */
	public static final List<List<String>> PAGES = List.of(List.of("signs-of-overdose", "what-it-looks-like"),
			List.of("signs-of-overdose", "minutes-matter"), List.of("first-steps", "call-for-help"));

	/** A fully correct answer to every question of {@link #MODULE}'s bank. */
	public static final Map<String, GivenAnswer> CORRECT_ANSWERS = Map.of("naloxone-effect",
			new GivenAnswer.Choices(Set.of("reverses")), "signs",
			new GivenAnswer.Choices(Set.of("slow-breathing", "pinpoint")), "arrest-at-scene",
			new GivenAnswer.TrueFalse(false), "match-services",
			new GivenAnswer.Matches(Map.of("nsp", "nsp", "oat", "oat")), "order-steps",
			new GivenAnswer.Order(List.of("safety", "call", "naloxone")));

	private static final AtomicLong COUNTER = new AtomicLong(System.currentTimeMillis());

	private final UserAccountService accounts;

	private final CohortService cohorts;

	private final UserDetailsService userDetails;

	private final LearningService learning;

	private final QuizService quizzes;

	private final LessonReader reader;

	private final ScenarioService scenarios;

	private final ProgressRepository progress;

	/**
	 * @param context the application (a test context or a node of its own)
	 */
	public AcademyFixture(BeanFactory context) {
		this.accounts = context.getBean(UserAccountService.class);
		this.cohorts = context.getBean(CohortService.class);
		this.userDetails = context.getBean(UserDetailsService.class);
		this.learning = context.getBean(LearningService.class);
		this.quizzes = context.getBean(QuizService.class);
		this.reader = context.getBean(LessonReader.class);
		this.scenarios = context.getBean(ScenarioService.class);
		this.progress = context.getBean(ProgressRepository.class);
	}

	public static String unique(String prefix) {
		return prefix + COUNTER.incrementAndGet();
	}

	public Academy academy() {
		return SystemAccess.asAdministrator(() -> this.cohorts.createAcademy(unique("Academy ")));
	}

	public UserAccount user(Role role, Academy academy, String fullName) {
		return SystemAccess.asAdministrator(
				() -> this.accounts.createUser(new NewUser(unique(role.name().toLowerCase(Locale.ROOT) + "."), fullName,
						null, Locale.ENGLISH, Set.of(role), academy.id(), "fixture-password-1", false)));
	}

	/** A cohort run by the trainer, with no cadets and nothing assigned yet. */
	public CohortSummary cohort(Academy academy, UserAccount trainer) {
		return SystemAccess.asAdministrator(() -> this.cohorts.createCohort(new NewCohort(academy.id(),
				unique("Cohort "), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 20), Set.of(trainer.id()))));
	}

	public void enrol(CohortSummary cohort, UserAccount cadet) {
		SystemAccess.asAdministrator(() -> {
			this.cohorts.enrol(cohort.id(), cadet.id());
			return null;
		});
	}

	/** Assigns {@link #MODULE}, due in a week. */
	public void assignTheModule(CohortSummary cohort) {
		SystemAccess.asAdministrator(() -> {
			this.cohorts.assign(cohort.id(), MODULE, LocalDate.now().plusDays(7));
			return null;
		});
	}

	/** Signs in on this thread, as a login would, replacing whoever was signed in. */
	public void signInAs(UserAccount user) {
		var details = this.userDetails.loadUserByUsername(user.username());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
		SecurityContextHolder.setContext(context);
	}

	public static void signOut() {
		SecurityContextHolder.clearContext();
	}

	/**
	 * The signed-in cadet does everything {@link #MODULE}'s completion rule asks but read
	 * the last lesson page: the other pages read, the quiz passed with every answer
	 * right, the scenario ended well.
	 * @return the quiz attempt's id and the scenario run's id
	 */
	public Completed completeAllButTheLastPage() {
		for (List<String> page : PAGES.subList(0, PAGES.size() - 1)) {
			reader.openSection(MODULE, page.get(0), page.get(1), Locale.ENGLISH);
		}
		QuizSession quiz = quizzes.startQuiz(MODULE, QuizKind.POST, Locale.ENGLISH);
		for (QuizSession.QuestionView question : quiz.questions()) {
			quizzes.saveAnswer(quiz.attemptId(), question.id(), CORRECT_ANSWERS.get(question.id()));
		}
		quizzes.submitQuiz(quiz.attemptId(), Locale.ENGLISH);
		ScenarioView view = scenarios.startScenario(MODULE, "overdose-call", Locale.ENGLISH);
		view = scenarios.choose(view.runId(), "check-kit", Locale.ENGLISH);
		scenarios.choose(view.runId(), "give-naloxone", Locale.ENGLISH);
		return new Completed(quiz.attemptId(), view.runId());
	}

	/** The signed-in cadet reads the last lesson page of {@link #MODULE}. */
	public void readTheLastPage() {
		List<String> last = PAGES.getLast();
		reader.openSection(MODULE, last.get(0), last.get(1), Locale.ENGLISH);
	}

	/**
	 * The signed-in cadet completes {@link #MODULE} (the last page read last).
	 * @return the quiz attempt's id and the scenario run's id
	 */
	public Completed completeTheModule() {
		Completed completed = completeAllButTheLastPage();
		readTheLastPage();
		return completed;
	}

	/**
	 * A new cadet of the cohort who has completed {@link #MODULE} (the completion
	 * recorded directly, for tests about what comes after it), signed in.
	 */
	public UserAccount completedCadet(Academy academy, CohortSummary cohort, String fullName) {
		UserAccount cadet = user(Role.CADET, academy, fullName);
		enrol(cohort, cadet);
		this.progress.recordCompletion(cadet.id(), MODULE, java.time.Instant.now());
		signInAs(cadet);
		return cadet;
	}

	/** What completing the module left behind. */
	public record Completed(long attemptId, long runId) {
	}

}
