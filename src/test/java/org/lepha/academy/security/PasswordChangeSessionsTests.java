package org.lepha.academy.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.lepha.academy.HttpResponses.requiredSessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password change signs the user out everywhere else: two sessions signed in over real
 * HTTP, the password changed from one of them, and the other one is sent to the login
 * page while the changing one stays signed in.
 */
@IntegrationTest
class PasswordChangeSessionsTests {

	private static final String PASSWORD = "sessions-password-1";

	private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	UserAccountService accounts;

	@Autowired
	UserDetailsService userDetails;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String clientAddress = "10.55." + ThreadLocalRandom.current().nextInt(256) + "."
			+ ThreadLocalRandom.current().nextInt(1, 255);

	@AfterEach
	void forgetTheRequest() {
		SecurityContextHolder.clearContext();
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void aPasswordChangeExpiresTheUsersOtherSessionsButNotTheCurrentOne() throws Exception {
		String username = SecurityWorld.unique("sessions.");
		SystemAccess.asAdministrator(() -> accounts.createUser(new NewUser(username, "Two Sessions", null,
				Locale.ENGLISH, Set.of(Role.CADET), null, PASSWORD, false)));
		String here = login(username);
		String elsewhere = login(username);
		assertThat(get("/learn", elsewhere).statusCode()).isEqualTo(200);

		// The change, made from the first session (as the view's request would be).
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(new MockHttpSession(null, here));
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		UserDetails details = userDetails.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
		accounts.changeMyPassword(PASSWORD, "sessions-password-2");

		HttpResponse<String> other = get("/learn", elsewhere);
		assertThat(other.statusCode()).as("the other session").isEqualTo(302);
		assertThat(other.headers().firstValue("Location").orElseThrow()).contains("/login");
		assertThat(get("/learn", elsewhere).statusCode()).as("and stays signed out").isNotEqualTo(200);
		assertThat(get("/learn", here).statusCode()).as("the changing session").isEqualTo(200);
	}

	private String login(String username) throws Exception {
		HttpResponse<String> page = get("/login", null);
		Matcher csrf = META_CSRF.matcher(page.body());
		assertThat(csrf.find()).isTrue();
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", clientAddress)
			.header("Cookie", "JSESSIONID=" + requiredSessionCookie(page))
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("login");
		return requiredSessionCookie(login);
	}

	private HttpResponse<String> get(String path, String session) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("X-Forwarded-For", clientAddress).GET();
		if (session != null) {
			request.header("Cookie", "JSESSIONID=" + session);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
