package org.lepha.academy.learning.ui;

import java.util.Locale;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data saver without a browser: the switch in the frame is stored on the account, and
 * with it on the lesson page offers "Show image" (alt text and size) instead of the
 * image.
 */
@IntegrationTest
class DataSaverViewTests extends SpringBrowserlessTest {

	@Autowired
	UserAccountService accounts;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcClient jdbc;

	private UserAccount cadet;

	@BeforeEach
	void freshCadet() {
		cadet = SystemAccess.asAdministrator(() -> accounts.createUser(new NewUser("saver.cadet." + System.nanoTime(),
				"Saver Cadet", null, Locale.ENGLISH, Set.of(Role.CADET), null, "saver-cadet-password", false)));
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
	void theSwitchIsStoredAndTheLessonOffersImagesOnRequest() {
		navigate("learn/example-module/lesson/signs-of-overdose/minutes-matter", LessonView.class);
		assertThat(lessonHtml()).contains("<img").doesNotContain("datasaver-image");
		Checkbox saver = $(Checkbox.class).id("data-saver");
		assertThat(saver.getValue()).isFalse();
		assertThat(storedDataSaver()).isFalse();

		test(saver).click();
		assertThat(storedDataSaver()).as("stored on the account").isTrue();
		assertThat(accounts.myDataSaver()).isTrue();

		navigate("learn/example-module/lesson/signs-of-overdose/minutes-matter", LessonView.class);
		assertThat($(Checkbox.class).id("data-saver").getValue()).as("shown as on on the next page").isTrue();
		assertThat(lessonHtml()).doesNotContain("<img")
			.contains("class=\"datasaver-image\"")
			.contains("data-src=\"/content-media/example-module/recovery.svg\"")
			.containsPattern("Show image: A person in the recovery position \\(\\d+ KB\\)");

		test($(Checkbox.class).id("data-saver")).click();
		assertThat(storedDataSaver()).isFalse();
		navigate("learn/example-module/lesson/signs-of-overdose/minutes-matter", LessonView.class);
		assertThat(lessonHtml()).contains("<img").doesNotContain("datasaver-image");
	}

	private String lessonHtml() {
		return $(Div.class).id("lesson-text").getElement().getChild(0).getOuterHTML();
	}

	private boolean storedDataSaver() {
		return jdbc.sql("SELECT data_saver FROM app_user WHERE id = ?").param(cadet.id()).query(Boolean.class).single();
	}

}
