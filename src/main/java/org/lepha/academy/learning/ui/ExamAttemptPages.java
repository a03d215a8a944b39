package org.lepha.academy.learning.ui;

import java.time.ZoneId;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.jspecify.annotations.Nullable;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.learning.QuizService;
import org.lepha.academy.learning.QuizSession;

/**
 * An exam session's attempt, one question at a time, with Previous and Next; Submit stays
 * on every page (the primary button on the last). One question at a time is how an exam
 * is taken in a room full of screens, and it keeps a start cheap when a whole academy
 * presses Start in the same second.
 * <p>
 * For the same reason the exam page builds this frame (heading, presence, position,
 * buttons) while the cadet waits for the opening, and sends it to the browser hidden by
 * the {@code hidden} attribute; it holds nothing about the attempt yet. The prepared
 * attempt's first question is built then too, but kept on the server: an invisible
 * component is not sent at all ({@link #prepare}). Start then fills in the texts, makes
 * the question visible and removes the attribute: the click sends one question's
 * components and builds none (docs/performance.md, "Exam day"). A page shown on a later
 * visit is built and begun at once.
 */
class ExamAttemptPages extends Div {

	/** Builds a question's block, with its answer fields and its "Saved" line. */
	@FunctionalInterface
	interface QuestionBlocks {

		Div build(QuizSession session, QuizSession.QuestionView question, int number);

	}

	private final QuizService quizzes;

	private final LocalizedFormats formats;

	private final QuestionBlocks blocks;

	private final Consumer<QuizSession> finished;

	private final H1 title = new H1();

	private final AttemptPresence presence;

	private final Paragraph position = new Paragraph();

	private final Div question = new Div();

	private final Button previous;

	private final Button next;

	private final HorizontalLayout buttons;

	private final Button submit;

	private @Nullable QuizSession session;

	private int index;

	/** On the last page Submit is the primary button, and Next is gone. */
	private boolean submitIsPrimary;

	/**
	 * The prepared attempt's first question, built while the cadet waits and invisible
	 * until Start shows it; null when there is none or once it was shown or replaced.
	 */
	private @Nullable Ahead ahead;

	private record Ahead(long attemptId, QuizSession.QuestionView question, Div block) {
	}

	/**
	 * @param finished shows what follows the pages: the result after Submit, or the
	 * attempt as it now is when it can no longer be answered (the deadline, the trainer
	 * closing the session)
	 */
	ExamAttemptPages(QuizService quizzes, LocalizedFormats formats, QuestionBlocks blocks,
			Consumer<QuizSession> finished) {
		this.quizzes = quizzes;
		this.formats = formats;
		this.blocks = blocks;
		this.finished = finished;
		setId("exam-attempt");
		getElement().setAttribute("hidden", true);
		presence = new AttemptPresence(quizzes);
		position.setId("quiz-position");
		position.getElement().setAttribute("tabindex", "-1");
		previous = new Button(getTranslation("quiz.previous"), (e) -> turn(index - 1));
		previous.setId("quiz-previous");
		next = new Button(getTranslation("quiz.next"), (e) -> turn(index + 1));
		next.setId("quiz-next");
		next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		buttons = new HorizontalLayout(previous, next);
		Div page = new Div(position, question, buttons);
		page.setId("quiz-page");
		submit = new Button(getTranslation("quiz.submit"), (e) -> {
			if (session != null) {
				finished.accept(quizzes.submitQuiz(session.attemptId(), getLocale()));
			}
		});
		submit.setId("quiz-submit");
		add(title, presence, page, submit);
	}

	/**
	 * Builds the prepared attempt's first question while the cadet waits, invisible:
	 * Vaadin sends nothing of an invisible component (no element, no text) until it is
	 * made visible, so the question stays on the server until Start. Start then shows it,
	 * if it is still the first question of the attempt started, instead of building it in
	 * the same second as everyone else.
	 */
	void prepare(QuizSession prepared) {
		if (prepared.questions().isEmpty()) {
			return;
		}
		QuizSession.QuestionView first = prepared.questions().get(0);
		Div block = blocks.build(prepared, first, 1);
		block.setVisible(false);
		question.add(block);
		ahead = new Ahead(prepared.attemptId(), first, block);
	}

	/**
	 * Shows the started attempt's first question.
	 * @param focus moves the focus to "Question 1 of N", for a screen reader, when the
	 * button that had it (Start) is gone
	 */
	void begin(QuizSession started, boolean focus) {
		session = started;
		title.setText(getTranslation("quiz.title", started.attemptNo()));
		if (started.deadline() != null) {
			Paragraph deadline = new Paragraph(getTranslation("quiz.deadline",
					formats.dateTime(started.deadline(), ZoneId.systemDefault(), getLocale())));
			deadline.setId("quiz-deadline");
			addComponentAtIndex(1, deadline);
		}
		presence.begin(started.attemptId(), started.deadline());
		show(started, 0, focus);
		getElement().removeAttribute("hidden");
	}

	/**
	 * Reads the attempt again before another question is shown: the answers given since
	 * the page was built, and whether it is still open (the deadline, the trainer closing
	 * the session).
	 */
	private void turn(int to) {
		if (session == null) {
			return;
		}
		QuizSession now = quizzes.quizSession(session.attemptId(), getLocale());
		if (now.submitted() || to < 0 || to >= now.questions().size()) {
			finished.accept(now);
			return;
		}
		show(now, to, true);
	}

	private void show(QuizSession now, int to, boolean focus) {
		session = now;
		index = to;
		int total = now.questions().size();
		position.setText(getTranslation("quiz.position", to + 1, total));
		position.getElement().setAttribute("data-index", String.valueOf(to));
		position.getElement().setAttribute("data-total", String.valueOf(total));
		Ahead built = ahead;
		ahead = null;
		QuizSession.QuestionView shown = now.questions().get(to);
		// The block built while waiting answers to the same attempt and shows the same
		// texts (a content reload in between would have changed the view), and a
		// prepared attempt has no answers to show in it.
		if (built != null && to == 0 && built.attemptId() == now.attemptId() && built.question().equals(shown)
				&& now.answers().isEmpty()) {
			built.block().setVisible(true);
		}
		else {
			question.removeAll();
			question.add(blocks.build(now, shown, to + 1));
		}
		previous.setEnabled(to > 0);
		// Absent rather than disabled on the last page: nothing to go on to.
		boolean last = to == total - 1;
		if (last != submitIsPrimary) {
			// Only when it changes: even a theme change that changes nothing costs.
			if (last) {
				next.removeFromParent();
				submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
			}
			else {
				buttons.add(next);
				submit.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
			}
			submitIsPrimary = last;
		}
		if (focus) {
			position.getElement().executeJs("this.focus()");
		}
	}

}
