package org.lepha.academy.classroom.ui;

import com.vaadin.flow.component.html.Anchor;

import java.util.Map;

import java.util.Locale;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.classroom.ClassroomSessions;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classroom views without a browser: the projector shows the code, hides the counts
 * until revealed and moves on with the majority; a cadet joins by a typed code (a wrong
 * one explained), votes and sees the vote received.
 */
@IntegrationTest
class ClassroomViewsTests extends SpringBrowserlessTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	ClassroomSessions classroom;

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	@Test
	void theProjectorRevealsTheVotesAndGoesOnWithTheMajority() {
		AcademyFixture fixture = new AcademyFixture(context);
		Academy academy = fixture.academy();
		UserAccount trainer = fixture.user(Role.TRAINER, academy, "Trainer");
		UserAccount cadet = fixture.user(Role.CADET, academy, "Cadet");
		CohortSummary cohort = fixture.cohort(academy, trainer);
		fixture.enrol(cohort, cadet);
		fixture.assignTheModule(cohort);
		fixture.signInAs(trainer);
		long session = classroom.start(cohort.id(), AcademyFixture.MODULE, "overdose-call");
		fixture.signInAs(cadet);
		classroom.vote(session, "check-kit");

		signInFresh(fixture, trainer);
		// The trainer's own device shows the live votes before the room sees them.
		UI.getCurrent()
			.navigate("classroom/projector",
					QueryParameters.simple(Map.of("session", String.valueOf(session), "console", "true")));
		assertThat($(Paragraph.class).id("console-not-revealed").getText())
			.isEqualTo("Only you see these votes: the room sees them when you reveal them.");
		assertThat($(NativeTableCell.class).id("histogram-count-check-kit").getText()).isEqualTo("1");
		assertThat($(Anchor.class).all()).noneMatch((a) -> a.getId().orElse("").equals("open-console"));

		UI.getCurrent().navigate("classroom/projector", QueryParameters.of("session", String.valueOf(session)));
		assertThat(getCurrentView()).isInstanceOf(ProjectorView.class);
		assertThat($(Anchor.class).id("open-console").getHref()).endsWith("session=" + session + "&console=true");
		assertThat($(Span.class).id("join-code").getText()).hasSize(6);
		assertThat($(Paragraph.class).id("vote-count").getText()).isEqualTo("Votes: 1 of 1 joined");
		assertThat($(NativeTableCell.class).all()).as("counts hidden until revealed").isEmpty();

		test($(Button.class).id("reveal")).click();
		assertThat($(NativeTableCell.class).id("histogram-count-check-kit").getText()).isEqualTo("1");
		assertThat($(NativeTableCell.class).id("histogram-count-go-straight").getText()).isEqualTo("0");

		test($(Button.class).id("continue-majority")).click();
		assertThat($(ListItem.class).id("projector-choice-give-naloxone").getElement().getTextRecursively())
			.contains("Give naloxone.");
	}

	@Test
	void aCadetJoinsByCodeAfterAWrongOneAndVotes() {
		AcademyFixture fixture = new AcademyFixture(context);
		Academy academy = fixture.academy();
		UserAccount trainer = fixture.user(Role.TRAINER, academy, "Trainer");
		UserAccount cadet = fixture.user(Role.CADET, academy, "Cadet");
		CohortSummary cohort = fixture.cohort(academy, trainer);
		fixture.enrol(cohort, cadet);
		fixture.signInAs(trainer);
		long session = classroom.start(cohort.id(), AcademyFixture.MODULE, "overdose-call");
		String code = classroom.projector(session, Locale.ENGLISH).joinCode();

		signInFresh(fixture, cadet);
		navigate("classroom/join", JoinView.class);
		test($(TextField.class).id("join-code-field")).setValue("WRONG1");
		test($(Button.class).id("join-button")).click();
		assertThat($(Paragraph.class).id("join-error").getText())
			.isEqualTo("This code does not open a session of your cohort. Check the code on the projector.");

		test($(TextField.class).id("join-code-field")).setValue(code.toLowerCase(Locale.ROOT));
		test($(Button.class).id("join-button")).click();
		assertThat(getCurrentView()).isInstanceOf(RoomView.class);
		test($(Button.class).id("vote-go-straight")).click();
		assertThat($(Span.class).id("room-status").getText())
			.isEqualTo("Vote received. You can change it until voting closes.");
		assertThat($(Button.class).id("vote-go-straight").getElement().getAttribute("aria-pressed")).isEqualTo("true");
	}

	/** A new Vaadin session for the user, as after signing in. */
	private void signInFresh(AcademyFixture fixture, UserAccount user) {
		cleanVaadinEnvironment();
		fixture.signInAs(user);
		initVaadinEnvironment();
	}

}
