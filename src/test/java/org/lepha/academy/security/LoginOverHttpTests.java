package org.lepha.academy.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.TestAccounts;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.lepha.academy.HttpResponses.location;
import static org.lepha.academy.HttpResponses.randomAddress;
import static org.lepha.academy.HttpResponses.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in as a browser does it: a form POST to {@code /login} over real HTTP against the
 * running server and the real database. Each test comes from its own client address (the
 * server trusts {@code X-Forwarded-For} from a local proxy), so throttling in one test
 * does not leak into another.
 */
@IntegrationTest
class LoginOverHttpTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	// A fresh address per test and per run: failures stay in the test database between
	// runs.
	private final String clientAddress = randomAddress();

	@Test
	void cadetWithTheRightPasswordIsSignedInWithANewSessionId() throws Exception {
		LoginPage loginPage = loginPage();
		String anonymousSession = loginPage.session();

		HttpResponse<String> login = send(loginRequest(TestAccounts.CADET, TestAccounts.PASSWORD, loginPage)
			.header("X-Forwarded-For", clientAddress)
			.build());

		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		String signedInSession = sessionCookie(login).orElseThrow();
		assertThat(signedInSession).as("session id is changed at login").isNotEqualTo(anonymousSession);
		assertThat(get("/learn", signedInSession).statusCode()).isEqualTo(200);
	}

	@Test
	void sessionCookieIsHttpOnlyAndSameSite() throws Exception {
		String setCookie = get("/login", null).headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("JSESSIONID"))
			.findFirst()
			.orElseThrow();
		assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
	}

	@Test
	void pagesCarrySecurityHeaders() throws Exception {
		HttpResponse<String> response = get("/login", null);
		assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("frame-ancestors 'none'")
			.contains("object-src 'none'")
			.contains("default-src 'self'");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
		assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
	}

	@Test
	void behindATlsProxyTheSessionCookieIsSecure() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/login"))
			.header("X-Forwarded-For", clientAddress)
			.header("X-Forwarded-Proto", "https")
			.GET()
			.build());
		assertThat(response.headers().allValues("Set-Cookie"))
			.anySatisfy((c) -> assertThat(c).startsWith("JSESSIONID").contains("Secure"));
	}

	@Test
	void idleSessionsEndAfterThirtyMinutesByDefaultWhateverTheHeartbeats(
			@org.springframework.beans.factory.annotation.Autowired org.springframework.core.env.Environment environment) {
		assertThat(environment.getProperty("server.servlet.session.timeout")).isEqualTo("30m");
		assertThat(environment.getProperty("vaadin.closeIdleSessions", Boolean.class)).isTrue();
	}

	@Test
	void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
		HttpResponse<String> wrongPassword = postLogin(TestAccounts.CADET, "not-the-password");
		HttpResponse<String> unknownUser = postLogin("nobody.here", "not-the-password");
		assertThat(wrongPassword.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
		assertThat(unknownUser.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
	}

	@Test
	void afterFiveFailuresForOneAccountEvenTheRightPasswordIsRefused() throws Exception {
		String username = "throttle.account." + System.nanoTime();
		for (int i = 0; i < 5; i++) {
			assertThat(location(postLogin(username, "wrong-" + i))).endsWith("/login?error");
		}
		// From another address too: the account itself is locked.
		String otherAddress = randomAddress();
		HttpResponse<String> sixth = send(
				loginRequest(username, "whatever", loginPage()).header("X-Forwarded-For", otherAddress).build());
		assertThat(location(sixth)).endsWith("/login?throttled");
	}

	@Test
	void afterFiveFailuresFromOneAddressThatAddressIsRefusedForEveryAccount() throws Exception {
		for (int i = 0; i < 5; i++) {
			postLogin("guess" + i + "." + System.nanoTime(), "wrong");
		}
		assertThat(location(postLogin(TestAccounts.TRAINER, TestAccounts.PASSWORD))).endsWith("/login?throttled");
	}

	@Test
	void aLoginPostWithoutTheCsrfTokenSignsNobodyIn() throws Exception {
		// Login CSRF: a foreign page posting the attacker's credentials would sign the
		// victim into the attacker's account. The right password alone is not enough.
		LoginPage page = loginPage();
		LoginPage withoutToken = new LoginPage(page.session(), page.csrfParameter(), null);
		LoginPage withAForeignToken = new LoginPage(page.session(), page.csrfParameter(), loginPage().csrfToken());
		LoginPage noSessionNoToken = new LoginPage(null, page.csrfParameter(), null);
		for (LoginPage attempt : List.of(withoutToken, withAForeignToken, noSessionNoToken)) {
			HttpResponse<String> login = send(loginRequest(TestAccounts.CADET, TestAccounts.PASSWORD, attempt)
				.header("X-Forwarded-For", clientAddress)
				.build());
			assertNotSignedIn(login, attempt.session());
		}
		// The same form with the page's token signs in.
		HttpResponse<String> real = send(
				loginRequest(TestAccounts.CADET, TestAccounts.PASSWORD, page).header("X-Forwarded-For", clientAddress)
					.build());
		assertThat(get("/learn", sessionCookie(real).orElseThrow()).statusCode()).isEqualTo(200);
	}

	@Test
	void aCrossSiteLoginPostSignsNobodyIn() throws Exception {
		// What a form on another site sends: a foreign Origin, no token, and
		// (SameSite=Lax)
		// no session cookie.
		HttpResponse<String> login = send(
				loginRequest(TestAccounts.CADET, TestAccounts.PASSWORD, new LoginPage(null, "_csrf", null))
					.header("X-Forwarded-For", clientAddress)
					.header("Origin", "http://evil.example")
					.header("Sec-Fetch-Site", "cross-site")
					.build());
		assertNotSignedIn(login, null);
	}

	private void assertNotSignedIn(HttpResponse<String> login, String session)
			throws IOException, InterruptedException {
		assertThat(location(login)).as("no redirect into the app")
			.satisfiesAnyOf(String::isEmpty, (l) -> assertThat(l).contains("/login"));
		for (String candidate : new String[] { sessionCookie(login).orElse(null), session }) {
			if (candidate != null) {
				assertThat(get("/learn", candidate).statusCode()).as("session " + candidate).isNotEqualTo(200);
			}
		}
	}

	@Test
	void healthIsPublicAndTheRestOfActuatorIsNot() throws Exception {
		HttpResponse<String> health = get("/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops")) {
			assertThat(get(path, null).statusCode()).as(path).isNotEqualTo(200);
		}
	}

	@Test
	void protectedPagesSendAnonymousVisitorsToTheLoginPage() throws Exception {
		HttpResponse<String> response = get("/cohorts", null);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response)).endsWith("/login");
	}

	@Test
	void theSessionIdTravelsOnlyInTheCookieNeverInARedirectOrAPage() throws Exception {
		// A first visit carries no cookie: the server must not fall back to putting the
		// session id into URLs, where it leaks through history, logs and Referer.
		List<HttpResponse<String>> responses = new java.util.ArrayList<>();
		for (String path : List.of("/", "/cohorts", "/learn", "/admin/users", "/translate", "/login")) {
			responses.add(get(path, null));
		}
		responses.add(postLogin(TestAccounts.CADET, "not-the-password"));
		responses.add(postLogin(TestAccounts.CADET, TestAccounts.PASSWORD));
		for (HttpResponse<String> response : responses) {
			String what = response.request().method() + " " + response.request().uri().getPath();
			assertThat(location(response)).as(what + " Location").doesNotContainIgnoringCase("jsessionid");
			assertThat(response.body()).as(what + " body").doesNotContainIgnoringCase("jsessionid");
		}
		assertThat(responses).as("some of these are redirects")
			.anySatisfy((response) -> assertThat(response.statusCode()).isEqualTo(302));
	}

	@Test
	void aSessionIdInTheUrlIsIgnored() throws Exception {
		String anonymous = sessionCookie(get("/login", null)).orElseThrow();
		HttpResponse<String> signedIn = postLogin(TestAccounts.CADET, TestAccounts.PASSWORD);
		String session = sessionCookie(signedIn).orElseThrow();
		assertThat(get("/learn", session).statusCode()).isEqualTo(200);

		// The same session id as a path parameter, without the cookie: a link someone was
		// given (or a fixated id) must not open the session, and the redirect must not
		// echo the id back.
		HttpResponse<String> byUrl = get("/learn;jsessionid=" + session, null);
		assertThat(byUrl.statusCode()).isEqualTo(302);
		assertThat(location(byUrl)).endsWith("/login").doesNotContainIgnoringCase("jsessionid");
		HttpResponse<String> anonymousByUrl = get("/cohorts;jsessionid=" + anonymous, null);
		assertThat(location(anonymousByUrl)).doesNotContainIgnoringCase("jsessionid");
	}

	/**
	 * Signs in as the login form does: from a fresh login page, with its session cookie
	 * and the CSRF token from its {@code _csrf} meta tag.
	 */
	private HttpResponse<String> postLogin(String username, String password) throws IOException, InterruptedException {
		return send(loginRequest(username, password, loginPage()).header("X-Forwarded-For", clientAddress).build());
	}

	/** The login page's session and CSRF token, as the browser holds them. */
	record LoginPage(String session, String csrfParameter, String csrfToken) {
	}

	private LoginPage loginPage() throws IOException, InterruptedException {
		HttpResponse<String> page = get("/login", null);
		return new LoginPage(sessionCookie(page).orElseThrow(), meta(page.body(), "_csrf_parameter"),
				meta(page.body(), "_csrf"));
	}

	private static String meta(String html, String name) {
		java.util.regex.Matcher meta = java.util.regex.Pattern
			.compile("<meta name=\"" + java.util.regex.Pattern.quote(name) + "\" content=\"([^\"]+)\"")
			.matcher(html);
		assertThat(meta.find()).as("meta " + name + " on the login page").isTrue();
		return meta.group(1);
	}

	private HttpRequest.Builder loginRequest(String username, String password, LoginPage page) {
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8);
		if (page.csrfToken() != null) {
			form += "&" + URLEncoder.encode(page.csrfParameter(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(page.csrfToken(), StandardCharsets.UTF_8);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (page.session() != null) {
			request.header("Cookie", "JSESSIONID=" + page.session());
		}
		return request;
	}

	private HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("X-Forwarded-For", clientAddress).GET();
		if (session != null) {
			request.header("Cookie", "JSESSIONID=" + session);
		}
		return send(request.build());
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
