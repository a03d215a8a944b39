package org.lepha.academy.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.cohorts.ui.TrainerHomeView;
import org.lepha.academy.exams.ExamSessions;
import org.lepha.academy.learning.ui.CadetHomeView;
import org.lepha.academy.security.SecurityWorld.Caller;
import org.lepha.academy.security.ui.LoginView;
import org.lepha.academy.security.ui.UsersView;
import org.lepha.academy.translation.ui.TranslatorHomeView;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Vaadin route of the application, opened (browserless, through Vaadin's real
 * navigation and access checks) by each of the five kinds of caller, against the table
 * below. The routes are found by scanning the classes for {@code @Route} and
 * {@code @RouteAlias}: a new route without a row fails the test. Route parameters are the
 * caller's own objects, so a refusal is a refusal of the role.
 */
@IntegrationTest
class AccessMatrixTests extends SpringBrowserlessTest {

	/** Where a caller ends up after asking for a route. */
	enum Landing {

		/** The route's own view. */
		ROUTE,
		/** The login view. */
		LOGIN,
		/** The caller's own start view. */
		HOME,
		/** Anything but the route's view (Vaadin's access-denied or not-found view). */
		REFUSED

	}

	private static final Set<Caller> CADET = EnumSet.of(Caller.CADET);

	private static final Set<Caller> TRAINERS = EnumSet.of(Caller.TRAINER, Caller.ADMIN);

	private static final Set<Caller> TRANSLATORS = EnumSet.of(Caller.TRANSLATOR, Caller.ADMIN);

	private static final Set<Caller> ADMIN = EnumSet.of(Caller.ADMIN);

	private static final Set<Caller> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));

	private static final Map<Caller, Class<?>> HOMES = Map.of(Caller.ANONYMOUS, LoginView.class, Caller.CADET,
			CadetHomeView.class, Caller.TRAINER, TrainerHomeView.class, Caller.TRANSLATOR, TranslatorHomeView.class,
			Caller.ADMIN, UsersView.class);

	private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z]+)");

	@Autowired
	ApplicationContext context;

	private static SecurityWorld world;

	/** An exam session of the world's cohort, for the monitor's route. */
	private static long examSession;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	/** Route template to where each caller lands. */
	private static Map<String, Map<Caller, Landing>> table() {
		Map<String, Map<Caller, Landing>> t = new LinkedHashMap<>();
		Map<Caller, Landing> home = new EnumMap<>(Caller.class);
		for (Caller caller : Caller.values()) {
			home.put(caller, caller == Caller.ANONYMOUS ? Landing.LOGIN : Landing.HOME);
		}
		t.put("", home);
		Map<Caller, Landing> login = new EnumMap<>(Caller.class);
		for (Caller caller : Caller.values()) {
			// Signed-in users asking for the login page are sent to their start view.
			login.put(caller, caller == Caller.ANONYMOUS ? Landing.ROUTE : Landing.HOME);
		}
		t.put("login", login);
		t.put("no-role", allowed(SIGNED_IN));
		t.put("password", allowed(SIGNED_IN));
		t.put("learn", allowed(CADET));
		t.put("learn/:moduleId", allowed(CADET));
		t.put("learn/:moduleId/lesson/:lessonId", allowed(CADET));
		t.put("learn/:moduleId/lesson/:lessonId/:sectionId", allowed(CADET));
		t.put("learn/:moduleId/quiz/:kind", allowed(CADET));
		t.put("learn/:moduleId/scenario/:scenarioId", allowed(CADET));
		t.put("certificates", allowed(CADET));
		t.put("books", allowed(EnumSet.of(Caller.CADET, Caller.TRAINER, Caller.ADMIN)));
		t.put("cohorts", allowed(TRAINERS));
		t.put("cohorts/:cohortId", allowed(TRAINERS));
		t.put("cohorts/:cohortId/cadet/:userId", allowed(TRAINERS));
		t.put("cohorts/:cohortId/certificates", allowed(TRAINERS));
		t.put("cohorts/:cohortId/exams", allowed(TRAINERS));
		t.put("exams/:sessionId/monitor", allowed(TRAINERS));
		t.put("classroom", allowed(TRAINERS));
		t.put("classroom/projector", allowed(TRAINERS));
		t.put("classroom/join", allowed(CADET));
		t.put("classroom/room", allowed(CADET));
		t.put("cohorts/:cohortId/report", allowed(TRAINERS));
		t.put("reports", allowed(TRAINERS));
		t.put("translate", allowed(TRANSLATORS));
		t.put("translate/:moduleId/:locale", allowed(TRANSLATORS));
		t.put("translate/ui/:locale", allowed(TRANSLATORS));
		t.put("admin/users", allowed(ADMIN));
		t.put("admin/academies", allowed(ADMIN));
		t.put("admin/certificate-design", allowed(ADMIN));
		t.put("admin/audit", allowed(ADMIN));
		t.put("admin/content", allowed(ADMIN));
		return t;
	}

	private static Map<Caller, Landing> allowed(Set<Caller> callers) {
		Map<Caller, Landing> row = new EnumMap<>(Caller.class);
		for (Caller caller : Caller.values()) {
			row.put(caller, callers.contains(caller) ? Landing.ROUTE
					: caller == Caller.ANONYMOUS ? Landing.LOGIN : Landing.REFUSED);
		}
		return row;
	}

	@Test
	void everyRouteHasARowAndEveryCallerLandsWhereTheTableSays() {
		if (world == null) {
			world = new SecurityWorld(context).build();
		}
		if (examSession == 0) {
			// Scheduled for tomorrow: it changes nothing for the world's cadet today.
			examSession = SystemAccess.asAdministrator(() -> context.getBean(ExamSessions.class)
				.open(world.cohort.id(), SecurityWorld.MODULE, Instant.now().plus(Duration.ofDays(1)),
						Instant.now().plus(Duration.ofDays(2)), false)
				.id());
		}
		Map<String, Class<?>> routes = routes();
		assertThat(routes).as("routes found by scanning").hasSizeGreaterThan(15);
		assertThat(table().keySet()).as("every @Route and @RouteAlias needs a row in AccessMatrixTests.table()")
			.containsAll(routes.keySet());
		assertThat(routes.keySet()).as("rows for routes that no longer exist").containsAll(table().keySet());

		List<String> wrong = new ArrayList<>();
		for (Caller caller : Caller.values()) {
			// A fresh Vaadin session for each caller, as after signing in.
			cleanVaadinEnvironment();
			world.signInAs(caller);
			initVaadinEnvironment();
			for (Map.Entry<String, Class<?>> route : routes.entrySet()) {
				Landing expected = table().get(route.getKey()).get(caller);
				String path = path(route.getKey());
				Class<?> landedOn;
				try {
					UI.getCurrent().navigate(path);
					HasElement view = getCurrentView();
					landedOn = view == null ? null : view.getClass();
					// Views are checked by Vaadin's navigation access control, not by
					// Spring method security: a proxied view costs half the CPU of a quiz
					// start (docs/performance.md, "Exam day").
					if (view != null && AopUtils.isAopProxy(view)) {
						wrong.add(caller + " /" + path + ": the view is an AOP proxy");
					}
				}
				catch (RuntimeException ex) {
					wrong.add(caller + " /" + path + ": navigation failed with " + ex);
					continue;
				}
				Landing actual = landing(route.getValue(), landedOn, caller);
				if (actual != expected) {
					wrong.add(caller + " /" + path + ": expected " + expected + " but landed on "
							+ (landedOn == null ? "nothing" : landedOn.getSimpleName()) + " (" + actual + ")");
				}
			}
		}
		assertThat(wrong).as("navigations that differ from the table").isEmpty();
	}

	@Test
	void aTrainerOpeningAnotherTrainersCohortPagesSeesNone() {
		if (world == null) {
			world = new SecurityWorld(context).build();
		}
		cleanVaadinEnvironment();
		world.signInAs(Caller.TRAINER);
		initVaadinEnvironment();
		long other = world.otherCohort.id();
		long otherCadet = world.otherCadet.id();
		List<String> shown = new ArrayList<>();
		long otherSession = SystemAccess.asAdministrator(() -> context.getBean(ExamSessions.class)
			.open(other, SecurityWorld.MODULE, Instant.now().plus(Duration.ofDays(1)),
					Instant.now().plus(Duration.ofDays(2)), false)
			.id());
		for (String path : List.of("cohorts/" + other, "cohorts/" + other + "/cadet/" + otherCadet,
				"cohorts/" + other + "/certificates", "cohorts/" + world.cohort.id() + "/cadet/" + otherCadet,
				"cohorts/" + other + "/exams", "exams/" + otherSession + "/monitor", "cohorts/" + other + "/report")) {
			UI.getCurrent().navigate(path);
			HasElement view = getCurrentView();
			String name = view == null ? "nothing" : view.getClass().getName();
			// Refused means: not one of the cohort views, which would show the cohort.
			if (name.startsWith("org.lepha.academy.cohorts.ui.Cohort")
					|| name.startsWith("org.lepha.academy.cohorts.ui.CadetDetail")
					|| name.startsWith("org.lepha.academy.certificates.ui.CohortCertificates")
					|| name.startsWith("org.lepha.academy.exams.ui.Exam")
					|| name.startsWith("org.lepha.academy.reports.ui.ProgrammeReport")) {
				shown.add(path + " -> " + name);
			}
		}
		assertThat(shown).as("another trainer's cohort pages opened").isEmpty();
	}

	private static Landing landing(Class<?> routeView, Class<?> landedOn, Caller caller) {
		if (landedOn == null) {
			return Landing.REFUSED;
		}
		// The start route ("") only forwards: landing on it is not reaching anything.
		if (!routeView.getAnnotation(Route.class).value().isEmpty() && routeView.isAssignableFrom(landedOn)) {
			return Landing.ROUTE;
		}
		if (landedOn == LoginView.class) {
			return Landing.LOGIN;
		}
		if (caller != Caller.ANONYMOUS && HOMES.get(caller).isAssignableFrom(landedOn)) {
			return Landing.HOME;
		}
		return Landing.REFUSED;
	}

	/** A route filled with the caller's own objects. */
	private static String path(String template) {
		Map<String, String> values = Map.of("cohortId", String.valueOf(world.cohort.id()), "userId",
				String.valueOf(world.user(Caller.CADET).id()), "moduleId", SecurityWorld.MODULE, "lessonId",
				"signs-of-overdose", "sectionId", "what-it-looks-like", "kind", "post", "scenarioId", "overdose-call",
				"locale", SecurityWorld.DARI.toLanguageTag(), "sessionId", String.valueOf(examSession));
		Matcher m = PARAMETER.matcher(template);
		StringBuilder path = new StringBuilder();
		while (m.find()) {
			String value = values.get(m.group(1));
			assertThat(value).as("a value for route parameter %s in AccessMatrixTests.path()", m.group(1)).isNotNull();
			m.appendReplacement(path, value);
		}
		m.appendTail(path);
		return path.toString();
	}

	/** Every route template (and alias) of the application and its view. */
	static Map<String, Class<?>> routes() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
		Map<String, Class<?>> routes = new TreeMap<>();
		for (var candidate : scanner.findCandidateComponents("org.lepha.academy")) {
			Class<?> view;
			try {
				view = Class.forName(candidate.getBeanClassName());
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException(ex);
			}
			routes.put(view.getAnnotation(Route.class).value(), view);
			for (RouteAlias alias : view.getAnnotationsByType(RouteAlias.class)) {
				routes.put(alias.value(), view);
			}
		}
		return routes;
	}

	static Set<String> templates() {
		return new TreeSet<>(routes().keySet());
	}

}
