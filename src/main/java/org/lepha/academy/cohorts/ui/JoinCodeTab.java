package org.lepha.academy.cohorts.ui;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.lepha.academy.cohorts.CohortException;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.JoinCode;

/**
 * Self-enrolment: the cohort's join code on or off, and until when it is valid (the end
 * of the chosen day); the code is shown while it can be used.
 */
class JoinCodeTab extends VerticalLayout {

	JoinCodeTab(long cohortId, CohortService cohorts, Clock clock) {
		JoinCode code = cohorts.joinCode(cohortId);
		Checkbox enabled = new Checkbox(getTranslation("joinCode.enabled"), code.enabled());
		DatePicker expires = new DatePicker(getTranslation("joinCode.expires"));
		ZoneId zone = ZoneId.systemDefault();
		if (code.expiresAt() != null) {
			expires.setValue(code.expiresAt().atZone(zone).toLocalDate());
		}
		Span current = new Span(shown(code, clock));
		current.setId("join-code");
		current.addClassName("join-code");
		Button save = new Button(getTranslation("cohort.save"), (e) -> {
			try {
				JoinCode updated = cohorts.setJoinCode(cohortId, enabled.getValue(), expires.getValue() == null ? null
						: expires.getValue().atTime(LocalTime.MAX).atZone(zone).toInstant());
				current.setText(shown(updated, clock));
			}
			catch (CohortException ex) {
				Notification.show(getTranslation(ex.messageKey()));
			}
		});
		save.setId("join-code-save");
		add(new Paragraph(getTranslation("joinCode.explain")), enabled, expires, save,
				new HorizontalLayout(new Span(getTranslation("joinCode.current")), current));
	}

	private static String shown(JoinCode code, Clock clock) {
		return code.usableAt(clock.instant()) ? code.code() : "";
	}

}
