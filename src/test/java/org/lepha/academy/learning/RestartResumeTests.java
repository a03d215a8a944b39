package org.lepha.academy.learning;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.Application;
import org.lepha.academy.TestTags;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server stops in the middle of a quiz and starts again on the same database: the
 * attempt, its drawn questions in their order and every answer saved before the stop are
 * there, and the cadet goes on with the same attempt.
 */
@Tag(TestTags.FAILURE)
class RestartResumeTests {

	private static final String MODULE = "example-module";

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(Application.class)
			// Command-line arguments, not default properties: application.yaml's
			// ${PORT:8080} and ${DATA_DIR:data} would override defaults.
			.run("--app.db.data-dir=target/test-data", "--app.demo-data=false", "--server.port=0",
					"--vaadin.devmode.devTools.enabled=false", "--spring.main.banner-mode=off");
	}

	private static void signIn(ConfigurableApplicationContext context, String username) {
		var details = context.getBean(UserDetailsService.class).loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
	}

	@Test
	void aQuizInProgressSurvivesAServerRestart() {
		String username = "restart.cadet." + System.nanoTime();
		long attemptId;
		List<String> drawn;
		GivenAnswer first = new GivenAnswer.TrueFalse(false);
		try (ConfigurableApplicationContext before = start()) {
			UserAccountService accounts = before.getBean(UserAccountService.class);
			SystemAccess.asAdministrator(() -> accounts.createUser(new NewUser(username, "Restart Cadet", null,
					Locale.ENGLISH, Set.of(Role.CADET), null, "restart-password-1", false)));
			signIn(before, username);
			QuizService quizzes = before.getBean(QuizService.class);
			QuizSession quiz = quizzes.startQuiz(MODULE, QuizKind.POST, Locale.ENGLISH);
			attemptId = quiz.attemptId();
			drawn = quiz.questions().stream().map(QuizSession.QuestionView::id).toList();
			String trueFalse = quiz.questions()
				.stream()
				.filter((q) -> q.id().equals("arrest-at-scene"))
				.map(QuizSession.QuestionView::id)
				.findFirst()
				.orElse(null);
			if (trueFalse != null) {
				quizzes.saveAnswer(attemptId, trueFalse, first);
			}
			else {
				first = new GivenAnswer.Choices(Set.of(quiz.questions().get(0).choices().get(0).id()));
				quizzes.saveAnswer(attemptId, drawn.get(0), first);
			}
			SecurityContextHolder.clearContext();
		}

		try (ConfigurableApplicationContext after = start()) {
			signIn(after, username);
			QuizService quizzes = after.getBean(QuizService.class);
			QuizSession resumed = quizzes.quizSession(attemptId, Locale.ENGLISH);
			assertThat(resumed.submitted()).isFalse();
			assertThat(resumed.questions()).extracting(QuizSession.QuestionView::id).containsExactlyElementsOf(drawn);
			assertThat(resumed.answers()).hasSize(1).containsValue(first);
			// Starting the quiz again resumes the open attempt rather than drawing a new
			// one.
			assertThat(quizzes.startQuiz(MODULE, QuizKind.POST, Locale.ENGLISH).attemptId()).isEqualTo(attemptId);
		}
	}

}
