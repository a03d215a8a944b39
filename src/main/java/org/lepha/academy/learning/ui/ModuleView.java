package org.lepha.academy.learning.ui;

import java.time.Clock;
import java.time.Instant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.learning.LearningService;
import org.lepha.academy.learning.ModuleOverview;
import org.lepha.academy.learning.QuizService;
import org.lepha.academy.security.Role;

/**
 * A module's page: objectives, lessons with progress, the quiz and the scenarios, and
 * where to continue.
 */
@Route("learn/:moduleId")
@RolesAllowed(Role.Names.CADET)
class ModuleView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	private final LearningService learning;

	private final LocalizedFormats formats;

	/** Only for the exam session of the module's quiz, when there is one. */
	private final QuizService quizzes;

	private final Clock clock;

	private String title = "";

	ModuleView(LearningService learning, LocalizedFormats formats, QuizService quizzes, Clock clock) {
		this.learning = learning;
		this.formats = formats;
		this.quizzes = quizzes;
		this.clock = clock;
		addClassName("module-view");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		String moduleId = event.getRouteParameters().get("moduleId").orElse("");
		ModuleOverview m = learning.overview(moduleId, getLocale());
		title = m.title();
		removeAll();
		add(new H1(m.title()), new Paragraph(m.summary()));
		if (m.translationAwaitsReview()) {
			// Drafts beat English for a reader of this language, but the reader should
			// know.
			Paragraph note = new Paragraph(getTranslation("module.translationAwaitsReview"));
			note.addClassName("translation-note");
			note.setId("translation-note");
			add(note);
		}
		Span status = new Span(getTranslation("status." + m.status().name()));
		status.setId("module-status");
		status.getElement().getThemeList().add("badge" + (m.completedAt() != null ? " success" : ""));
		add(status);
		if (m.completedAt() != null) {
			add(new Paragraph(getTranslation("module.completedOn",
					formats.dateTime(m.completedAt(), java.time.ZoneId.systemDefault(), getLocale()))));
		}
		add(EvaluationCard.of(moduleId));
		add(new H2(getTranslation("module.objectives")));
		UnorderedList objectives = new UnorderedList();
		m.objectives().forEach((o) -> objectives.add(new ListItem(o)));
		add(objectives);

		if (m.preTestOffered()) {
			add(new Paragraph(getTranslation("module.preTestExplain")));
			add(navButton("module.preTest", "pretest", QuizView.class, quizParams(moduleId, QuizKind.PRE)));
		}

		add(new H2(getTranslation("module.lessons")));
		UnorderedList lessons = new UnorderedList();
		for (ModuleOverview.LessonProgress lesson : m.lessons()) {
			lessons.add(new ListItem(getTranslation("module.lessonProgress", lesson.title(), lesson.sectionsViewed(),
					lesson.sections())));
		}
		add(lessons);
		if (m.resume() != null) {
			add(navButton("module.continueReading", "continue-reading", LessonView.class,
					new RouteParameters(java.util.Map.of("moduleId", moduleId, "lessonId", m.resume().lessonId(),
							"sectionId", m.resume().sectionId()))));
		}

		add(new H2(getTranslation("module.quiz")));
		ModuleOverview.QuizProgress quiz = m.quiz();
		add(new Paragraph(getTranslation("module.quizRules", quiz.passMark(),
				quiz.attemptsLeft() < 0 ? getTranslation("module.unlimited") : String.valueOf(quiz.attemptsLeft()))));
		if (quiz.timeLimitMinutes() != null) {
			add(new Paragraph(getTranslation("module.timeLimit", quiz.timeLimitMinutes())));
		}
		if (quiz.bestScore() != null) {
			add(new Paragraph(
					getTranslation(quiz.passed() ? "module.quizPassed" : "module.quizBest", quiz.bestScore())));
		}
		if (quiz.attemptOpen()) {
			add(navButton("module.resumeQuiz", "start-quiz", QuizView.class, quizParams(moduleId, QuizKind.POST)));
		}
		else {
			// Only without an open attempt: a started attempt is resumed whatever the
			// exam session says.
			var window = quizzes.myExamWindow(moduleId);
			if (window.isPresent()) {
				// The times here; the countdown, the code and Start in the exam room (the
				// quiz page), where Start needs no navigation.
				Instant now = clock.instant();
				Div times = ExamStart.times(window.get(), formats, now, getLocale());
				times.setId("exam-window");
				add(times);
				if (quiz.attemptsLeft() != 0 && !window.get().closedAt(now)) {
					if (window.get().scheduledAt(now)) {
						add(new Paragraph(getTranslation("examui.cadet.roomHint")));
					}
					add(navButton("examui.cadet.toRoom", "exam-room-link", QuizView.class,
							quizParams(moduleId, QuizKind.POST)));
				}
			}
			else if (quiz.attemptsLeft() != 0) {
				add(navButton("module.startQuiz", "start-quiz", QuizView.class, quizParams(moduleId, QuizKind.POST)));
			}
		}

		add(new H2(getTranslation("module.scenarios")));
		for (ModuleOverview.ScenarioProgress scenario : m.scenarios()) {
			HorizontalLayout row = new HorizontalLayout();
			row.add(new Span(scenario.title()));
			if (scenario.bestRating() != null) {
				row.add(new Span(
						getTranslation("module.bestEnding", getTranslation("rating." + scenario.bestRating()))));
			}
			row.add(navButton(
					scenario.runOpen() ? "module.resumeScenario"
							: scenario.bestRating() == null ? "module.startScenario" : "module.replayScenario",
					"start-scenario-" + scenario.scenarioId(), ScenarioPlayerView.class,
					new RouteParameters(java.util.Map.of("moduleId", moduleId, "scenarioId", scenario.scenarioId()))));
			add(row);
		}
	}

	static RouteParameters quizParams(String moduleId, QuizKind kind) {
		return new RouteParameters(
				java.util.Map.of("moduleId", moduleId, "kind", kind.name().toLowerCase(java.util.Locale.ROOT)));
	}

	private Button navButton(String key, String id, Class<? extends com.vaadin.flow.component.Component> view,
			RouteParameters parameters) {
		Button button = new Button(getTranslation(key),
				(e) -> getUI().ifPresent((ui) -> ui.navigate(view, parameters)));
		button.setId(id);
		button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		return button;
	}

	@Override
	public String getPageTitle() {
		return title;
	}

}
