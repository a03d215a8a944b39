package org.lepha.academy.exams.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.communication.PushMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.exams.ExamCadetStatus;
import org.lepha.academy.exams.ExamMonitor;
import org.lepha.academy.exams.ExamPhase;
import org.lepha.academy.exams.ExamSession;
import org.lepha.academy.exams.ExamSessions;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trainer's exam screens without a browser: opening a session through the form (and
 * the form's own refusals), the monitor's counts, rows and close-early, and one refresh
 * task per session serving every monitor of it with a single read.
 */
@IntegrationTest
class ExamScreensTests extends SpringBrowserlessTest {

	@Autowired
	BeanFactory context;

	@Autowired
	ExamSessions exams;

	@Autowired
	ExamMonitorFeeds feeds;

	@Autowired
	UiTranslationProvider strings;

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	/**
	 * A trainer signed in (also in the Vaadin environment) with a cohort of two cadets.
	 */
	private World world() {
		AcademyFixture fixture = new AcademyFixture(context);
		Academy academy = fixture.academy();
		UserAccount trainer = fixture.user(Role.TRAINER, academy, "Exam Trainer");
		CohortSummary cohort = fixture.cohort(academy, trainer);
		UserAccount first = fixture.user(Role.CADET, academy, "Cadet <b>One</b>");
		UserAccount second = fixture.user(Role.CADET, academy, "Cadet Two");
		fixture.enrol(cohort, first);
		fixture.enrol(cohort, second);
		fixture.assignTheModule(cohort);
		cleanVaadinEnvironment();
		fixture.signInAs(trainer);
		initVaadinEnvironment();
		return new World(cohort, first, second);
	}

	private record World(CohortSummary cohort, UserAccount first, UserAccount second) {
	}

	@Test
	void trainerOpensASessionWithACodeAfterTheFormRefusedAnEndBeforeTheStart() {
		World world = world();
		navigate("cohorts/" + world.cohort().id() + "/exams", ExamSessionsView.class);
		assertThat($(Paragraph.class).id("exam-no-sessions").isVisible()).isTrue();

		DateTimePicker closes = $(DateTimePicker.class).id("exam-closes-at");
		closes.setValue(LocalDateTime.now(ZoneId.systemDefault()).minusHours(1));
		test($(Button.class).id("exam-open")).click();
		Paragraph error = $(Paragraph.class).id("exam-form-error");
		assertThat(error.isVisible()).isTrue();
		assertThat(error.getText()).isEqualTo(strings.getTranslation("examui.error.closesBeforeOpens", Locale.ENGLISH));
		assertThat(exams.sessions(world.cohort().id())).isEmpty();

		closes.setValue(LocalDateTime.now(ZoneId.systemDefault()).plusHours(1));
		$(Checkbox.class).id("exam-with-code").setValue(true);
		test($(Button.class).id("exam-open")).click();

		ExamSession session = exams.sessions(world.cohort().id()).getFirst();
		assertThat(session.phase()).isEqualTo(ExamPhase.OPEN);
		assertThat(session.accessCode()).hasSize(6);
		assertThat($(Span.class).id("exam-code-" + session.id()).getText()).isEqualTo(session.accessCode());
		assertThat($(Anchor.class).id("exam-monitor-" + session.id()).getHref())
			.isEqualTo("exams/" + session.id() + "/monitor");
		assertThat($(Span.class).id("exam-phase-" + session.id()).getText())
			.isEqualTo(strings.getTranslation("examui.phase.OPEN", Locale.ENGLISH));
	}

	@Test
	void monitorShowsEveryCadetTurnsOnPushAndClosesTheSessionEarly() {
		World world = world();
		ExamSession session = exams.open(world.cohort().id(), AcademyFixture.MODULE, null,
				Instant.now().plus(Duration.ofHours(1)), false);
		navigate("exams/" + session.id() + "/monitor", ExamMonitorView.class);

		assertThat($(Span.class).id("exam-count-not-started").getText()).isEqualTo("2");
		assertThat($(Span.class).id("exam-count-answering").getText()).isEqualTo("0");
		@SuppressWarnings("unchecked")
		Grid<ExamMonitorView.Row> grid = $(Grid.class).id("exam-monitor-grid");
		assertThat(test(grid).size()).isEqualTo(2);
		assertThat(List.of(test(grid).getRow(0), test(grid).getRow(1))).extracting(ExamMonitorView.Row::name)
			.containsExactlyInAnyOrder("Cadet <b>One</b>", "Cadet Two");
		assertThat(test(grid).getRow(0).status()).isEqualTo(ExamCadetStatus.NOT_STARTED);
		// Push (or, where the container has none, polling) for this page only.
		UI ui = UI.getCurrent();
		assertThat(ui.getPushConfiguration().getPushMode() == PushMode.AUTOMATIC || ui.getPollInterval() > 0).isTrue();

		test($(Button.class).id("exam-close-early")).click();
		test($(Button.class).id("exam-close-confirm")).click();
		assertThat(exams.session(session.id()).phase()).isEqualTo(ExamPhase.CLOSED);
		assertThat($(Span.class).id("exam-monitor-phase").getText())
			.isEqualTo(strings.getTranslation("examui.phase.CLOSED", Locale.ENGLISH));
		assertThat($(Button.class).id("exam-close-early").isEnabled()).isFalse();
	}

	@Test
	void oneTaskReadsTheMonitorOnceForAllItsViewersAndStopsWithTheLast() {
		World world = world();
		ExamSession session = exams.open(world.cohort().id(), AcademyFixture.MODULE, null,
				Instant.now().plus(Duration.ofHours(1)), false);
		SecurityContext trainer = SecurityContextHolder.createEmptyContext();
		trainer.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
		int before = feeds.activeFeeds();
		List<ExamMonitor> first = new ArrayList<>();
		List<ExamMonitor> second = new ArrayList<>();
		var one = feeds.subscribe(session.id(), trainer, first::add);
		var two = feeds.subscribe(session.id(), trainer, second::add);
		assertThat(feeds.activeFeeds()).isEqualTo(before + 1);

		feeds.refreshNow(session.id());
		assertThat(first).hasSize(1);
		assertThat(second).hasSize(1);
		// The very same state object: read once, handed to both.
		assertThat(second.getFirst()).isSameAs(first.getFirst());
		assertThat(first.getFirst().notStarted()).isEqualTo(2);

		one.remove();
		assertThat(feeds.activeFeeds()).isEqualTo(before + 1);
		two.remove();
		assertThat(feeds.activeFeeds()).isEqualTo(before);
	}

}
