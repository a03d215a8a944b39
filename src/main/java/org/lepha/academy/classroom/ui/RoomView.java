package org.lepha.academy.classroom.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.classroom.ClassroomException;
import org.lepha.academy.classroom.ClassroomSessions;
import org.lepha.academy.classroom.ClassroomState;
import org.lepha.academy.classroom.VoteHistogram;
import org.lepha.academy.security.Role;

/**
 * A cadet's phone in a classroom session, in the cadet's own language: the situation and
 * the choices (lettered as on the projector), the vote, "vote received", and a wait for
 * the next node. Reloaded, or reconnected after the phone locked, it shows the current
 * node with the cadet's vote, because everything is reread from the database.
 */
@Route("classroom/room")
@RolesAllowed(Role.Names.CADET)
class RoomView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	/** Where a cadet joins or lists their votes (an address, not text). */
	private static final String JOIN_ROUTE = "classroom/join";

	private final ClassroomSessions sessions;

	private long sessionId = -1;

	private String title = "";

	private Runnable stopUpdates = () -> {
	};

	RoomView(ClassroomSessions sessions) {
		this.sessions = sessions;
		addClassName("classroom-room");
		setId("room");
		setMaxWidth("40rem");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		sessionId = LiveUpdates.sessionParameter(event).orElse(-1L);
		if (sessionId < 0) {
			removeAll();
			add(new Paragraph(getTranslation("classroom.error.notFound")),
					new Anchor(JOIN_ROUTE, getTranslation("classroom.join.title")));
			return;
		}
		show(sessions.cadetView(sessionId, getLocale()));
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

	private void refresh() {
		show(sessions.cadetView(sessionId, getLocale()));
	}

	private void show(ClassroomState state) {
		removeAll();
		title = state.scenarioTitle();
		add(new H1(state.scenarioTitle()));
		if (!state.live()) {
			Paragraph ended = new Paragraph(getTranslation("classroom.ended"));
			ended.setId("room-ended");
			add(ended);
			if (state.ending() != null) {
				H2 ending = new H2(state.ending().title());
				ending.setId("room-ending");
				add(ending, new Paragraph(state.ending().text()));
			}
			add(new Anchor(JOIN_ROUTE, getTranslation("classroom.myVotes")));
			return;
		}
		Div situation = new Div(new Html("<div>" + state.situationHtml() + "</div>"));
		situation.setId("room-situation");
		add(situation);
		if (state.roundNo() > 1) {
			Paragraph revote = new Paragraph(getTranslation("classroom.room.revote"));
			revote.setId("room-revote");
			add(revote);
		}
		for (int i = 0; i < state.choices().size(); i++) {
			ClassroomState.Option option = state.choices().get(i);
			Button button = new Button(VoteHistogram.letter(i) + " · " + option.text(), (e) -> vote(option.id()));
			button.setId("vote-" + option.id());
			button.setWidthFull();
			button.getStyle().set("height", "auto").set("min-height", "3em").set("white-space", "normal");
			if (option.id().equals(state.myChoiceId())) {
				button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
				button.getElement().setAttribute("aria-pressed", "true");
			}
			button.setEnabled(!state.revealed());
			add(button);
		}
		Span status = new Span();
		status.setId("room-status");
		// Announced to screen readers when the vote is taken or the round closes.
		status.getElement().setAttribute("role", "status");
		if (state.revealed()) {
			status.setText(getTranslation("classroom.room.closed"));
		}
		else if (state.myChoiceId() != null) {
			status.setText(getTranslation("classroom.room.received"));
		}
		else {
			status.setText(getTranslation("classroom.room.vote"));
		}
		add(status);
	}

	private void vote(String choiceId) {
		try {
			sessions.vote(sessionId, choiceId);
		}
		catch (ClassroomException ex) {
			// The round closed or moved on meanwhile: the refresh below shows where it
			// is.
		}
		refresh();
	}

	@Override
	public String getPageTitle() {
		return title;
	}

}
