package org.lepha.academy.operations;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.learning.QuizService;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.lepha.academy.HttpResponses.requiredSessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus scrape over real HTTP: administrators only, by a signed-in session or by
 * HTTP Basic (a scraper); everyone else refused; health still public. What an
 * administrator gets carries the application's own meters.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsEndpointTests {

	private static final String PASSWORD = "fixture-password-1";

	@LocalServerPort
	int port;

	@Autowired
	AcademyFixture fixture;

	@Autowired
	QuizService quizzes;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private UserAccount cadet;

	private UserAccount trainer;

	private UserAccount admin;

	@BeforeAll
	void academy() {
		Academy academy = fixture.academy();
		cadet = fixture.user(Role.CADET, academy, "Metrics Cadet");
		trainer = fixture.user(Role.TRAINER, academy, "Metrics Trainer");
		admin = fixture.user(Role.ADMIN, academy, "Metrics Admin");
		CohortSummary cohort = fixture.cohort(academy, trainer);
		fixture.enrol(cohort, cadet);
		fixture.assignTheModule(cohort);
	}

	@Test
	void anonymousCallersAreAskedToAuthenticate() throws Exception {
		HttpResponse<String> response = get("/actuator/prometheus", null, null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Basic"));
		assertThat(response.body()).doesNotContain("academy_");
	}

	@Test
	void signedInCadetsAndTrainersAreRefused() throws Exception {
		for (UserAccount user : new UserAccount[] { cadet, trainer }) {
			HttpResponse<String> response = get("/actuator/prometheus", login(user), null);
			assertThat(response.statusCode()).as(user.username()).isEqualTo(403);
			assertThat(response.body()).doesNotContain("academy_");
		}
	}

	@Test
	void cadetsAndTrainersAreRefusedOverBasicToo() throws Exception {
		assertThat(get("/actuator/prometheus", null, basic(cadet.username(), PASSWORD)).statusCode()).isEqualTo(403);
		assertThat(get("/actuator/prometheus", null, basic(trainer.username(), PASSWORD)).statusCode()).isEqualTo(403);
	}

	@Test
	void aWrongBasicPasswordIsRefused() throws Exception {
		assertThat(get("/actuator/prometheus", null, basic(admin.username(), "not-the-password")).statusCode())
			.isEqualTo(401);
	}

	@Test
	void anAdministratorsSessionGetsTheMetricsWithTheQuizStartJustMade() throws Exception {
		double before = quizStarts(get("/actuator/prometheus", login(admin), null).body());
		startAQuiz();

		HttpResponse<String> response = get("/actuator/prometheus", login(admin), null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		assertThat(quizStarts(response.body())).isEqualTo(before + 1);
	}

	@Test
	void scrapesAreNotAuditedAsSignInsButFailedScrapesAre() throws Exception {
		long signInsBefore = auditCount("SIGN_IN", admin.username());
		long failuresBefore = auditCount("SIGN_IN_FAILED", admin.username());

		assertThat(get("/actuator/prometheus", null, basic(admin.username(), PASSWORD)).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/prometheus", null, basic(admin.username(), PASSWORD)).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/prometheus", null, basic(admin.username(), "not-the-password-2")).statusCode())
			.isEqualTo(401);

		// A scraper signs in every 15 s: its successes would bury people's sign-ins.
		assertThat(auditCount("SIGN_IN", admin.username())).isEqualTo(signInsBefore);
		assertThat(auditCount("SIGN_IN_FAILED", admin.username())).isEqualTo(failuresBefore + 1);
	}

	private long auditCount(String action, String subject) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject_id = ?")
			.params(action, subject)
			.query(Long.class)
			.single();
	}

	@Test
	void aScraperWithAnAdministratorsBasicCredentialsGetsEveryMeterTheDashboardShows() throws Exception {
		startAQuiz();

		HttpResponse<String> response = get("/actuator/prometheus", null, basic(admin.username(), PASSWORD));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("academy_quiz_starts_seconds_count")
			.contains("academy_quiz_starts_seconds_bucket")
			.contains("academy_quiz_answers_seconds_count")
			.contains("academy_quiz_submits_seconds_count")
			.contains("academy_certificates_issue_seconds_count")
			.contains("academy_content_reloads_seconds_count")
			.contains("academy_content_problems{")
			.contains("academy_content_modules_served")
			.contains("academy_admission_queue")
			.contains("academy_admission_active")
			.contains("academy_admission_wait_seconds_count")
			.contains("academy_sessions_signed_in")
			.contains("academy_users_signed_in")
			.contains("hikaricp_connections_active{")
			.contains("pool=\"academy\"")
			.contains("jvm_memory_used_bytes")
			.contains("process_cpu_usage");
		// The Grafana dashboard shows every application meter the scrape has.
		String dashboard = Files.readString(Path.of("docs/grafana/lepha-academy.json"));
		assertThat(dashboard).contains("\"uid\": \"${DS_PROMETHEUS}\"");
		Matcher names = Pattern.compile("(?m)^(academy_[a-z_]+?)(_bucket|_count|_sum|_max)?[{ ]")
			.matcher(response.body());
		while (names.find()) {
			assertThat(dashboard).as("dashboard shows " + names.group(1)).contains(names.group(1));
		}
		// A Basic scrape leaves no session behind.
		assertThat(response.headers().allValues("Set-Cookie")).noneMatch((c) -> c.startsWith("JSESSIONID"));
	}

	@Test
	void signedInSessionsAreCounted() throws Exception {
		String session = login(cadet);
		double signedIn = gauge(get("/actuator/prometheus", null, basic(admin.username(), PASSWORD)).body(),
				"academy_sessions_signed_in");
		assertThat(signedIn).isGreaterThanOrEqualTo(1);
		assertThat(get("/learn", session, null).statusCode()).isEqualTo(200);
	}

	@Test
	void healthStaysPublicAndOtherEndpointsStayClosedEvenToAdministrators() throws Exception {
		HttpResponse<String> health = get("/actuator/health", null, null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		String adminBasic = basic(admin.username(), PASSWORD);
		for (String endpoint : new String[] { "metrics", "env", "beans", "heapdump", "loggers" }) {
			assertThat(get("/actuator/" + endpoint, null, adminBasic).statusCode()).as(endpoint).isNotEqualTo(200);
		}
	}

	private void startAQuiz() {
		fixture.signInAs(cadet);
		try {
			quizzes.startQuiz(AcademyFixture.MODULE, QuizKind.POST, Locale.ENGLISH);
		}
		finally {
			AcademyFixture.signOut();
		}
	}

	private static double quizStarts(String body) {
		return gauge(body, "academy_quiz_starts_seconds_count");
	}

	/** The value of an untagged (but for {@code application}) sample. */
	private static double gauge(String body, String name) {
		Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(body);
		assertThat(sample.find()).as(name + " in the scrape").isTrue();
		return Double.parseDouble(sample.group(2));
	}

	private static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private String login(UserAccount user) throws IOException, InterruptedException {
		HttpResponse<String> loginPage = get("/login", null, null);
		String anonymous = requiredSessionCookie(loginPage);
		Matcher csrf = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(loginPage.body());
		assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
		String form = "username=" + URLEncoder.encode(user.username(), StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", "JSESSIONID=" + anonymous)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).as("login of " + user.username()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		return requiredSessionCookie(login);
	}

	private HttpResponse<String> get(String path, String session, String authorization)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (session != null) {
			request.header("Cookie", "JSESSIONID=" + session);
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
