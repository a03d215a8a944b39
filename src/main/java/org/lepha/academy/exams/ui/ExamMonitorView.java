package org.lepha.academy.exams.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.lepha.academy.base.RefusedException;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.ui.PagePush;
import org.lepha.academy.exams.CadetState;
import org.lepha.academy.exams.ExamCadetStatus;
import org.lepha.academy.exams.ExamModule;
import org.lepha.academy.exams.ExamMonitor;
import org.lepha.academy.exams.ExamPhase;
import org.lepha.academy.exams.ExamSession;
import org.lepha.academy.exams.ExamSessions;
import org.lepha.academy.security.Role;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The live monitor of one exam session: counts at the top, one row per cadet (status,
 * answers given, extra time, deadline) with extra time and reopening, and closing the
 * session early. Kept current by server push, enabled for this page only: cadets' pages
 * never hold a push connection. The state is read once per session by
 * {@link ExamMonitorFeeds}, whoever watches it.
 */
@Route("exams/:sessionId/monitor")
@RolesAllowed({ Role.Names.TRAINER, Role.Names.ADMIN })
class ExamMonitorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	private static final int MAX_MINUTES = 600;

	private final ExamSessions exams;

	private final ExamMonitorFeeds feeds;

	private final LocalizedFormats formats;

	private final Grid<Row> grid = new Grid<>();

	private final Span notStarted = count("exam-count-not-started");

	private final Span answering = count("exam-count-answering");

	private final Span submitted = count("exam-count-submitted");

	private final Span away = count("exam-count-away");

	private final Span phase = new Span();

	private final Paragraph times = new Paragraph();

	private final Button closeEarly = new Button();

	private long sessionId;

	private String moduleTitle = "";

	private @Nullable List<Row> shownRows;

	private @Nullable ExamMonitor shown;

	private @Nullable Registration feed;

	/** Switches this page's push off again when it is left. */
	private Runnable pushOff = () -> {
	};

	ExamMonitorView(ExamSessions exams, ExamMonitorFeeds feeds, LocalizedFormats formats) {
		this.exams = exams;
		this.feeds = feeds;
		this.formats = formats;
		addClassName("exam-monitor-view");
		setSizeFull();
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		sessionId = event.getRouteParameters().getLong("sessionId").orElse(-1L);
		// The service decides who may watch: the cohort's trainers and administrators.
		ExamMonitor monitor = exams.monitor(sessionId);
		ExamSession session = monitor.session();
		moduleTitle = exams.modules(session.cohortId(), getLocale())
			.stream()
			.filter((m) -> m.moduleId().equals(session.moduleId()))
			.map(ExamModule::title)
			.findFirst()
			.orElse(session.moduleId());
		removeAll();
		shownRows = null;
		shown = null;
		String sessionsHref = "cohorts/" + session.cohortId() + "/exams";
		Anchor back = new Anchor(sessionsHref, getTranslation("examui.backToSessions"));
		back.setId("exam-back-to-sessions");
		phase.setId("exam-monitor-phase");
		times.setId("exam-monitor-times");
		closeEarly.setText(getTranslation("examui.closeEarly"));
		closeEarly.setId("exam-close-early");
		closeEarly.addThemeVariants(ButtonVariant.LUMO_ERROR);
		closeEarly.addClickListener((e) -> confirmCloseEarly());
		HorizontalLayout counts = new HorizontalLayout(labelled(notStarted, "examui.count.notStarted"),
				labelled(answering, "examui.count.answering"), labelled(submitted, "examui.count.submitted"),
				labelled(away, "examui.count.away"));
		counts.setId("exam-counts");
		counts.getStyle().set("flex-wrap", "wrap");
		configureGrid();
		add(back, new H1(getTranslation("examui.monitorTitle", moduleTitle)), new Div(phase), times, counts, closeEarly,
				grid);
		show(monitor);
	}

	private void configureGrid() {
		grid.removeAllColumns();
		grid.setId("exam-monitor-grid");
		grid.setHeight("60vh");
		grid.addColumn(LitRenderer.<Row>of("<span class=\"exam-cadet\" data-cadet=${item.id}>${item.name}</span>")
			.withProperty("id", Row::cadetId)
			.withProperty("name", Row::name)).setHeader(getTranslation("examui.column.cadet")).setFlexGrow(2);
		grid.addColumn(LitRenderer
			.<Row>of("<span class=\"exam-status\" data-cadet=${item.id} data-status=${item.status}"
					+ " theme=${item.theme}>${item.text}</span>")
			.withProperty("id", Row::cadetId)
			.withProperty("status", (r) -> r.status().name())
			.withProperty("theme", (r) -> switch (r.status()) {
				case NOT_STARTED -> "badge contrast";
				case ANSWERING -> "badge";
				case SUBMITTED -> "badge success";
				case AWAY -> "badge error";
			})
			.withProperty("text", (r) -> getTranslation("examui.status." + r.status().name())))
			.setHeader(getTranslation("examui.column.status"));
		grid.addColumn(LitRenderer.<Row>of("<span class=\"exam-answered\" data-cadet=${item.id}>${item.text}</span>")
			.withProperty("id", Row::cadetId)
			.withProperty("text",
					(r) -> getTranslation("examui.answered", number(r.answered()), number(r.questions()))))
			.setHeader(getTranslation("examui.column.answered"));
		grid.addColumn(LitRenderer.<Row>of("<span class=\"exam-extra\" data-cadet=${item.id}>${item.text}</span>")
			.withProperty("id", Row::cadetId)
			.withProperty("text",
					(r) -> r.extraMinutes() == 0 ? "–" : getTranslation("examui.minutes", number(r.extraMinutes()))))
			.setHeader(getTranslation("examui.column.extra"));
		grid.addColumn(LitRenderer.<Row>of("<span class=\"exam-deadline\" data-cadet=${item.id}>${item.text}</span>")
			.withProperty("id", Row::cadetId)
			.withProperty("text", (r) -> r.deadline() == null ? "–" : time(r.deadline())))
			.setHeader(getTranslation("examui.column.deadline"))
			.setAutoWidth(true);
		// One template for every row (cheap with 300 cadets: no server-side components
		// per row); Lit escapes every value.
		grid.addColumn(LitRenderer
			.<Row>of("<vaadin-button theme=\"small\" class=\"exam-give-extra\" data-cadet=${item.id}"
					+ " aria-label=${item.extraAria} @click=${extra}>${item.extraLabel}</vaadin-button>"
					+ " <vaadin-button theme=\"small\" class=\"exam-reopen\" data-cadet=${item.id}"
					+ " aria-label=${item.reopenAria} ?hidden=${!item.reopenable} @click=${reopen}>"
					+ "${item.reopenLabel}</vaadin-button>")
			.withProperty("id", Row::cadetId)
			.withProperty("extraLabel", (r) -> getTranslation("examui.giveExtra"))
			.withProperty("extraAria", (r) -> getTranslation("examui.giveExtraTo", r.name()))
			.withProperty("reopenLabel", (r) -> getTranslation("examui.reopen"))
			.withProperty("reopenAria", (r) -> getTranslation("examui.reopenFor", r.name()))
			.withProperty("reopenable", (r) -> r.status() == ExamCadetStatus.SUBMITTED)
			.withFunction("extra", this::confirmExtraTime)
			.withFunction("reopen", this::confirmReopen))
			.setHeader(getTranslation("examui.column.actions"))
			.setFlexGrow(2);
	}

	@Override
	protected void onAttach(AttachEvent event) {
		super.onAttach(event);
		UI ui = event.getUI();
		pushOff = PagePush.enable(ui, ExamMonitorFeeds.PERIOD);
		SecurityContext watcher = SecurityContextHolder.createEmptyContext();
		watcher.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
		feed = feeds.subscribe(sessionId, watcher, (monitor) -> ui.access(() -> show(monitor)));
	}

	@Override
	protected void onDetach(DetachEvent event) {
		if (feed != null) {
			feed.remove();
			feed = null;
		}
		pushOff.run();
		pushOff = () -> {
		};
		super.onDetach(event);
	}

	/** Shows a new state; sends nothing to the browser when nothing visible changed. */
	void show(ExamMonitor monitor) {
		ExamSession session = monitor.session();
		if (shown == null || !shown.session().equals(session)) {
			phase.setText(getTranslation("examui.phase." + session.phase().name()));
			phase.getElement().getThemeList().clear();
			phase.getElement()
				.getThemeList()
				.add(session.phase() == ExamPhase.OPEN ? "badge success"
						: session.phase() == ExamPhase.CLOSED ? "badge contrast" : "badge");
			Instant closes = session.closedAt() != null ? session.closedAt() : session.closesAt();
			times.setText(getTranslation("examui.times", time(session.opensAt()), time(closes)));
			closeEarly.setEnabled(session.phase() != ExamPhase.CLOSED);
		}
		notStarted.setText(number(monitor.notStarted()));
		answering.setText(number(monitor.answering()));
		submitted.setText(number(monitor.submitted()));
		away.setText(number(monitor.away()));
		List<Row> rows = monitor.cadets().stream().map(Row::of).toList();
		if (!rows.equals(shownRows)) {
			grid.setItems(rows);
			shownRows = rows;
		}
		shown = monitor;
	}

	private void refresh() {
		show(exams.monitor(sessionId));
	}

	private void confirmExtraTime(Row row) {
		minutesDialog("examui.giveExtraTo", "exam-extra", row, (minutes) -> {
			exams.giveExtraTime(sessionId, row.cadetId(), minutes);
			success(getTranslation("examui.extraGiven", number(minutes), row.name()));
		});
	}

	private void confirmReopen(Row row) {
		minutesDialog("examui.reopenFor", "exam-reopen", row, (minutes) -> {
			exams.reopenAttempt(sessionId, row.cadetId(), minutes);
			success(getTranslation("examui.reopened", row.name(), number(minutes)));
		});
	}

	/**
	 * A confirm dialog asking for minutes; the action runs on confirm, and a refusal by
	 * the service is shown in the dialog, which stays open.
	 */
	private void minutesDialog(String titleKey, String idPrefix, Row row, IntConsumer action) {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation(titleKey, row.name()));
		IntegerField minutes = new IntegerField(getTranslation("examui.minutesLabel"));
		minutes.setId(idPrefix + "-minutes");
		minutes.setMin(1);
		minutes.setMax(MAX_MINUTES);
		minutes.setStepButtonsVisible(true);
		minutes.setValue(10);
		minutes.setI18n(new IntegerField.IntegerFieldI18n()
			.setBadInputErrorMessage(getTranslation("examui.error.minutes", MAX_MINUTES))
			.setMinErrorMessage(getTranslation("examui.error.minutes", MAX_MINUTES))
			.setMaxErrorMessage(getTranslation("examui.error.minutes", MAX_MINUTES)));
		Button confirm = new Button(getTranslation("examui.confirm"), (e) -> {
			Integer value = minutes.getValue();
			if (value == null || value < 1 || value > MAX_MINUTES) {
				minutes.setInvalid(true);
				minutes.setErrorMessage(getTranslation("examui.error.minutes", MAX_MINUTES));
				return;
			}
			try {
				action.accept(value);
				dialog.close();
				refresh();
			}
			catch (RefusedException ex) {
				minutes.setInvalid(true);
				minutes.setErrorMessage(getTranslation(ex.messageKey()));
			}
		});
		confirm.setId(idPrefix + "-confirm");
		confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		dialog.add(minutes);
		dialog.getFooter().add(new Button(getTranslation("examui.cancel"), (e) -> dialog.close()), confirm);
		dialog.open();
		minutes.focus();
	}

	private void confirmCloseEarly() {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation("examui.closeEarly"));
		dialog.add(new Paragraph(getTranslation("examui.closeEarlyExplain")));
		Button confirm = new Button(getTranslation("examui.closeEarlyConfirm"), (e) -> {
			try {
				exams.closeEarly(sessionId);
				dialog.close();
				success(getTranslation("examui.closedEarly"));
				refresh();
			}
			catch (RefusedException ex) {
				dialog.close();
				Notification.show(getTranslation(ex.messageKey())).addThemeVariants(NotificationVariant.LUMO_ERROR);
			}
		});
		confirm.setId("exam-close-confirm");
		confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
		dialog.getFooter().add(new Button(getTranslation("examui.cancel"), (e) -> dialog.close()), confirm);
		dialog.open();
	}

	private static void success(String message) {
		Notification.show(message).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
	}

	private static Span count(String id) {
		Span value = new Span();
		value.setId(id);
		value.addClassName("exam-count-value");
		value.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "700");
		return value;
	}

	private Div labelled(Span value, String labelKey) {
		Span label = new Span(getTranslation(labelKey));
		label.getStyle().set("display", "block");
		Div box = new Div(value, label);
		box.addClassName("exam-count");
		box.getStyle()
			.set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
			.set("border", "1px solid var(--lumo-contrast-20pct)")
			.set("border-radius", "var(--lumo-border-radius-m)")
			.set("min-width", "8rem");
		return box;
	}

	private String number(long value) {
		return formats.number(value, getLocale());
	}

	private String time(Instant instant) {
		return formats.dateTime(instant, ZoneId.systemDefault(), getLocale());
	}

	@Override
	public String getPageTitle() {
		return getTranslation("examui.monitorTitle", moduleTitle);
	}

	/**
	 * What a row shows of a cadet's state: the last-seen instant is left out, so that a
	 * heartbeat alone sends nothing to the browser (it shows only as AWAY, in the
	 * status).
	 */
	record Row(long cadetId, String name, ExamCadetStatus status, int answered, int questions, int extraMinutes,
			@Nullable Instant deadline) {

		static Row of(CadetState state) {
			return new Row(state.cadetId(), Objects.requireNonNullElse(state.displayName(), ""), state.status(),
					state.answered(), state.questions(), state.extraMinutes(), state.deadline());
		}

	}

}
