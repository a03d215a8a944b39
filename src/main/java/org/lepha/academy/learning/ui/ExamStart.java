package org.lepha.academy.learning.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.learning.ExamWindows.ExamWindow;
import org.lepha.academy.learning.LearningException;
import org.lepha.academy.learning.QuizService;
import org.lepha.academy.learning.QuizSession;

/**
 * The exam room: the quiz page of a module whose quiz the cadet's cohort takes in an exam
 * session, before the cadet's attempt starts. It shows when the session opens and closes,
 * a countdown that runs in the browser (no request per second), the access code when the
 * session asks for one, and the Start button, which the browser enables when the
 * countdown reaches zero. The server checks the window and the code again on Start; its
 * refusal is shown here, next to the button.
 * <p>
 * The cadets wait here rather than on the module page so that Start only replaces this
 * component with the attempt on the page already shown: no navigation (router, a new
 * view, a new layout) for a whole academy in the same second. See
 * {@code docs/performance.md}, "Exam day".
 */
class ExamStart extends Div {

	/**
	 * Counts down from the time left that the server measured (not from the browser's
	 * clock, which may be wrong), disables the Start button until then and enables it at
	 * zero. Numbers in the page's language (Persian digits in Dari).
	 */
	private static final String COUNTDOWN = """
			const span = this, button = $0, template = $1, openText = $2, lang = $3;
			const end = performance.now() + $4;
			button.setAttribute('disabled', '');
			const two = new Intl.NumberFormat(lang, { minimumIntegerDigits: 2, useGrouping: false });
			const one = new Intl.NumberFormat(lang, { useGrouping: false });
			const tick = () => {
			  if (!span.isConnected) { return; }
			  const left = Math.max(0, Math.ceil((end - performance.now()) / 1000));
			  if (left === 0) {
			    span.textContent = openText;
			    button.removeAttribute('disabled');
			    return;
			  }
			  const h = Math.floor(left / 3600), m = Math.floor(left % 3600 / 60), s = left % 60;
			  const text = template.replace('{0}', (h > 0 ? one.format(h) + ':' + two.format(m) : one.format(m))
			      + ':' + two.format(s));
			  if (span.textContent !== text) { span.textContent = text; }
			  setTimeout(tick, 250);
			};
			tick();
			""";

	private final String moduleId;

	private final QuizService quizzes;

	private final Consumer<QuizSession> started;

	private final Paragraph error = new Paragraph();

	private @Nullable TextField code;

	/**
	 * @param started shows the attempt once the server has started it
	 */
	ExamStart(String moduleId, ExamWindow window, QuizService quizzes, LocalizedFormats formats, Clock clock,
			Consumer<QuizSession> started) {
		this.moduleId = moduleId;
		this.quizzes = quizzes;
		this.started = started;
		setId("exam-room");
		addClassName("exam-room");
		Instant now = clock.instant();
		add(times(window, formats, now, getLocale()));
		if (window.closedAt(now)) {
			return;
		}
		Button start = new Button(getTranslation("module.startQuiz"), (e) -> start());
		start.setId("start-quiz");
		start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		if (window.scheduledAt(now)) {
			Span countdown = new Span(getTranslation("examui.cadet.countdown", ""));
			countdown.setId("exam-countdown");
			countdown.addClassName("exam-countdown");
			// A timer: read on request, not announced every second.
			countdown.getElement().setAttribute("role", "timer");
			countdown.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
			add(new Div(countdown));
			long leftMillis = Duration.between(now, window.opensAt()).toMillis();
			countdown.getElement()
				.executeJs(COUNTDOWN, start.getElement(), getTranslation("examui.cadet.countdown", "{0}"),
						getTranslation("examui.cadet.nowOpen"), getLocale().toLanguageTag(), leftMillis);
		}
		if (window.needsAccessCode()) {
			TextField field = new TextField(getTranslation("examui.cadet.code"));
			field.setId("exam-access-code");
			field.setHelperText(getTranslation("examui.cadet.codeHelp"));
			field.setMaxLength(16);
			field.getElement().setAttribute("autocomplete", "off");
			field.getElement().setAttribute("autocapitalize", "characters");
			field.getElement().setAttribute("spellcheck", "false");
			code = field;
			add(new Div(field));
		}
		error.setId("exam-start-error");
		error.addClassName("exam-start-error");
		error.getElement().setAttribute("role", "alert");
		error.getStyle().set("color", "var(--lumo-error-text-color)");
		error.setVisible(false);
		add(error, new Div(start));
	}

	/**
	 * When the session opens and closes (or closed), and the cadet's extra time: on the
	 * module page and in the room.
	 */
	static Div times(ExamWindow window, LocalizedFormats formats, Instant now, Locale locale) {
		String opens = formats.dateTime(window.opensAt(), ZoneId.systemDefault(), locale);
		String closes = formats.dateTime(window.closesAt(), ZoneId.systemDefault(), locale);
		Div times = new Div();
		times.addClassName("exam-window");
		Paragraph when = new Paragraph(
				window.scheduledAt(now) ? times.getTranslation(locale, "examui.cadet.opensAt", opens, closes)
						: window.closedAt(now) ? times.getTranslation(locale, "examui.cadet.closed", closes)
								: times.getTranslation(locale, "examui.cadet.openUntil", closes));
		when.setId("exam-opens-at-text");
		times.add(when);
		if (window.extraMinutes() > 0) {
			Paragraph extra = new Paragraph(
					times.getTranslation(locale, "examui.cadet.extra", formats.number(window.extraMinutes(), locale)));
			extra.setId("exam-extra-time");
			times.add(extra);
		}
		return times;
	}

	/**
	 * Starts the attempt (for a prepared one: flips it to started), or shows the server's
	 * refusal next to the button.
	 */
	private void start() {
		error.setVisible(false);
		if (code != null) {
			code.setInvalid(false);
		}
		try {
			started
				.accept(quizzes.startQuiz(moduleId, QuizKind.POST, getLocale(), code == null ? null : code.getValue()));
		}
		catch (LearningException ex) {
			error.setText(getTranslation(ex.messageKey()));
			error.setVisible(true);
			if (code != null && ex.messageKey().equals("exam.error.wrongCode")) {
				code.setInvalid(true);
				code.setErrorMessage(getTranslation(ex.messageKey()));
			}
		}
	}

}
