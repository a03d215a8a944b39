package org.lepha.academy.exams.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.RefusedException;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.exams.ExamModule;
import org.lepha.academy.exams.ExamSession;
import org.lepha.academy.exams.ExamSessions;
import org.lepha.academy.security.Role;

/**
 * A cohort's exam sessions: open one for an assigned module (now or at a set time, with
 * an end, with or without an access code to be shown in the room), and the sessions so
 * far with their phase, times, code and a link to the live monitor. Reached from the
 * cohort page by address: exams builds on cohorts, not the other way round.
 */
@Route("cohorts/:cohortId/exams")
@RolesAllowed({ Role.Names.TRAINER, Role.Names.ADMIN })
class ExamSessionsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	static final String NOW = "now";

	static final String LATER = "later";

	private final ExamSessions exams;

	private final LocalizedFormats formats;

	private final Clock clock;

	private final Select<ExamModule> module = new Select<>();

	private final RadioButtonGroup<String> when = new RadioButtonGroup<>();

	private final DateTimePicker opensAt = new DateTimePicker();

	private final DateTimePicker closesAt = new DateTimePicker();

	private final Checkbox withCode = new Checkbox();

	private final Paragraph formError = new Paragraph();

	private final Div sessionList = new Div();

	private List<ExamModule> modules = List.of();

	private long cohortId;

	ExamSessionsView(ExamSessions exams, LocalizedFormats formats, Clock clock) {
		this.exams = exams;
		this.formats = formats;
		this.clock = clock;
		addClassName("exam-sessions-view");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		cohortId = event.getRouteParameters().getLong("cohortId").orElse(-1L);
		// The service checks that the caller runs this cohort (or is an administrator).
		List<ExamSession> sessions = exams.sessions(cohortId);
		modules = exams.modules(cohortId, getLocale());
		removeAll();
		String cohortHref = "cohorts/" + cohortId;
		Anchor back = new Anchor(cohortHref, getTranslation("examui.backToCohort"));
		back.setId("exam-back-to-cohort");
		add(back, new H1(getTranslation("examui.title")), new Paragraph(getTranslation("examui.explain")));
		add(form());
		add(new H2(getTranslation("examui.sessions")));
		sessionList.setId("exam-sessions");
		sessionList.setWidthFull();
		add(sessionList);
		showSessions(sessions);
	}

	private VerticalLayout form() {
		module.setId("exam-module");
		module.setLabel(getTranslation("examui.module"));
		module.setItems(modules);
		module.setItemLabelGenerator(ExamModule::title);
		module.setEmptySelectionAllowed(false);
		module.setWidth("min(100%, 28rem)");
		if (!modules.isEmpty()) {
			module.setValue(modules.getFirst());
		}
		when.setId("exam-when");
		when.setLabel(getTranslation("examui.when"));
		when.setItems(NOW, LATER);
		when.setItemLabelGenerator((item) -> getTranslation("examui.when." + item));
		when.setValue(NOW);
		LocalDateTime now = LocalDateTime.now(clock.withZone(zone())).truncatedTo(ChronoUnit.MINUTES);
		opensAt.setId("exam-opens-at");
		opensAt.setLabel(getTranslation("examui.opensAt"));
		opensAt.setLocale(getLocale());
		opensAt.setValue(now.plusMinutes(15));
		opensAt.setVisible(false);
		closesAt.setId("exam-closes-at");
		closesAt.setLabel(getTranslation("examui.closesAt"));
		closesAt.setLocale(getLocale());
		closesAt.setValue(now.plusHours(1));
		when.addValueChangeListener((e) -> opensAt.setVisible(LATER.equals(e.getValue())));
		withCode.setId("exam-with-code");
		withCode.setLabel(getTranslation("examui.withCode"));
		withCode.setHelperText(getTranslation("examui.withCodeHelp"));
		Button open = new Button(getTranslation("examui.open"), (e) -> open());
		open.setId("exam-open");
		open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		open.setEnabled(!modules.isEmpty());
		formError.setId("exam-form-error");
		formError.addClassName("exam-form-error");
		formError.getElement().setAttribute("role", "alert");
		formError.setVisible(false);
		HorizontalLayout times = new HorizontalLayout(when, opensAt, closesAt);
		times.setAlignItems(FlexComponent.Alignment.BASELINE);
		times.getStyle().set("flex-wrap", "wrap");
		VerticalLayout form = new VerticalLayout(module, times, withCode, formError, open);
		form.setPadding(false);
		form.setId("exam-form");
		if (modules.isEmpty()) {
			form.addComponentAsFirst(new Paragraph(getTranslation("examui.noModules")));
		}
		return form;
	}

	/**
	 * Checks what the form can check itself (both times given, the end after the start)
	 * and leaves the rest (the module assigned, the end in the future) to the service.
	 */
	private void open() {
		formError.setVisible(false);
		ExamModule chosen = module.getValue();
		boolean later = LATER.equals(when.getValue());
		if (chosen == null) {
			showFormError("examui.error.noModule");
			return;
		}
		if (closesAt.getValue() == null || (later && opensAt.getValue() == null)) {
			showFormError("examui.error.timesMissing");
			return;
		}
		Instant opens = later ? opensAt.getValue().atZone(zone()).toInstant() : null;
		Instant closes = closesAt.getValue().atZone(zone()).toInstant();
		Instant start = opens == null ? clock.instant() : opens;
		if (!closes.isAfter(start)) {
			showFormError("examui.error.closesBeforeOpens");
			return;
		}
		try {
			ExamSession opened = exams.open(cohortId, chosen.moduleId(), opens, closes, withCode.getValue());
			Notification
				.show(getTranslation(
						opened.phase() == org.lepha.academy.exams.ExamPhase.OPEN ? "examui.opened" : "examui.scheduled",
						chosen.title(), time(opened.opensAt())))
				.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
			showSessions(exams.sessions(cohortId));
		}
		catch (RefusedException ex) {
			showFormError(ex.messageKey());
		}
	}

	private void showFormError(String key) {
		formError.setText(getTranslation(key));
		formError.setVisible(true);
	}

	private void showSessions(List<ExamSession> sessions) {
		sessionList.removeAll();
		if (sessions.isEmpty()) {
			Paragraph none = new Paragraph(getTranslation("examui.noSessions"));
			none.setId("exam-no-sessions");
			sessionList.add(none);
		}
		for (ExamSession session : sessions) {
			sessionList.add(card(session));
		}
	}

	private Div card(ExamSession session) {
		Div card = new Div();
		card.addClassName("exam-session");
		card.getElement().setAttribute("data-session", String.valueOf(session.id()));
		card.getStyle()
			.set("border", "1px solid var(--lumo-contrast-20pct)")
			.set("border-radius", "var(--lumo-border-radius-m)")
			.set("padding", "var(--lumo-space-m)")
			.set("margin-block-end", "var(--lumo-space-m)");
		H2 title = new H2(titleOf(session.moduleId()));
		title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin-top", "0");
		Span phase = new Span(getTranslation("examui.phase." + session.phase().name()));
		phase.setId("exam-phase-" + session.id());
		phase.getElement().getThemeList().add(switch (session.phase()) {
			case SCHEDULED -> "badge";
			case OPEN -> "badge success";
			case CLOSED -> "badge contrast";
		});
		Paragraph times = new Paragraph(
				getTranslation("examui.times", time(session.opensAt()), time(effectiveClose(session))));
		card.add(title, phase, times);
		if (session.accessCode() != null) {
			Paragraph codeLabel = new Paragraph(getTranslation("examui.codeLabel"));
			Span code = new Span(session.accessCode());
			code.setId("exam-code-" + session.id());
			code.addClassName("exam-code");
			// Large enough to be read from the back of a classroom when projected; the
			// letters are spaced out and left to right whatever the page direction.
			code.getElement().setAttribute("dir", "ltr");
			code.getStyle()
				.set("font-size", "3rem")
				.set("font-weight", "700")
				.set("letter-spacing", "0.3em")
				.set("font-family", "monospace");
			card.add(codeLabel, code);
		}
		String monitorHref = "exams/" + session.id() + "/monitor";
		Anchor monitor = new Anchor(monitorHref, getTranslation("examui.monitorLink"));
		monitor.setId("exam-monitor-" + session.id());
		card.add(new Div(monitor));
		return card;
	}

	private Instant effectiveClose(ExamSession session) {
		return session.closedAt() != null ? session.closedAt() : session.closesAt();
	}

	private String titleOf(String moduleId) {
		return modules.stream()
			.filter((m) -> m.moduleId().equals(moduleId))
			.map(ExamModule::title)
			.findFirst()
			.orElse(moduleId);
	}

	private String time(Instant instant) {
		return formats.dateTime(instant, zone(), getLocale());
	}

	/**
	 * Times are entered and shown in the server's zone, as every other time in the app:
	 * an academy's server runs in the academy's time.
	 */
	private static ZoneId zone() {
		return ZoneId.systemDefault();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("examui.title");
	}

}
