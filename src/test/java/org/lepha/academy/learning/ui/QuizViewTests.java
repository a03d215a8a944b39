package org.lepha.academy.learning.ui;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.content.QuestionType;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.learning.GivenAnswer;
import org.lepha.academy.learning.QuizService;
import org.lepha.academy.learning.QuizSession;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quiz page without a browser, as the module page's Start button opens it: the view
 * is the plain class (not a Spring AOP proxy, which made every quiz start match advisors
 * against all of the view's methods, see docs/decisions/0015-quiz-start-cost.md), every
 * drawn question is shown with its labelled options and its "Saved" line, and an answer
 * given in the page is stored.
 */
@IntegrationTest
class QuizViewTests extends SpringBrowserlessTest {

	private static final String MODULE = "example-module";

	@Autowired
	UserAccountService accounts;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	QuizService quizzes;

	@BeforeEach
	void freshCadet() {
		UserAccount cadet = SystemAccess
			.asAdministrator(() -> accounts.createUser(new NewUser("quizview.cadet." + System.nanoTime(),
					"Quiz View Cadet", null, Locale.ENGLISH, Set.of(Role.CADET), null, "quiz-view-password", false)));
		var details = userDetails.loadUserByUsername(cadet.username());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
		SecurityContextHolder.setContext(context);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void startFromTheModulePageShowsEveryDrawnQuestionInAPlainViewAndSavesAnAnswer() {
		navigate("learn/" + MODULE, ModuleView.class);
		test($(Button.class).id("start-quiz")).click();

		assertThat(getCurrentView()).isInstanceOf(QuizView.class);
		assertThat(AopUtils.isAopProxy(getCurrentView())).as("the view is not wrapped in a proxy").isFalse();
		assertThat(getCurrentView().getClass()).isEqualTo(QuizView.class);

		QuizSession session = quizzes.startQuiz(MODULE, QuizKind.POST, Locale.ENGLISH);
		List<Div> blocks = $(Div.class).withClassName("quiz-question").all();
		assertThat(blocks).extracting(Component::getId)
			.containsExactlyElementsOf(
					session.questions().stream().map((q) -> java.util.Optional.of("question-" + q.id())).toList());
		for (QuizSession.QuestionView question : session.questions()) {
			assertThat($(Span.class).id("saved-" + question.id()).getElement().getAttribute("aria-live"))
				.isEqualTo("polite");
		}

		// Four of seven questions are drawn, two of the seven without options: at least
		// one
		// drawn question is answered by ticking.
		QuizSession.QuestionView answered = session.questions()
			.stream()
			.filter((q) -> q.type() == QuestionType.SINGLE || q.type() == QuestionType.MULTIPLE
					|| q.type() == QuestionType.TRUE_FALSE)
			.findFirst()
			.orElseThrow();
		boolean trueFalse = answered.type() == QuestionType.TRUE_FALSE;
		String questionId = answered.id();
		ChoiceOptions options = $(ChoiceOptions.class).all()
			.stream()
			.filter((o) -> o.getParent().flatMap(Component::getId).orElseThrow().equals("question-" + questionId))
			.findFirst()
			.orElseThrow();
		List<String> labels = options.getElement()
			.getChildren()
			.filter((e) -> e.getTag().equals("label"))
			.map(com.vaadin.flow.dom.Element::getTextRecursively)
			.toList();
		assertThat(labels).as("options are shown by their text")
			.containsExactlyElementsOf(trueFalse ? List.of("True", "False")
					: answered.choices().stream().map(QuizSession.Choice::text).toList());
		ChoiceOptionsTests.change(options, 0);

		assertThat(quizzes.quizSession(session.attemptId(), Locale.ENGLISH).answers().get(questionId))
			.as("the first option shown is the one stored")
			.isEqualTo(trueFalse ? new GivenAnswer.TrueFalse(true)
					: new GivenAnswer.Choices(Set.of(answered.choices().get(0).id())));
	}

}
