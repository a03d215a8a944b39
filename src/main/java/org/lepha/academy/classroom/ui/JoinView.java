package org.lepha.academy.classroom.ui;

import java.time.ZoneId;
import java.util.List;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.classroom.ClassroomChoices.MyVote;
import org.lepha.academy.classroom.ClassroomException;
import org.lepha.academy.classroom.ClassroomSessions;
import org.lepha.academy.security.Role;

/**
 * A cadet joins a classroom session by its code, typed or taken from the projector's QR
 * code ({@code ?code=}), and finds the votes they cast in earlier sessions.
 */
@Route("classroom/join")
@RolesAllowed(Role.Names.CADET)
class JoinView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	private final ClassroomSessions sessions;

	private final LocalizedFormats formats;

	private final TextField code = new TextField();

	private final Paragraph error = new Paragraph();

	JoinView(ClassroomSessions sessions, LocalizedFormats formats) {
		this.sessions = sessions;
		this.formats = formats;
		addClassName("classroom-join");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		removeAll();
		add(new H1(getTranslation("classroom.join.title")));
		code.setId("join-code-field");
		code.setLabel(getTranslation("classroom.join.code"));
		code.setMaxLength(12);
		code.getElement().setAttribute("autocapitalize", "characters");
		code.getElement().setAttribute("autocomplete", "off");
		// Codes are Latin letters and digits in every language.
		code.getElement().setAttribute("dir", "ltr");
		Button join = new Button(getTranslation("classroom.join.button"), (e) -> join(code.getValue()));
		join.setId("join-button");
		join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		join.addClickShortcut(Key.ENTER);
		error.setId("join-error");
		error.getStyle().set("color", "var(--lumo-error-text-color)");
		error.setVisible(false);
		add(code, join, error);
		add(myVotes());
		event.getLocation().getQueryParameters().getSingleParameter("code").ifPresent((given) -> {
			code.setValue(given.length() > 12 ? given.substring(0, 12) : given);
			try {
				long id = sessions.join(given);
				event.forwardTo("classroom/room", QueryParameters.of("session", String.valueOf(id)));
			}
			catch (ClassroomException ex) {
				showError(ex);
			}
		});
	}

	private void join(String value) {
		try {
			long id = sessions.join(value);
			getUI().ifPresent((ui) -> ui.navigate("classroom/room", QueryParameters.of("session", String.valueOf(id))));
		}
		catch (ClassroomException ex) {
			showError(ex);
		}
	}

	private void showError(ClassroomException ex) {
		error.setText(getTranslation(ex.messageKey()));
		error.setVisible(true);
	}

	private VerticalLayout myVotes() {
		List<MyVote> votes = sessions.myVotes(getLocale());
		VerticalLayout section = new VerticalLayout(new H2(getTranslation("classroom.myVotes")));
		section.setPadding(false);
		section.setId("my-votes");
		if (votes.isEmpty()) {
			section.add(new Paragraph(getTranslation("classroom.myVotes.none")));
			return section;
		}
		UnorderedList list = new UnorderedList();
		for (MyVote vote : votes) {
			String when = formats.dateTime(vote.startedAt(), ZoneId.systemDefault(), getLocale());
			String round = getTranslation("classroom.myVotes.round", formats.number(vote.roundNo(), getLocale()));
			String taken = vote.taken() ? " · " + getTranslation("classroom.myVotes.taken") : "";
			list.add(new ListItem(
					when + " · " + vote.scenarioTitle() + " · " + round + ": " + vote.choiceText() + taken));
		}
		section.add(list);
		return section;
	}

	@Override
	public String getPageTitle() {
		return getTranslation("classroom.join.title");
	}

}
