package org.lepha.academy.learning.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.content.QuizKind;
import org.jspecify.annotations.Nullable;
import org.lepha.academy.learning.ExamWindows.ExamWindow;
import org.lepha.academy.learning.GivenAnswer;
import org.lepha.academy.learning.LearningException;
import org.lepha.academy.learning.QuizService;
import org.lepha.academy.learning.QuizResult;
import org.lepha.academy.learning.QuizSession;
import org.lepha.academy.security.Role;

/**
 * A quiz (or pre-test) attempt. Every answer is saved the moment it is given, so a reload
 * or a lost connection loses nothing; the deadline is enforced by the server.
 */
@Route("learn/:moduleId/quiz/:kind")
@RolesAllowed(Role.Names.CADET)
class QuizView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	private final QuizService quizzes;

	private final LocalizedFormats formats;

	private String moduleId;

	/**
	 * Each question's "Saved" line. The server writes "Saved" only after the answer is
	 * stored; the browser turns it to "Not saved yet" the moment the cadet changes the
	 * answer, so an answer given while the line is down is never shown as saved.
	 */
	private final Map<String, Span> savedMarkers = new java.util.HashMap<>();

	private final Clock clock;

	QuizView(QuizService quizzes, LocalizedFormats formats, Clock clock) {
		this.quizzes = quizzes;
		this.formats = formats;
		this.clock = clock;
		addClassName("quiz-view");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		moduleId = event.getRouteParameters().get("moduleId").orElse("");
		QuizKind kind = "pre".equals(event.getRouteParameters().get("kind").orElse("")) ? QuizKind.PRE : QuizKind.POST;
		try {
			var window = kind == QuizKind.POST ? quizzes.myExamWindow(moduleId) : Optional.<ExamWindow>empty();
			if (window.isEmpty()) {
				show(quizzes.startQuiz(moduleId, kind, getLocale()));
				return;
			}
			// An exam session: a started attempt is resumed whatever the session says;
			// otherwise the cadet waits here, in the exam room.
			Optional<QuizSession> open = quizzes.resumeQuiz(moduleId, kind, getLocale());
			if (open.isPresent()) {
				show(open.get());
			}
			else {
				showRoom(window.get());
			}
		}
		catch (LearningException ex) {
			removeAll();
			add(new Paragraph(getTranslation(ex.messageKey())), backButton());
		}
	}

	private void show(QuizSession session) {
		removeAll();
		savedMarkers.clear();
		if (onePerPage(session)) {
			ExamAttemptPages pages = examPages();
			add(pages);
			pages.begin(session, false);
			watchUnsavedChanges();
			return;
		}
		boolean pre = session.kind() == QuizKind.PRE;
		add(new H1(getTranslation(pre ? "quiz.preTestTitle" : "quiz.title", session.attemptNo())));
		if (session.submitted()) {
			showResult(session);
			return;
		}
		if (session.deadline() != null) {
			Paragraph deadline = new Paragraph(getTranslation("quiz.deadline",
					formats.dateTime(session.deadline(), ZoneId.systemDefault(), getLocale())));
			deadline.setId("quiz-deadline");
			add(deadline);
		}
		add(new AttemptPresence(quizzes, session.attemptId(), session.deadline()));
		int number = 1;
		for (QuizSession.QuestionView question : session.questions()) {
			add(questionBlock(session, question, number++));
		}
		watchUnsavedChanges();
		Button submit = new Button(getTranslation("quiz.submit"),
				(e) -> show(quizzes.submitQuiz(session.attemptId(), getLocale())));
		submit.setId("quiz-submit");
		submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		add(submit);
	}

	/**
	 * An exam session's attempt that can still be answered is shown a question at a time.
	 */
	private static boolean onePerPage(QuizSession session) {
		return session.inExamSession() && !session.submitted() && !session.questions().isEmpty();
	}

	/**
	 * An exam session's attempt: one question at a time (a new page clears the markers).
	 */
	private ExamAttemptPages examPages() {
		return new ExamAttemptPages(quizzes, formats, (session, question, number) -> {
			savedMarkers.clear();
			return questionBlock(session, question, number);
		}, this::show);
	}

	/**
	 * The exam room, with the attempt's pages built and hidden below it, and the prepared
	 * attempt's first question built in them and kept on the server (invisible): Start
	 * removes the room and shows that question, with no navigation and nothing to build.
	 */
	private void showRoom(ExamWindow window) {
		removeAll();
		savedMarkers.clear();
		Div room = new Div(new H1(getTranslation("examui.cadet.roomTitle")));
		ExamAttemptPages pages = examPages();
		if (!window.closedAt(clock.instant())) {
			quizzes.preparedAttempt(moduleId, getLocale()).ifPresent(pages::prepare);
		}
		room.add(new ExamStart(moduleId, window, quizzes, formats, clock, (session) -> {
			if (onePerPage(session)) {
				room.removeFromParent();
				pages.begin(session, true);
			}
			else {
				show(session);
			}
		}), backButton());
		add(room, pages);
		watchUnsavedChanges();
	}

	private Div questionBlock(QuizSession session, QuizSession.QuestionView question, int number) {
		Div block = new Div();
		block.addClassName("quiz-question");
		block.setId("question-" + question.id());
		H2 heading = new H2(getTranslation("quiz.questionNumber", number) + " " + question.text());
		heading.addClassName("question-text");
		block.add(heading);
		if (question.englishFallback()) {
			Span marker = new Span(getTranslation("learning.englishFallback"));
			marker.addClassName("fallback-marker");
			block.add(marker);
		}
		GivenAnswer given = session.answers().get(question.id());
		switch (question.type()) {
			case SINGLE -> singleChoice(block, session, question, given);
			case MULTIPLE -> multipleChoice(block, session, question, given);
			case TRUE_FALSE -> trueFalse(block, session, question, given);
			case MATCHING -> matching(block, session, question, given);
			case ORDERING -> block.add(orderingList(session, question, given));
		}
		Span saved = new Span(given != null ? getTranslation("network.answerSaved") : "");
		saved.addClassName("answer-saved");
		saved.setId("saved-" + question.id());
		saved.getElement().setAttribute("aria-live", "polite");
		savedMarkers.put(question.id(), saved);
		block.add(saved);
		return block;
	}

	private void singleChoice(Div block, QuizSession session, QuizSession.QuestionView question,
			@Nullable GivenAnswer given) {
		choices(block, session, question, given, false);
	}

	private void multipleChoice(Div block, QuizSession session, QuizSession.QuestionView question,
			@Nullable GivenAnswer given) {
		choices(block, session, question, given, true).hint(getTranslation("quiz.chooseAll"));
	}

	/**
	 * Single and multiple choice: the browser sends positions, which stand for the drawn
	 * question's options in the order shown. An answer that cannot be saved is put back
	 * by the field itself.
	 */
	private ChoiceOptions choices(Div block, QuizSession session, QuizSession.QuestionView question,
			@Nullable GivenAnswer given, boolean multiple) {
		List<QuizSession.Choice> options = question.choices();
		Set<String> before = given instanceof GivenAnswer.Choices c ? c.optionIds() : Set.of();
		List<Integer> chosen = new ArrayList<>();
		for (int i = 0; i < options.size(); i++) {
			if (before.contains(options.get(i).id())) {
				chosen.add(i);
			}
		}
		ChoiceOptions field = new ChoiceOptions(multiple, question.id(), question.text(),
				options.stream().map(QuizSession.Choice::text).toList(), chosen, (now) -> {
					Set<String> ids = new LinkedHashSet<>();
					now.forEach((i) -> ids.add(options.get(i).id()));
					save(session, question, new GivenAnswer.Choices(ids), FIELD_PUTS_ITSELF_BACK);
				});
		block.add(field);
		return field;
	}

	private void trueFalse(Div block, QuizSession session, QuizSession.QuestionView question,
			@Nullable GivenAnswer given) {
		List<Integer> chosen = given instanceof GivenAnswer.TrueFalse t ? List.of(t.value() ? 0 : 1) : List.of();
		block.add(new ChoiceOptions(false, question.id(), question.text(),
				List.of(getTranslation("quiz.true"), getTranslation("quiz.false")), chosen,
				(now) -> save(session, question, new GivenAnswer.TrueFalse(now.contains(0)), FIELD_PUTS_ITSELF_BACK)));
	}

	private void matching(Div block, QuizSession session, QuizSession.QuestionView question,
			@Nullable GivenAnswer given) {
		Map<String, String> chosen = new LinkedHashMap<>(
				given instanceof GivenAnswer.Matches m ? m.rightChosenForLeft() : Map.of());
		for (QuizSession.Choice left : question.choices()) {
			Select<QuizSession.Choice> right = new Select<>();
			right.setLabel(left.text());
			right.setItemLabelGenerator(QuizSession.Choice::text);
			right.setItems(question.rightSides());
			question.rightSides()
				.stream()
				.filter((r) -> r.id().equals(chosen.get(left.id())))
				.findFirst()
				.ifPresent(right::setValue);
			right.addValueChangeListener((e) -> {
				if (e.isFromClient() && e.getValue() != null) {
					String before = chosen.put(left.id(), e.getValue().id());
					save(session, question, new GivenAnswer.Matches(chosen), () -> {
						if (before == null) {
							chosen.remove(left.id());
						}
						else {
							chosen.put(left.id(), before);
						}
						right.setValue(e.getOldValue());
					});
				}
			});
			block.add(right);
		}
	}

	private VerticalLayout orderingList(QuizSession session, QuizSession.QuestionView question,
			@Nullable GivenAnswer given) {
		List<QuizSession.Choice> order = new ArrayList<>(question.choices());
		if (given instanceof GivenAnswer.Order saved) {
			order.sort(java.util.Comparator.comparingInt((c) -> saved.itemIds().indexOf(c.id())));
		}
		VerticalLayout list = new VerticalLayout();
		list.setPadding(false);
		list.addClassName("ordering");
		Runnable[] render = new Runnable[1];
		render[0] = () -> {
			list.removeAll();
			for (int i = 0; i < order.size(); i++) {
				int index = i;
				QuizSession.Choice item = order.get(i);
				Button up = new Button(getTranslation("quiz.moveUp"), (e) -> {
					java.util.Collections.swap(order, index, index - 1);
					save(session, question, new GivenAnswer.Order(order.stream().map(QuizSession.Choice::id).toList()),
							() -> java.util.Collections.swap(order, index, index - 1));
					render[0].run();
				});
				up.setEnabled(i > 0);
				up.setAriaLabel(getTranslation("quiz.moveUpItem", item.text()));
				Button down = new Button(getTranslation("quiz.moveDown"), (e) -> {
					java.util.Collections.swap(order, index, index + 1);
					save(session, question, new GivenAnswer.Order(order.stream().map(QuizSession.Choice::id).toList()),
							() -> java.util.Collections.swap(order, index, index + 1));
					render[0].run();
				});
				down.setEnabled(i < order.size() - 1);
				down.setAriaLabel(getTranslation("quiz.moveDownItem", item.text()));
				list.add(new HorizontalLayout(new Span((i + 1) + ". " + item.text()), up, down));
			}
		};
		render[0].run();
		return list;
	}

	/** For {@link ChoiceOptions}, which puts its ticks back itself when a save fails. */
	private static final Runnable FIELD_PUTS_ITSELF_BACK = () -> {
	};

	/**
	 * Saves an answer. When it cannot be saved (the database is unreachable),
	 * {@code undo} puts the field back to the stored answer before the error handler
	 * tells the cadet that nothing was saved: otherwise the page would show the failed
	 * choice as given, and clicking it again later would change nothing and save nothing.
	 * Only changes made by the cadet are saved, so the undo itself saves nothing.
	 */
	private void save(QuizSession session, QuizSession.QuestionView question, GivenAnswer answer, Runnable undo) {
		try {
			quizzes.saveAnswer(session.attemptId(), question.id(), answer);
			Span saved = savedMarkers.get(question.id());
			if (saved != null) {
				// executeJs rather than setText: the browser may have changed the text
				// locally, so the server's copy cannot tell whether it must be sent
				// again.
				saved.getElement()
					.executeJs("this.textContent = $0; this.classList.remove('pending')",
							getTranslation("network.answerSaved"));
			}
		}
		catch (LearningException ex) {
			Notification.show(getTranslation(ex.messageKey()));
			show(quizzes.submitQuiz(session.attemptId(), getLocale()));
		}
		catch (RuntimeException ex) {
			undo.run();
			throw ex;
		}
	}

	/**
	 * Marks a question's answer as not yet saved as soon as the cadet changes it in the
	 * browser ({@code change} is fired by radio buttons, checkboxes and selects only for
	 * the user's own changes, unlike {@code value-changed}; the ordering buttons are
	 * clicked); the server's reply sets "Saved" back once stored. One listener on the
	 * view serves every question (the events bubble up from the question's block): one
	 * script per page instead of one per question keeps a quiz start cheaper when a whole
	 * academy presses Start at once.
	 */
	private static final String PENDING_SCRIPT = """
			if (this.__quizPending) { return; }
			this.__quizPending = true;
			const pending = (e) => {
				const block = e.target.closest('.quiz-question');
				const marker = block && block.querySelector('.answer-saved');
				if (marker) { marker.textContent = $0; marker.classList.add('pending'); }
			};
			this.addEventListener('change', pending);
			this.addEventListener('click', (e) => { if (e.target.closest('vaadin-button')) pending(e); });
			""";

	private void watchUnsavedChanges() {
		getElement().executeJs(PENDING_SCRIPT, getTranslation("network.answerNotSaved"));
	}

	private void showResult(QuizSession session) {
		QuizResult result = session.result();
		Paragraph score = new Paragraph(getTranslation("quiz.score", result.scorePercent()));
		score.setId("quiz-score");
		add(score);
		if (result.passed() != null) {
			Span verdict = new Span(getTranslation(result.passed() ? "quiz.passed" : "quiz.failed"));
			verdict.setId("quiz-verdict");
			verdict.getElement().getThemeList().add(result.passed() ? "badge success" : "badge error");
			add(verdict);
			add(new Paragraph(result.attemptsLeft() < 0 ? getTranslation("quiz.attemptsUnlimited")
					: getTranslation("quiz.attemptsLeft", result.attemptsLeft())));
		}
		for (QuizResult.QuestionFeedback feedback : result.questions()) {
			Div block = new Div();
			block.addClassName("quiz-feedback");
			block.add(new H2(feedback.text()));
			block.add(new Paragraph(getTranslation(
					feedback.credit() >= 1 ? "quiz.right" : feedback.credit() > 0 ? "quiz.partly" : "quiz.wrong")));
			feedback.feedback().forEach((f) -> block.add(new Paragraph(f)));
			block.add(new Paragraph(getTranslation("quiz.explanation", feedback.explanation())));
			add(block);
		}
		add(backButton());
	}

	private Button backButton() {
		Button back = new Button(getTranslation("lesson.backToModule"), (e) -> getUI()
			.ifPresent((ui) -> ui.navigate(ModuleView.class, new RouteParameters("moduleId", moduleId))));
		back.setId("back-to-module");
		return back;
	}

	@Override
	public String getPageTitle() {
		return getTranslation("quiz.pageTitle");
	}

}
