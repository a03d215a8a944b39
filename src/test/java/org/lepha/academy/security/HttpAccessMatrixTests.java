package org.lepha.academy.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.security.SecurityWorld.Caller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.lepha.academy.HttpResponses.requiredSessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoints that are not Vaadin views, over real HTTP with real form logins, for each
 * of the five kinds of caller; and the security headers on every kind of response.
 * (Downloads that Vaadin serves per session, such as certificate PDFs and exports, are
 * checked in a real browser by {@link HostileInputTests}.)
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpAccessMatrixTests {

	/** What a caller gets. */
	enum Outcome {

		/** 200 with the endpoint's content. */
		OK,
		/** Not the content: a redirect to the login page, 401, 403 or 404. */
		REFUSED

	}

	private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);

	private static final Set<Caller> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));

	private static final Set<Caller> NOBODY = EnumSet.noneOf(Caller.class);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	// One address for this class's logins, unused by other tests (login throttling is per
	// address and kept in the database).
	private final String clientAddress = "10.77." + java.util.concurrent.ThreadLocalRandom.current().nextInt(256) + "."
			+ java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 255);

	private SecurityWorld world;

	private final Map<Caller, String> sessions = new EnumMap<>(Caller.class);

	@BeforeAll
	void signEveryoneIn() throws Exception {
		world = new SecurityWorld(context).build();
		for (Caller caller : Caller.values()) {
			sessions.put(caller, caller == Caller.ANONYMOUS ? null : login(world.user(caller).username()));
		}
	}

	/** Path to who gets it. */
	private Map<String, Set<Caller>> table() {
		Map<String, Set<Caller>> t = new LinkedHashMap<>();
		// Public by design: what a QR code on a certificate opens.
		t.put("/verify/" + world.moduleCertificate.code(), EVERYONE);
		t.put("/api/certificates/" + world.moduleCertificate.code(), EVERYONE);
		// Lesson images, for anyone signed in (translators and trainers see lessons too).
		t.put("/content-media/example-module/recovery.svg", SIGNED_IN);
		t.put("/content-media/example-module/..%2Fmodule.yaml", NOBODY);
		t.put("/content-media/example-module/module.yaml", NOBODY);
		t.put("/actuator/health", EVERYONE);
		for (String endpoint : List.of("env", "beans", "configprops", "mappings", "metrics", "loggers", "info",
				"heapdump", "threaddump", "shutdown")) {
			t.put("/actuator/" + endpoint, NOBODY);
		}
		return t;
	}

	@Test
	void eachCallerGetsExactlyWhatTheTableSays() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, Set<Caller>> row : table().entrySet()) {
			for (Caller caller : Caller.values()) {
				HttpResponse<String> response = get(row.getKey(), sessions.get(caller));
				Outcome expected = row.getValue().contains(caller) ? Outcome.OK : Outcome.REFUSED;
				Outcome actual = response.statusCode() == 200 ? Outcome.OK : Outcome.REFUSED;
				if (actual != expected) {
					wrong.add(caller + " " + row.getKey() + ": expected " + expected + " but got "
							+ response.statusCode());
				}
			}
		}
		assertThat(wrong).as("responses that differ from the table").isEmpty();
	}

	@Test
	void aPostToAnEndpointNeedsTheCsrfTokenEvenWhenSignedIn() throws Exception {
		// Logout is a state change: without the CSRF token Spring Security refuses it.
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/logout"))
			.header("X-Forwarded-For", clientAddress)
			.header("Cookie", "JSESSIONID=" + sessions.get(Caller.ADMIN))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void vaadinPagesForEachRoleCarryTheSecurityHeaders() throws Exception {
		assertPageHeaders(get("/login", null), "/login");
		Map<Caller, String> homes = Map.of(Caller.CADET, "/learn", Caller.TRAINER, "/cohorts", Caller.TRANSLATOR,
				"/translate", Caller.ADMIN, "/admin/users");
		for (Map.Entry<Caller, String> home : homes.entrySet()) {
			HttpResponse<String> page = get(home.getValue(), sessions.get(home.getKey()));
			assertThat(page.statusCode()).as(home.getValue()).isEqualTo(200);
			assertPageHeaders(page, home.getValue());
		}
	}

	@Test
	void overHttpsPagesCarryStrictTransportSecurity() throws Exception {
		// Behind a TLS proxy (X-Forwarded-Proto: https) the request counts as secure.
		for (Map.Entry<String, String> page : Map.of("/login", "", "/learn", sessions.get(Caller.CADET)).entrySet()) {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(page.getKey()))
				.header("X-Forwarded-For", clientAddress)
				.header("X-Forwarded-Proto", "https")
				.GET();
			if (!page.getValue().isEmpty()) {
				request.header("Cookie", "JSESSIONID=" + page.getValue());
			}
			HttpResponse<String> response = send(request.build());
			assertThat(response.statusCode()).as(page.getKey()).isEqualTo(200);
			assertThat(response.headers().firstValue("Strict-Transport-Security")).as(page.getKey())
				.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age=31536000"));
			assertThat(response.headers().allValues("Cache-Control")).as(page.getKey())
				.anySatisfy((value) -> assertThat(value).contains("no-store"));
		}
	}

	@Test
	void theVerificationPageAndItsJsonCarryTheSecurityHeaders() throws Exception {
		HttpResponse<String> page = get("/verify/" + world.moduleCertificate.code(), null);
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("script-src");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
		assertThat(page.headers().firstValue("Referrer-Policy")).isPresent();
		HttpResponse<String> json = get("/api/certificates/" + world.moduleCertificate.code(), null);
		assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		assertThat(json.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(json.headers().firstValue("X-Frame-Options")).contains("DENY");
	}

	@Test
	void lessonImagesAreSandboxedAndNotSniffed() throws Exception {
		HttpResponse<String> svg = get("/content-media/example-module/recovery.svg", sessions.get(Caller.CADET));
		assertThat(svg.statusCode()).isEqualTo(200);
		assertThat(svg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
		assertThat(svg.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox")
			.contains("default-src 'none'");
		assertThat(svg.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(svg.headers().firstValue("X-Frame-Options")).contains("DENY");
	}

	@Test
	void theMediaRouteRefusesLinksAndFilesThatAreNotImages() throws Exception {
		java.nio.file.Path media = java.nio.file.Path
			.of("src/test/resources/content-valid/content/example-module/media");
		java.nio.file.Path link = media.resolve("passwd.svg");
		java.nio.file.Path page = media.resolve("notes.html");
		java.nio.file.Path fake = media.resolve("photo.png");
		java.nio.file.Path scripted = media.resolve("scripted.svg");
		try {
			java.nio.file.Files.createSymbolicLink(link, java.nio.file.Path.of("/etc/passwd"));
			java.nio.file.Files.writeString(page, "<html><script>alert(1)</script></html>");
			java.nio.file.Files.writeString(fake, "<html><script>alert(1)</script></html>");
			java.nio.file.Files.writeString(scripted,
					"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
			for (String name : List.of("passwd.svg", "notes.html", "photo.png", "scripted.svg")) {
				HttpResponse<String> response = get("/content-media/example-module/" + name,
						sessions.get(Caller.ADMIN));
				assertThat(response.statusCode()).as(name).isEqualTo(404);
				assertThat(response.body()).as(name).doesNotContain("root:").doesNotContain("alert(1)");
			}
			assertThat(get("/content-media/example-module/recovery.svg", sessions.get(Caller.ADMIN)).statusCode())
				.isEqualTo(200);
		}
		finally {
			for (java.nio.file.Path file : List.of(link, page, fake, scripted)) {
				java.nio.file.Files.deleteIfExists(file);
			}
		}
	}

	private static void assertPageHeaders(HttpResponse<String> response, String what) {
		assertThat(response.headers().firstValue("Content-Security-Policy")).as(what + " CSP")
			.hasValueSatisfying((csp) -> assertThat(csp).contains("frame-ancestors 'none'")
				.contains("object-src 'none'")
				.contains("base-uri 'self'")
				.contains("default-src 'self'")
				// Only the app's own origin: a bare ws: or wss: would let an injected
				// script
				// talk to any host.
				.containsPattern("(^|; )connect-src 'self'(;|$)")
				.doesNotContain("ws:")
				.doesNotContain("wss:"));
		assertThat(response.headers().allValues("Content-Security-Policy")).as(what + " one CSP header").hasSize(1);
		assertThat(response.headers().firstValue("X-Frame-Options")).as(what).contains("DENY");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
		assertThat(response.headers().firstValue("Referrer-Policy")).as(what).contains("same-origin");
		// The page carries the session's CSRF token: no cache (browser, proxy, back
		// button
		// on a shared academy computer) may keep a copy.
		assertThat(response.headers().allValues("Cache-Control")).as(what + " Cache-Control")
			.anySatisfy((value) -> assertThat(value).contains("no-store"));
		// Plain HTTP: HSTS there would be ignored by browsers and says nothing true.
		assertThat(response.headers().firstValue("Strict-Transport-Security")).as(what + " HSTS over HTTP").isEmpty();
	}

	private String login(String username) throws IOException, InterruptedException {
		HttpResponse<String> loginPage = get("/login", null);
		String anonymous = requiredSessionCookie(loginPage);
		// The CSRF token, as the login form copies it from the page's meta tag.
		java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"")
			.matcher(loginPage.body());
		assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(SecurityWorld.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", clientAddress)
			.header("Cookie", "JSESSIONID=" + anonymous)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
		assertThat(login.statusCode()).as("login of " + username).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error")
			.doesNotContain("throttled");
		return requiredSessionCookie(login);
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
