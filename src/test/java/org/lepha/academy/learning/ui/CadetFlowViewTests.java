package org.lepha.academy.learning.ui;

import java.util.Locale;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.learning.LearningService;
import org.lepha.academy.learning.ModuleStatus;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cadet's views without a browser: reading a lesson page by page with previous/next,
 * playing a scenario to an ending, and the module page reflecting it.
 */
@IntegrationTest
class CadetFlowViewTests extends SpringBrowserlessTest {

	@Autowired
	UserAccountService accounts;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	LearningService learning;

	@BeforeEach
	void freshCadet() {
		UserAccount cadet = SystemAccess
			.asAdministrator(() -> accounts.createUser(new NewUser("view.cadet." + System.nanoTime(), "View Cadet",
					null, Locale.ENGLISH, Set.of(Role.CADET), null, "view-cadet-password", false)));
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
	void cadetReadsTheLessonsPageByPageWithNextAndPrevious() {
		navigate("learn/example-module", ModuleView.class);
		test($(Button.class).id("continue-reading")).click();
		assertThat(getCurrentView()).isInstanceOf(LessonView.class);
		assertThat($(Div.class).id("lesson-text").getElement().getChild(0).getOuterHTML())
			.contains("What an overdose looks like")
			.contains("data-callout=\"keyfact\"")
			.contains("<strong class=\"callout-label\">Key fact</strong>");
		test($(Button.class).id("lesson-next")).click();
		assertThat($(Div.class).id("lesson-text").getElement().getChild(0).getOuterHTML()).contains("<table>");
		test($(Button.class).id("lesson-previous")).click();
		assertThat($(Div.class).id("lesson-text").getElement().getChild(0).getOuterHTML())
			.contains("What an overdose looks like");
		test($(Button.class).id("lesson-next")).click();
		test($(Button.class).id("lesson-next")).click();
		assertThat($(Div.class).id("lesson-text").getElement().getChild(0).getOuterHTML())
			.contains("Call an ambulance");
		test($(Button.class).id("lesson-next")).click();
		assertThat(getCurrentView()).isInstanceOf(ModuleView.class);
	}

	@Test
	void cadetPlaysTheScenarioToAnEndingWithDebrief() {
		navigate("learn/example-module/scenario/overdose-call", ScenarioPlayerView.class);
		test($(Button.class).id("choice-check-kit")).click();
		assertThat($(Paragraph.class).id("choice-feedback").getText()).isEqualTo("You have the kit in your hand.");
		test($(Button.class).id("choice-give-naloxone")).click();
		assertThat($(Span.class).id("ending-rating").getText()).isEqualTo("Exemplary");
		assertThat($(Div.class).id("debrief").getElement().getChild(0).getOuterHTML())
			.contains("You prepared and acted");
		test($(Button.class).id("back-to-module")).click();
		assertThat(getCurrentView()).isInstanceOf(ModuleView.class);
		assertThat(learning.overview("example-module", Locale.ENGLISH).scenarios().get(0).bestRating())
			.isEqualTo("EXEMPLARY");
		assertThat(learning.overview("example-module", Locale.ENGLISH).status()).isEqualTo(ModuleStatus.IN_PROGRESS);
	}

	@Test
	void cadetAnswersAndSubmitsTheQuizInTheView() {
		navigate("learn/example-module/quiz/post", QuizView.class);
		assertThat($(Div.class).all().stream().filter((d) -> d.getClassNames().contains("quiz-question"))).hasSize(4);
		test($(Button.class).id("quiz-submit")).click();
		assertThat($(Paragraph.class).id("quiz-score").getText()).isEqualTo("Your score: 0%");
		assertThat($(Span.class).id("quiz-verdict").getText()).isEqualTo("Not passed");
	}

}
