package org.lepha.academy.classroom.ui;

import java.time.ZoneId;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.classroom.ClassroomChoices.LiveSession;
import org.lepha.academy.classroom.ClassroomChoices.StartOption;
import org.lepha.academy.classroom.ClassroomSessions;
import org.lepha.academy.security.Role;

/**
 * The trainer's way into classroom mode: start a scenario of a module assigned to one of
 * their cohorts, or open the projector of a session still running.
 */
@Route("classroom")
@RolesAllowed({ Role.Names.TRAINER, Role.Names.ADMIN })
class ClassroomStartView extends VerticalLayout implements HasDynamicTitle {

	/** The projector of a session (an address, not text). */
	private static final String PROJECTOR_ROUTE = "classroom/projector?session=";

	ClassroomStartView(ClassroomSessions sessions, LocalizedFormats formats) {
		addClassName("classroom-start");
		add(new H1(getTranslation("classroom.title")), new Paragraph(getTranslation("classroom.intro")));
		List<StartOption> options = sessions.startOptions(getLocale());
		if (options.isEmpty()) {
			add(new Paragraph(getTranslation("classroom.noScenarios")));
		}
		else {
			Select<StartOption> scenario = new Select<>();
			scenario.setId("classroom-scenario");
			scenario.setLabel(getTranslation("classroom.scenario"));
			scenario.setItems(options);
			scenario.setItemLabelGenerator((o) -> o.cohortName() + " · " + o.moduleTitle() + " · " + o.scenarioTitle());
			scenario.setValue(options.get(0));
			scenario.setWidth("min(100%, 40rem)");
			Button start = new Button(getTranslation("classroom.start"), (e) -> {
				StartOption chosen = scenario.getValue();
				if (chosen != null) {
					long id = sessions.start(chosen.cohortId(), chosen.moduleId(), chosen.scenarioId());
					getUI().ifPresent((ui) -> ui.navigate("classroom/projector",
							QueryParameters.of("session", String.valueOf(id))));
				}
			});
			start.setId("classroom-start");
			start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
			add(scenario, start);
		}
		List<LiveSession> live = sessions.liveSessions(getLocale());
		if (!live.isEmpty()) {
			add(new H2(getTranslation("classroom.live")));
			UnorderedList list = new UnorderedList();
			list.setId("live-sessions");
			for (LiveSession session : live) {
				String label = session.cohortName() + " · " + session.scenarioTitle() + " · " + session.joinCode()
						+ " · " + formats.dateTime(session.startedAt(), ZoneId.systemDefault(), getLocale());
				list.add(new ListItem(new Anchor(PROJECTOR_ROUTE + session.sessionId(), label)));
			}
			add(list);
		}
	}

	@Override
	public String getPageTitle() {
		return getTranslation("classroom.title");
	}

}
