package org.lepha.academy.classroom.ui;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.qr.QrCodes;
import org.lepha.academy.classroom.ClassroomException;
import org.lepha.academy.classroom.ClassroomSessions;
import org.lepha.academy.classroom.ClassroomState;
import org.lepha.academy.classroom.VoteHistogram;
import org.lepha.academy.cohorts.ScenarioDiagram;
import org.lepha.academy.security.Role;

/**
 * The projector: what the whole room sees, in the trainer's language, in type large
 * enough to read at five metres, without the side navigation. The join code and its QR
 * code, the situation, the choices lettered A, B, C (the same letters on every phone,
 * whatever its language), the discussion prompt, the live count of votes, and the
 * histogram once the trainer reveals it; the trainer's buttons below. Everything is
 * reread from the database, so reloading the page resumes the session.
 */
@Route(value = "classroom/projector", autoLayout = false)
@RolesAllowed({ Role.Names.TRAINER, Role.Names.ADMIN })
class ProjectorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	/** The trainer's classroom start page (an address, not text). */
	private static final String START_ROUTE = "classroom";

	/** This page for a session (an address, not text). */
	private static final String PROJECTOR_ROUTE = "classroom/projector?session=";

	/** The query parameter that opens this page as the trainer's console. */
	private static final String CONSOLE_PARAMETER = "console";

	private final ClassroomSessions sessions;

	private final LocalizedFormats formats;

	private long sessionId = -1;

	/**
	 * The trainer's own screen (laptop or phone) rather than the projector: it shows the
	 * live histogram before it is revealed, so the trainer can decide when to reveal it
	 * to the room. Same data and same service check as the projector (trainers only).
	 */
	private boolean console;

	private String joinUrl = "";

	private String title = "";

	private Runnable stopUpdates = () -> {
	};

	/** What the page shows now (node, round, revealed), to tell a vote from a move. */
	private String shown = "";

	private Paragraph count = new Paragraph();

	private Div histogramSlot = new Div();

	private String qrLink = "";

	private String qrDataUrl = "";

	ProjectorView(ClassroomSessions sessions, LocalizedFormats formats) {
		this.sessions = sessions;
		this.formats = formats;
		addClassName("classroom-projector");
		setId("projector");
		// Large type for the back of the room; rem-based sizes keep Lumo's proportions.
		getStyle().set("font-size", "clamp(1.25rem, 2.2vw, 2.6rem)").set("line-height", "1.35");
		setPadding(true);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		sessionId = LiveUpdates.sessionParameter(event).orElse(-1L);
		joinUrl = baseUrl() + "/classroom/join";
		console = event.getLocation()
			.getQueryParameters()
			.getSingleParameter(CONSOLE_PARAMETER)
			.map("true"::equals)
			.orElse(false);
		if (sessionId < 0) {
			removeAll();
			add(new Paragraph(getTranslation("classroom.error.notFound")));
			return;
		}
		show(sessions.projector(sessionId, getLocale()));
	}

	@Override
	protected void onAttach(AttachEvent event) {
		if (sessionId >= 0) {
			stopUpdates = LiveUpdates.start(event.getUI(), sessions, sessionId, this::refresh);
		}
	}

	@Override
	protected void onDetach(DetachEvent event) {
		stopUpdates.run();
	}

	/**
	 * Rereads the session. While the class stays at the same node and round (a vote came
	 * in), only the count and the bars change: redrawing the whole page for each burst of
	 * votes would cost the projector's browser and the server for nothing.
	 */
	private void refresh() {
		ClassroomState state = sessions.projector(sessionId, getLocale());
		if (state.live() && shape(state).equals(shown)) {
			count.setText(countText(state));
			histogramSlot.removeAll();
			fillHistogram(state);
			return;
		}
		show(state);
	}

	private static String shape(ClassroomState state) {
		return state.live() + "/" + state.nodeId() + "/" + state.roundNo() + "/" + state.revealed();
	}

	private String countText(ClassroomState state) {
		ClassroomState.Tally tally = state.tally();
		String round = state.roundNo() > 1
				? getTranslation("classroom.revoteRound", formats.number(state.roundNo(), getLocale())) + " · " : "";
		return round + getTranslation("classroom.voteCount", formats.number(tally.votes(), getLocale()),
				formats.number(tally.joined(), getLocale()));
	}

	private void show(ClassroomState state) {
		removeAll();
		shown = shape(state);
		title = state.scenarioTitle();
		H1 heading = new H1(state.scenarioTitle());
		heading.getStyle().set("font-size", "1.6em").set("margin", "0");
		add(heading);
		if (!state.live()) {
			showEnd(state);
			return;
		}
		add(joinBox(state));
		Div situation = new Div(new Html("<div>" + state.situationHtml() + "</div>"));
		situation.setId("projector-situation");
		situation.getStyle().set("font-size", "1.15em").set("max-width", "60em");
		add(situation);
		if (state.discussion() != null) {
			Paragraph discussion = new Paragraph(getTranslation("classroom.discussion", state.discussion()));
			discussion.setId("projector-discussion");
			discussion.getStyle()
				.set("border-inline-start", "0.3em solid var(--lumo-primary-color)")
				.set("padding-inline-start", "0.6em");
			add(discussion);
		}
		OrderedList choices = new OrderedList();
		choices.setId("projector-choices");
		choices.getStyle().set("list-style", "none").set("padding", "0");
		for (int i = 0; i < state.choices().size(); i++) {
			ClassroomState.Option option = state.choices().get(i);
			Span letter = new Span(VoteHistogram.letter(i));
			letter.getStyle().set("font-weight", "bold").set("margin-inline-end", "0.6em");
			ListItem item = new ListItem(letter, new Span(option.text()));
			item.setId("projector-choice-" + option.id());
			choices.add(item);
		}
		add(choices);
		count = new Paragraph(countText(state));
		count.setId("vote-count");
		count.getStyle().set("font-weight", "bold");
		histogramSlot = new Div();
		fillHistogram(state);
		add(count, histogramSlot, controls(state));
	}

	private Component joinBox(ClassroomState state) {
		String link = joinUrl + "?code=" + state.joinCode();
		if (!link.equals(qrLink)) {
			qrLink = link;
			qrDataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(link));
		}
		Image qr = new Image(qrDataUrl, getTranslation("classroom.qrAlt"));
		qr.setId("join-qr");
		qr.getStyle().set("width", "8em").set("height", "8em").set("image-rendering", "pixelated");
		Span code = new Span(state.joinCode());
		code.setId("join-code");
		code.getStyle()
			.set("font-size", "2.4em")
			.set("font-weight", "bold")
			.set("letter-spacing", "0.15em")
			.set("font-family", "monospace");
		// The code and address read left to right in every language.
		code.getElement().setAttribute("dir", "ltr");
		Span address = new Span(joinUrl);
		address.getElement().setAttribute("dir", "ltr");
		VerticalLayout text = new VerticalLayout(new Span(getTranslation("classroom.joinAt")), address, code);
		text.setPadding(false);
		text.setSpacing(false);
		HorizontalLayout box = new HorizontalLayout(qr, text);
		box.setAlignItems(FlexComponent.Alignment.CENTER);
		box.setId("join-box");
		return box;
	}

	private Component histogram(ClassroomState state) {
		Map<String, Integer> counts = state.tally().counts();
		List<VoteHistogram.Bar> bars = new ArrayList<>();
		NativeTable table = new NativeTable();
		table.setId("histogram-table");
		NativeTableRow head = new NativeTableRow(new NativeTableHeaderCell(getTranslation("classroom.choice")),
				new NativeTableHeaderCell(getTranslation("classroom.votes")));
		table.add(new NativeTableHeader(head));
		NativeTableBody body = new NativeTableBody();
		for (int i = 0; i < state.choices().size(); i++) {
			ClassroomState.Option option = state.choices().get(i);
			int count = counts.getOrDefault(option.id(), 0);
			String countText = formats.number(count, getLocale());
			bars.add(new VoteHistogram.Bar(VoteHistogram.letter(i), countText, count));
			NativeTableCell countCell = new NativeTableCell(countText);
			countCell.setId("histogram-count-" + option.id());
			body.add(new NativeTableRow(new NativeTableCell(VoteHistogram.letter(i) + " · " + option.text()),
					countCell));
		}
		table.add(body);
		Image chart = new Image(ScenarioDiagram.dataUrl(VoteHistogram.svg(bars)),
				getTranslation("classroom.histogramAlt"));
		chart.setId("histogram");
		chart.getStyle().set("max-width", "100%").set("height", "auto").set("max-height", "40vh");
		Div frame = new Div(chart);
		// Bars grow left to right whatever the page direction, like the scenario diagram.
		frame.getElement().setAttribute("dir", "ltr");
		VerticalLayout layout = new VerticalLayout(new H2(getTranslation("classroom.results")), frame, table);
		layout.setPadding(false);
		return layout;
	}

	/** The room sees the votes once revealed; the trainer's console sees them live. */
	private void fillHistogram(ClassroomState state) {
		if (state.revealed()) {
			histogramSlot.add(histogram(state));
		}
		else if (console && state.tally() != null) {
			Paragraph onlyYou = new Paragraph(getTranslation("classroom.console.notRevealed"));
			onlyYou.setId("console-not-revealed");
			histogramSlot.add(onlyYou, histogram(state));
		}
	}

	private Component controls(ClassroomState state) {
		Button reveal = button("reveal", "classroom.reveal", () -> sessions.reveal(sessionId));
		reveal.setEnabled(!state.revealed());
		Button revote = button("revote", "classroom.revote", () -> sessions.revote(sessionId));
		Button majority = button("continue-majority", "classroom.continueMajority",
				() -> sessions.continueWithMajority(sessionId));
		majority.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		Select<ClassroomState.Option> pick = new Select<>();
		pick.setId("continue-choice");
		pick.setAriaLabel(getTranslation("classroom.continueWith"));
		pick.setPlaceholder(getTranslation("classroom.continueWith"));
		pick.setItems(state.choices());
		pick.setItemLabelGenerator((o) -> VoteHistogram.letter(state.choices().indexOf(o)) + " · " + o.text());
		Button go = button("continue-with", "classroom.continuePicked", () -> {
			if (pick.getValue() != null) {
				sessions.continueWith(sessionId, pick.getValue().id());
			}
		});
		Button end = button("end-session", "classroom.end", () -> sessions.end(sessionId));
		end.addThemeVariants(ButtonVariant.LUMO_ERROR);
		HorizontalLayout controls = new HorizontalLayout(reveal, revote, majority, pick, go, end);
		if (!console) {
			// Opened on the trainer's own device: the live votes before the room sees
			// them.
			Anchor consoleLink = new Anchor(PROJECTOR_ROUTE + sessionId + "&" + CONSOLE_PARAMETER + "=true",
					getTranslation("classroom.console.open"));
			consoleLink.setTarget("_blank");
			consoleLink.setId("open-console");
			controls.add(consoleLink);
		}
		controls.setWrap(true);
		controls.setAlignItems(FlexComponent.Alignment.BASELINE);
		controls.setId("projector-controls");
		return controls;
	}

	private Button button(String id, String key, Runnable action) {
		Button button = new Button(getTranslation(key), (e) -> {
			try {
				action.run();
			}
			catch (ClassroomException ex) {
				Notification.show(getTranslation(ex.messageKey()));
			}
			refresh();
		});
		button.setId(id);
		return button;
	}

	private void showEnd(ClassroomState state) {
		ClassroomState.EndingView ending = state.ending();
		if (ending == null) {
			Paragraph ended = new Paragraph(getTranslation("classroom.ended"));
			ended.setId("session-ended");
			add(ended);
		}
		else {
			H2 endingTitle = new H2(ending.title());
			endingTitle.setId("ending-title");
			Span rating = new Span(getTranslation("rating." + ending.rating()));
			rating.setId("ending-rating");
			rating.getElement().getThemeList().add("badge " + switch (ending.rating()) {
				case "EXEMPLARY" -> "success";
				case "ACCEPTABLE" -> "contrast";
				default -> "error";
			});
			Div debrief = new Div(new Html("<div>" + ending.debriefHtml() + "</div>"));
			debrief.setId("debrief");
			add(endingTitle, rating, new Paragraph(ending.text()), new H2(getTranslation("scenario.debrief")), debrief);
		}
		add(new H2(getTranslation("scenario.path")));
		OrderedList path = new OrderedList();
		path.setId("session-path");
		state.path().forEach((step) -> path.add(new ListItem(step)));
		add(path, new Anchor(START_ROUTE, getTranslation("classroom.back")));
	}

	/**
	 * The address cadets' phones reach this server at, as the projector's browser did.
	 */
	private static String baseUrl() {
		VaadinServletRequest current = VaadinServletRequest.getCurrent();
		if (current == null) {
			return "";
		}
		HttpServletRequest request = current.getHttpServletRequest();
		boolean defaultPort = ("http".equals(request.getScheme()) && request.getServerPort() == 80)
				|| ("https".equals(request.getScheme()) && request.getServerPort() == 443);
		return request.getScheme() + "://" + request.getServerName()
				+ (defaultPort ? "" : ":" + request.getServerPort()) + request.getContextPath();
	}

	@Override
	public String getPageTitle() {
		return title;
	}

}
