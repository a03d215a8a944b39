package org.lepha.academy.learning.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.exams.ExamSession;
import org.lepha.academy.content.QuestionType;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.exams.ExamSessions;
import org.lepha.academy.learning.QuizService;
import org.lepha.academy.learning.QuizSession;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cadet's module page when the cohort has an exam session (the times, the way to the
 * exam page) and the exam page itself: the countdown and the code field, the server's own
 * refusals (too early, wrong code) shown on the page, the right code starting the attempt
 * on the same page, and a later visit resuming it.
 */
@IntegrationTest
class ExamStartViewTests extends SpringBrowserlessTest {

	@Autowired
	BeanFactory context;

	@Autowired
	ExamSessions exams;

	@Autowired
	UiTranslationProvider strings;

	@Autowired
	QuizService quizzes;

	@Autowired
	LocalizedFormats formats;

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	/** Opens a session as the cohort's trainer, then signs the cadet in. */
	private ExamSession sessionForACadet(Instant opensAt) {
		AcademyFixture fixture = new AcademyFixture(context);
		Academy academy = fixture.academy();
		UserAccount trainer = fixture.user(Role.TRAINER, academy, "Exam Trainer");
		CohortSummary cohort = fixture.cohort(academy, trainer);
		UserAccount cadet = fixture.user(Role.CADET, academy, "Exam Cadet");
		fixture.enrol(cohort, cadet);
		fixture.assignTheModule(cohort);
		fixture.signInAs(trainer);
		ExamSession session = exams.open(cohort.id(), AcademyFixture.MODULE,
				opensAt.isAfter(Instant.now()) ? opensAt : null, opensAt.plus(Duration.ofHours(1)), true);
		cleanVaadinEnvironment();
		fixture.signInAs(cadet);
		initVaadinEnvironment();
		return session;
	}

	@Test
	void beforeTheOpeningTheCountdownShowsAndTheServerRefusesAStart() {
		sessionForACadet(Instant.now().plus(Duration.ofMinutes(30)));
		UI.getCurrent().navigate("learn/" + AcademyFixture.MODULE);
		// The module page has the times and the way to the exam page, not Start.
		assertThat($(Paragraph.class).id("exam-opens-at-text").getText()).isNotBlank();
		assertThat($(Button.class).withId("start-quiz").exists()).isFalse();
		test($(Button.class).id("exam-room-link")).click();
		assertThat(getCurrentView()).isInstanceOf(QuizView.class);

		assertThat($(Span.class).id("exam-countdown").isVisible()).isTrue();
		assertThat($(Paragraph.class).id("exam-opens-at-text").getText()).isNotBlank();
		$(TextField.class).id("exam-access-code").setValue("ABCDEF");
		// The browser keeps the button disabled until zero; the server checks anyway.
		test($(Button.class).id("start-quiz")).click();
		Paragraph error = $(Paragraph.class).id("exam-start-error");
		assertThat(error.isVisible()).isTrue();
		assertThat(error.getText()).isEqualTo(strings.getTranslation("exam.error.notOpen", Locale.ENGLISH));
		// The attempt's frame is built while the cadet waits, hidden; its first question
		// is built too but invisible, which Vaadin does not send to the browser
		// (ExamDayJourneyTests checks the browser's page).
		assertThat($(Div.class).id("exam-attempt").getElement().hasAttribute("hidden")).isTrue();
		assertThat(questionBlocks()).singleElement().satisfies((block) -> assertThat(block.isVisible()).isFalse());
	}

	/** Every question block on the page, visible or not. */
	private static List<Div> questionBlocks() {
		return tree(UI.getCurrent()).filter((c) -> c instanceof Div d && d.hasClassName("quiz-question"))
			.map(Div.class::cast)
			.toList();
	}

	private static Stream<Component> tree(Component component) {
		return Stream.concat(Stream.of(component), component.getChildren().flatMap(ExamStartViewTests::tree));
	}

	/**
	 * The question built while waiting is shown by Start only when it is still the first
	 * question of the attempt started: the same attempt, the same texts. Otherwise (a
	 * content reload in between, another attempt) Start builds the question it shows.
	 */
	@Test
	void theQuestionBuiltWhileWaitingIsShownOnlyWhenStartShowsTheSameOne() {
		QuizSession.QuestionView first = question("q1", "Who may carry naloxone?");
		QuizSession.QuestionView second = question("q2", "When is a referral made?");

		ExamAttemptPages same = pages();
		same.prepare(attempt(7, first, second));
		Div waiting = questionBlocks().getFirst();
		assertThat(waiting.isVisible()).isFalse();
		same.begin(attempt(7, first, second), false);
		assertThat(questionBlocks()).containsExactly(waiting);
		assertThat(waiting.isVisible()).isTrue();
		same.removeFromParent();

		ExamAttemptPages edited = pages();
		edited.prepare(attempt(7, first, second));
		Div stale = questionBlocks().getFirst();
		QuizSession.QuestionView reloaded = question("q1", "Who may carry and give naloxone?");
		edited.begin(attempt(7, reloaded, second), false);
		assertThat(questionBlocks()).singleElement().satisfies((shown) -> {
			assertThat(shown).isNotSameAs(stale);
			assertThat(shown.isVisible()).isTrue();
			assertThat(shown.getText()).isEqualTo("Who may carry and give naloxone?");
		});
		edited.removeFromParent();

		ExamAttemptPages another = pages();
		another.prepare(attempt(7, first, second));
		another.begin(attempt(8, first, second), false);
		assertThat(questionBlocks()).singleElement().satisfies((shown) -> assertThat(shown.isVisible()).isTrue());
		assertThat(questionBlocks().getFirst().getId()).hasValue("block-8-q1");
	}

	private ExamAttemptPages pages() {
		ExamAttemptPages pages = new ExamAttemptPages(quizzes, formats, (session, question, number) -> {
			Div block = new Div();
			block.addClassName("quiz-question");
			block.setId("block-" + session.attemptId() + "-" + question.id());
			block.setText(question.text());
			return block;
		}, (finished) -> {
		});
		UI.getCurrent().add(pages);
		return pages;
	}

	private static QuizSession.QuestionView question(String id, String text) {
		return new QuizSession.QuestionView(id, QuestionType.TRUE_FALSE, text, List.of(), List.of(), false);
	}

	private static QuizSession attempt(long id, QuizSession.QuestionView... questions) {
		return new QuizSession(id, AcademyFixture.MODULE, QuizKind.POST, 1, null, List.of(questions), Map.of(), null,
				true);
	}

	@Test
	void aWrongCodeIsRefusedOnThePageAndTheRightOneOpensTheQuiz() {
		ExamSession session = sessionForACadet(Instant.now());
		UI.getCurrent().navigate("learn/" + AcademyFixture.MODULE + "/quiz/post");
		assertThat($(Span.class).withId("exam-countdown").exists()).isFalse();

		List<Div> built = questionBlocks();
		assertThat(built).singleElement().satisfies((block) -> assertThat(block.isVisible()).isFalse());
		Div waiting = built.getFirst();
		TextField code = $(TextField.class).id("exam-access-code");
		code.setValue("WRONG9");
		test($(Button.class).id("start-quiz")).click();
		assertThat($(Paragraph.class).id("exam-start-error").getText())
			.isEqualTo(strings.getTranslation("exam.error.wrongCode", Locale.ENGLISH));
		assertThat(code.isInvalid()).isTrue();

		code.setValue(" " + session.accessCode().toLowerCase(Locale.ROOT) + " ");
		test($(Button.class).id("start-quiz")).click();
		assertThat($(Button.class).id("quiz-submit").isVisible()).isTrue();
		assertThat($(Div.class).id("exam-attempt").getElement().hasAttribute("hidden")).isFalse();
		assertThat($(Div.class).withId("exam-room").exists()).isFalse();
		assertThat($(H1.class).all()).extracting(H1::getText)
			.contains(strings.getTranslation("quiz.title", Locale.ENGLISH, 1))
			.doesNotContain(strings.getTranslation("examui.cadet.roomTitle", Locale.ENGLISH));
		assertThat($(Paragraph.class).id("quiz-deadline").getText()).isNotBlank();
		assertThat($(Span.class).withId("exam-countdown").exists()).isFalse();
		// In an exam, one question at a time: the one built while waiting.
		assertThat(questionBlocks()).containsExactly(waiting);
		assertThat(waiting.isVisible()).isTrue();
		assertThat($(Div.class).withClassName("quiz-question").all()).hasSize(1);
		String firstShown = $(Div.class).withClassName("quiz-question").single().getId().orElseThrow();
		assertThat($(Button.class).id("quiz-previous").isEnabled()).isFalse();
		test($(Button.class).id("quiz-next")).click();
		assertThat($(Div.class).withClassName("quiz-question").all()).hasSize(1);
		assertThat($(Div.class).withClassName("quiz-question").single().getId()).isNotEqualTo(Optional.of(firstShown));
		assertThat($(Paragraph.class).id("quiz-position").getElement().getAttribute("data-index")).isEqualTo("1");
		test($(Button.class).id("quiz-previous")).click();
		assertThat($(Div.class).withClassName("quiz-question").single().getId()).isEqualTo(Optional.of(firstShown));

		// Coming back to the exam page resumes the started attempt, not the room.
		UI.getCurrent().navigate("learn/" + AcademyFixture.MODULE);
		UI.getCurrent().navigate("learn/" + AcademyFixture.MODULE + "/quiz/post");
		assertThat($(Button.class).id("quiz-submit").isVisible()).isTrue();
		assertThat($(TextField.class).withId("exam-access-code").exists()).isFalse();
	}

}
