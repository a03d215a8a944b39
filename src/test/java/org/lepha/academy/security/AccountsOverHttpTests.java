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

import static org.lepha.academy.HttpResponses.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account administration as a browser meets it, over real HTTP: a deactivated account is
 * refused at sign-in with its own message (only with the right password) and its open
 * sessions end; a reset ends the user's sessions and the one-time password signs in;
 * "sign out everywhere else" keeps the session that asked.
 */
@IntegrationTest
class AccountsOverHttpTests {

	private static final String PASSWORD = "accounts-http-river-7";

	private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	UserAccountService accounts;

	@Autowired
	AccountAdministration administration;

	@Autowired
	UserDetailsService userDetails;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String clientAddress = "10.66." + ThreadLocalRandom.current().nextInt(256) + "."
			+ ThreadLocalRandom.current().nextInt(1, 255);

	@AfterEach
	void forgetTheRequest() {
		SecurityContextHolder.clearContext();
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void aDeactivatedAccountIsRefusedWithItsOwnMessageOnlyWithTheRightPassword() throws Exception {
		UserAccount cadet = cadet();
		deactivate(cadet);

		assertThat(loginRedirect(cadet.username(), PASSWORD)).endsWith("/login?deactivated");
		assertThat(loginRedirect(cadet.username(), "not-the-password")).endsWith("/login?error");
		assertThat(loginRedirect("nobody." + System.nanoTime(), PASSWORD)).endsWith("/login?error");
	}

	@Test
	void deactivationEndsTheUsersOpenSessions() throws Exception {
		UserAccount cadet = cadet();
		String session = login(cadet.username(), PASSWORD);
		assertThat(get("/learn", session).statusCode()).isEqualTo(200);

		deactivate(cadet);

		HttpResponse<String> next = get("/learn", session);
		assertThat(next.statusCode()).isEqualTo(302);
		assertThat(next.headers().firstValue("Location").orElseThrow()).contains("/login");
	}

	@Test
	void aResetEndsTheUsersSessionsAndOnlyTheOneTimePasswordSignsInWithAChangeDue() throws Exception {
		UserAccount cadet = cadet();
		String session = login(cadet.username(), PASSWORD);

		OneTimePassword otp = SystemAccess.asAdministrator(() -> administration.resetPassword(cadet.id()));

		assertThat(get("/learn", session).statusCode()).as("the old session").isEqualTo(302);
		assertThat(loginRedirect(cadet.username(), PASSWORD)).endsWith("/login?error");
		String fresh = login(cadet.username(), otp.password());
		assertThat(get("/learn", fresh).statusCode()).isEqualTo(200);
		assertThat(SystemAccess.asAdministrator(() -> accounts.listUsers())
			.stream()
			.filter((u) -> u.id() == cadet.id())
			.findFirst()
			.orElseThrow()
			.mustChangePassword()).isTrue();
	}

	@Test
	void signOutEverywhereElseKeepsTheSessionThatAsked() throws Exception {
		UserAccount cadet = cadet();
		String here = login(cadet.username(), PASSWORD);
		String elsewhere = login(cadet.username(), PASSWORD);

		// The request as the change-password view's would be, from the first session.
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(new MockHttpSession(null, here));
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		UserDetails details = userDetails.loadUserByUsername(cadet.username());
		SecurityContextHolder.getContext()
			.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
		assertThat(accounts.signOutEverywhereElse()).isEqualTo(1);

		assertThat(get("/learn", elsewhere).statusCode()).as("the other session").isEqualTo(302);
		assertThat(get("/learn", here).statusCode()).as("the asking session").isEqualTo(200);
	}

	private UserAccount cadet() {
		return SystemAccess.asAdministrator(() -> accounts.createUser(new NewUser(SecurityWorld.unique("http.acct."),
				"Http Cadet", null, Locale.ENGLISH, Set.of(Role.CADET), null, PASSWORD, false)));
	}

	private void deactivate(UserAccount user) {
		SystemAccess.asAdministrator(() -> {
			administration.deactivate(user.id());
			return null;
		});
	}

	/** Signs in and returns the signed-in session. */
	private String login(String username, String password) throws Exception {
		HttpResponse<String> login = postLogin(username, password);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("login");
		return sessionCookie(login).orElseThrow();
	}

	private String loginRedirect(String username, String password) throws Exception {
		HttpResponse<String> login = postLogin(username, password);
		assertThat(login.statusCode()).isEqualTo(302);
		return login.headers().firstValue("Location").orElseThrow();
	}

	private HttpResponse<String> postLogin(String username, String password) throws Exception {
		HttpResponse<String> page = get("/login", null);
		Matcher csrf = META_CSRF.matcher(page.body());
		assertThat(csrf.find()).isTrue();
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		return http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", clientAddress)
			.header("Cookie", "JSESSIONID=" + sessionCookie(page).orElseThrow())
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
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
