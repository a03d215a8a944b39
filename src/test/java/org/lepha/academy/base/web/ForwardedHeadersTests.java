package org.lepha.academy.base.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.lepha.academy.HttpResponses.location;
import static org.lepha.academy.HttpResponses.randomAddress;
import static org.lepha.academy.HttpResponses.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Security finding 1 of issue 19: {@code X-Forwarded-For}, {@code -Host} and
 * {@code -Proto} are believed only from a listed proxy. Over real HTTP against a running
 * server, from this machine's loopback address: once with the default setting (nobody
 * trusted), where each spoofed header must change nothing, and once with loopback listed
 * (the test configuration), where the same headers take effect.
 */
class ForwardedHeadersTests {

	private static final String EVIL_HOST = "evil.example";

	@Test
	void theListAcceptsAddressesAndRangesAndRefusesAnythingElse() {
		assertThat(TrustedProxies.parse("")).isEmpty();
		assertThat(TrustedProxies.parse(" 10.0.0.5 , 192.168.0.0/16,::1,fd00::/8 ")).containsExactly("10.0.0.5/32",
				"192.168.0.0/16", "::1/128", "fd00::/8");
		for (String wrong : List.of("proxy.example", "10.0.0.300", "10.0.0.0/40", "*")) {
			assertThatThrownBy(() -> TrustedProxies.parse(wrong)).as(wrong)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("TRUSTED_PROXIES");
		}
	}

	@Nested
	@IntegrationTest
	@TestPropertySource(properties = { "app.trusted-proxies=", "app.certificates.verifications-per-minute=3" })
	class WithTheDefaultNobodyIsTrusted {

		@LocalServerPort
		int port;

		@Autowired
		JdbcClient jdbc;

		@Test
		void aSpoofedForwardedForDoesNotChangeTheAddressTheSignInThrottleCounts() throws Exception {
			String username = "xff.untrusted." + System.nanoTime();
			Http http = new Http(this.port);
			http.send(http.login(username, "wrong-password", http.loginPage(null))
				.header("X-Forwarded-For", "203.0.113.7")
				.build());
			try {
				assertThat(addressesCounted(this.jdbc, username)).singleElement().isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
			}
			finally {
				forget(this.jdbc, username);
			}
		}

		@Test
		void aSpoofedForwardedForDoesNotDodgeTheVerificationRateLimit() throws Exception {
			Http http = new Http(this.port);
			int last = 0;
			for (int i = 0; i < 4; i++) {
				last = http
					.send(HttpRequest.newBuilder(http.uri("/api/certificates/NO-SUCH-CODE"))
						.header("X-Forwarded-For", randomAddress())
						.build())
					.statusCode();
			}
			assertThat(last).as("the fourth request in a minute, whatever address it claims").isEqualTo(429);
		}

		@Test
		void aSpoofedForwardedHostDoesNotSteerTheRedirects() throws Exception {
			Http http = new Http(this.port);
			HttpResponse<String> toLogin = http
				.send(HttpRequest.newBuilder(http.uri("/cohorts")).header("X-Forwarded-Host", EVIL_HOST).build());
			assertThat(location(toLogin)).startsWith("http://localhost:" + this.port + "/login");
			String session = sessionCookie(toLogin).orElseThrow();
			HttpResponse<String> signedIn = http
				.send(http.login(TestAccounts.TRAINER, TestAccounts.PASSWORD, http.loginPage(session))
					.header("X-Forwarded-Host", EVIL_HOST)
					.build());
			assertThat(location(signedIn)).as("back to the page asked for")
				.startsWith("http://localhost:" + this.port + "/cohorts");
		}

		@Test
		void aSpoofedForwardedProtoMakesNoSecureCookieAndNoHsts() throws Exception {
			Http http = new Http(this.port);
			HttpResponse<String> page = http
				.send(HttpRequest.newBuilder(http.uri("/login")).header("X-Forwarded-Proto", "https").build());
			assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(
					(cookie) -> assertThat(cookie).startsWith("JSESSIONID").doesNotContainIgnoringCase("Secure"));
			assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
		}

	}

	@Nested
	@IntegrationTest
	class FromAListedProxy {

		@LocalServerPort
		int port;

		@Autowired
		JdbcClient jdbc;

		@Test
		void theForwardedClientAddressIsTheOneTheSignInThrottleCounts() throws Exception {
			String username = "xff.trusted." + System.nanoTime();
			String client = randomAddress();
			Http http = new Http(this.port);
			http.send(http.login(username, "wrong-password", http.loginPage(null))
				// The right-most address not listed is the client: here the one the
				// proxy (loopback, listed) appended.
				.header("X-Forwarded-For", "198.51.100.1, " + client)
				.build());
			try {
				assertThat(addressesCounted(this.jdbc, username)).containsExactly(client);
			}
			finally {
				forget(this.jdbc, username);
			}
		}

		@Test
		void theVerificationRateLimitCountsEachForwardedClientOnItsOwn() throws Exception {
			Http http = new Http(this.port);
			String busy = randomAddress();
			int last = 0;
			for (int i = 0; i < 31; i++) {
				last = http
					.send(HttpRequest.newBuilder(http.uri("/api/certificates/NO-SUCH-CODE"))
						.header("X-Forwarded-For", busy)
						.build())
					.statusCode();
			}
			assertThat(last).isEqualTo(429);
			assertThat(http
				.send(HttpRequest.newBuilder(http.uri("/api/certificates/NO-SUCH-CODE"))
					.header("X-Forwarded-For", randomAddress())
					.build())
				.statusCode()).as("another client is not refused (404: no such certificate)").isEqualTo(404);
		}

		@Test
		void theForwardedHostIsTheOneRedirectsGoTo() throws Exception {
			Http http = new Http(this.port);
			HttpResponse<String> toLogin = http.send(HttpRequest.newBuilder(http.uri("/cohorts"))
				.header("X-Forwarded-For", randomAddress())
				.header("X-Forwarded-Host", EVIL_HOST)
				.build());
			assertThat(location(toLogin)).startsWith("http://" + EVIL_HOST).endsWith("/login");
		}

		@Test
		void theForwardedProtoMakesTheCookieSecureAndSendsHsts() throws Exception {
			Http http = new Http(this.port);
			HttpResponse<String> page = http.send(HttpRequest.newBuilder(http.uri("/login"))
				.header("X-Forwarded-For", randomAddress())
				.header("X-Forwarded-Proto", "https")
				.build());
			assertThat(page.headers().allValues("Set-Cookie"))
				.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID").contains("Secure"));
			assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
		}

	}

	private static List<String> addressesCounted(JdbcClient jdbc, String username) {
		return jdbc.sql("SELECT client_address FROM login_failure WHERE username = ?")
			.param(username)
			.query(String.class)
			.list();
	}

	/**
	 * The loopback address must not stay one failure closer to a lock for other tests.
	 */
	private static void forget(JdbcClient jdbc, String username) {
		jdbc.sql("DELETE FROM login_failure WHERE username = ?").param(username).update();
	}

	/** A browser's requests, without following redirects. */
	private record Http(int port, HttpClient client) {

		Http(int port) {
			this(port, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
		}

		URI uri(String path) {
			return URI.create("http://localhost:" + this.port + path);
		}

		HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}

		/** The login page's session and CSRF token, as the browser holds them. */
		LoginPage loginPage(String session) throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri("/login"));
			if (session != null) {
				request.header("Cookie", "JSESSIONID=" + session);
			}
			HttpResponse<String> page = send(request.build());
			return new LoginPage(sessionCookie(page).orElse(session), meta(page.body(), "_csrf_parameter"),
					meta(page.body(), "_csrf"));
		}

		HttpRequest.Builder login(String username, String password, LoginPage page) {
			String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&"
					+ URLEncoder.encode(page.csrfParameter(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(page.csrfToken(), StandardCharsets.UTF_8);
			return HttpRequest.newBuilder(uri("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", "JSESSIONID=" + page.session())
				.POST(HttpRequest.BodyPublishers.ofString(form));
		}

		private static String meta(String html, String name) {
			Matcher meta = Pattern.compile("<meta name=\"" + Pattern.quote(name) + "\" content=\"([^\"]+)\"")
				.matcher(html);
			assertThat(meta.find()).as("meta " + name + " on the login page").isTrue();
			return meta.group(1);
		}

	}

	private record LoginPage(String session, String csrfParameter, String csrfToken) {
	}

}
