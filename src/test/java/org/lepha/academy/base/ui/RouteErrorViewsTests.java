package org.lepha.academy.base.ui;

import java.util.List;
import java.util.Locale;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.TestAccounts;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security finding 8 of issue 19: a wrong route parameter ({@code /cohorts/abc}, a cohort
 * that is not the trainer's, a language the translator does not have) showed Vaadin's
 * bare error page with the exception text and logged an ERROR with a stack trace per
 * request. Now each gets a translated page inside the app's frame, and one WARN line
 * without a trace.
 */
@IntegrationTest
class RouteErrorViewsTests extends SpringBrowserlessTest {

	@Autowired
	UiTranslationProvider strings;

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	@BeforeEach
	void captureTheLog() {
		log.start();
		root.addAppender(log);
	}

	@AfterEach
	void releaseTheLog() {
		root.detachAppender(log);
	}

	@Test
	@WithUserDetails(TestAccounts.TRAINER)
	void aCohortNumberThatIsNotANumberIsABadAddress() {
		navigate("cohorts/abc", BadParameterView.class);
		assertShown("errorPage.badParameter.title", "errorPage.badParameter.text");
		assertNoExceptionText("NumberFormatException", "For input string");
		assertLoggedOnceAsWarning(BadParameterView.class);
	}

	@Test
	@WithUserDetails(TestAccounts.TRAINER)
	void aCohortThatIsNotTheTrainersIsNoAccessWhetherOrNotItExists() {
		navigate("cohorts/987654321", NoAccessView.class);
		assertShown("errorPage.noAccess.title", "errorPage.noAccess.text");
		assertNoExceptionText("No such cohort");
		assertLoggedOnceAsWarning(NoAccessView.class);

		navigate("cohorts/987654321/cadet/123456789", NoAccessView.class);
		assertNoExceptionText("No such");
	}

	@Test
	@WithUserDetails(TestAccounts.TRANSLATOR)
	void aLanguageTheTranslatorDoesNotHaveIsNoAccessAndOneThatIsNotServedIsABadAddress() {
		navigate("translate/ui/ru", NoAccessView.class);
		assertShown("errorPage.noAccess.title", "errorPage.noAccess.text");
		assertNoExceptionText("Not a translator");

		navigate("translate/ui/xx", BadParameterView.class);
		assertShown("errorPage.badParameter.title", "errorPage.badParameter.text");
		assertNoExceptionText("Not a translation language");
		assertThat(warnings()).hasSize(2);
	}

	@Test
	@WithUserDetails(TestAccounts.CADET)
	void aModuleThatIsNotThereShowsTheFeaturesOwnReason() {
		navigate("learn/no-such-module", RefusedView.class);
		assertShown("errorPage.refused.title", "learning.error.notFound");
		assertLoggedOnceAsWarning(RefusedView.class);
	}

	@Test
	@WithUserDetails(TestAccounts.CADET)
	void anAddressWithNoPageIsNotFound() {
		navigate("no/such/page", NotFoundView.class);
		assertShown("errorPage.notFound.title", "errorPage.notFound.text");
		assertLoggedOnceAsWarning(NotFoundView.class);
	}

	@Test
	void aForgedAddressCannotWriteALogLine() {
		assertThat(ErrorPage.loggable("cohorts/1\n2026-12-06 ERROR forged")).doesNotContain("\n");
		assertThat(ErrorPage.loggable("x".repeat(5_000))).hasSizeLessThan(300);
	}

	private void assertShown(String titleKey, String textKey) {
		assertThat($view(H1.class).single().getText()).isEqualTo(strings.getTranslation(titleKey, Locale.ENGLISH));
		assertThat($view(Paragraph.class).id("error-text").getText())
			.isEqualTo(strings.getTranslation(textKey, Locale.ENGLISH));
		// Inside the app's frame: the navigation and the language menu are there.
		List<Component> ancestors = new java.util.ArrayList<>();
		for (var parent = ((Component) getCurrentView()).getParent(); parent
			.isPresent(); parent = parent.get().getParent()) {
			ancestors.add(parent.get());
		}
		assertThat(ancestors).hasAtLeastOneElementOfType(MainLayout.class);
	}

	private void assertNoExceptionText(String... fragments) {
		String page = getCurrentView().getElement().getOuterHTML();
		for (String fragment : fragments) {
			assertThat(page).doesNotContain(fragment);
		}
		assertThat(page).doesNotContain("Exception").doesNotContain("at org.");
	}

	private void assertLoggedOnceAsWarning(Class<?> view) {
		assertThat(warnings()).singleElement()
			.satisfies((line) -> assertThat(line.getFormattedMessage()).contains(view.getSimpleName()));
		assertThat(log.list).as("no ERROR and no stack trace in the log")
			.noneMatch((event) -> event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getThrowableProxy() != null);
	}

	private List<ILoggingEvent> warnings() {
		assertThat(log.list).noneMatch((event) -> event.getLevel().isGreaterOrEqual(Level.ERROR));
		return log.list.stream()
			.filter((event) -> event.getLevel() == Level.WARN
					&& event.getLoggerName().equals(ErrorPage.class.getName()))
			.toList();
	}

}
