package org.lepha.academy.learning;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.microsoft.playwright.Page;
import org.lepha.academy.Application;
import org.lepha.academy.browser.Browser;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccountService;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (not a test): bytes a cadet's browser receives for the first load of the app
 * and for one lesson step, one quiz answer and one scenario choice after that, as
 * Chromium reports them (compressed, headers included). Starts the server in production
 * mode on the fixture module. Run with
 * {@code ./mvnw -q -Pproduction test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.lepha.academy.learning.BandwidthBenchmark}; figures in
 * docs/performance.md.
 */
public final class BandwidthBenchmark {

	private BandwidthBenchmark() {
	}

	public static void main(String[] args) {
		ConfigurableApplicationContext app = SpringApplication.run(Application.class, "--server.port=0",
				"--app.db.data-dir=target/bench-data", "--app.demo-data=false",
				"--app.content.dir=src/test/resources/content-valid/content",
				"--app.translations.dir=src/test/resources/content-valid/translations", "--vaadin.productionMode=true");
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		String username = "bandwidth." + System.nanoTime();
		SystemAccess.asAdministrator(() -> app.getBean(UserAccountService.class)
			.createUser(new NewUser(username, "Bandwidth Cadet", null, Locale.forLanguageTag("fa-AF"),
					Set.of(Role.CADET), null, "bandwidth-password-1", false)));
		try (Browser browser = new Browser()) {
			Page page = browser.newPage("fa-AF");
			AtomicLong bytes = new AtomicLong();
			List<String> firstVisit = new java.util.concurrent.CopyOnWriteArrayList<>();
			page.onRequestFinished((request) -> {
				var sizes = request.sizes();
				long total = sizes.responseBodySize + sizes.responseHeadersSize + sizes.requestBodySize
						+ sizes.requestHeadersSize;
				bytes.addAndGet(total);
				firstVisit.add(String.format("%,10d  %-10s %s", total, request.resourceType(), request.url()));
			});
			String base = "http://localhost:" + port;
			page.navigate(base + "/login");
			page.waitForSelector("vaadin-login-form");
			page.locator("vaadin-login-form input[name=username]").fill(username);
			page.locator("vaadin-login-form input[name=password]").fill("bandwidth-password-1");
			page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
			page.waitForURL("**/learn");
			page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
			long firstLoad = bytes.getAndSet(0);
			List<String> breakdown = List.copyOf(firstVisit);

			page.navigate(base + "/learn/example-module/lesson/signs-of-overdose/what-it-looks-like");
			page.waitForSelector("#lesson-text");
			page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
			bytes.set(0);
			int lessonStart = firstVisit.size();
			page.locator("#lesson-next").click();
			page.waitForURL("**/minutes-matter");
			page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
			long lessonStep = bytes.getAndSet(0);
			List<String> lessonRequests = List.copyOf(firstVisit.subList(lessonStart, firstVisit.size()));

			page.navigate(base + "/learn/example-module/quiz/post");
			page.waitForSelector("#quiz-submit");
			page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
			bytes.set(0);
			page.locator("#question-arrest-at-scene .quiz-option, .quiz-question .quiz-option").first().click();
			page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
			page.waitForTimeout(500);
			long quizAnswer = bytes.getAndSet(0);

			page.navigate(base + "/learn/example-module/scenario/overdose-call");
			page.waitForSelector("#choice-check-kit");
			page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
			bytes.set(0);
			page.locator("#choice-check-kit").click();
			page.waitForSelector("#choice-feedback");
			page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
			long scenarioChoice = bytes.getAndSet(0);

			// A returning visit: a new tab of the same browser (its HTTP cache kept, as
			// on a cadet's phone the next day) opening the cadet home while signed in.
			Page returning = page.context().newPage();
			AtomicLong returningBytes = new AtomicLong();
			List<String> returningRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
			returning.onRequestFinished((request) -> {
				var sizes = request.sizes();
				long total = sizes.responseBodySize + sizes.responseHeadersSize + sizes.requestBodySize
						+ sizes.requestHeadersSize;
				returningBytes.addAndGet(total);
				returningRequests.add(String.format("%,10d  %-10s %s", total, request.resourceType(), request.url()));
			});
			returning.navigate(base + "/learn");
			returning.waitForSelector("vaadin-app-layout");
			returning.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
			long returningVisit = returningBytes.get();

			Map<String, Long> figures = new java.util.LinkedHashMap<>();
			figures.put("first load (login page to cadet home, Dari)", firstLoad);
			figures.put("one lesson step (next page)", lessonStep);
			figures.put("one quiz answer", quizAnswer);
			figures.put("one scenario choice", scenarioChoice);
			figures.put("returning visit (cadet home, cache kept)", returningVisit);
			figures.forEach((k, v) -> System.out.printf("%-45s %,10d bytes%n", k, v));
			// Where the first visit's bytes go (compressed body and headers per request).
			System.out.println("first visit, per request:");
			breakdown.forEach(System.out::println);
			System.out.println("lesson step, per request:");
			lessonRequests.forEach(System.out::println);
			System.out.println("returning visit, per request:");
			returningRequests.forEach(System.out::println);
		}
		finally {
			app.close();
		}
		// The embedded MariaDB's process watcher would keep exec:java waiting.
		System.exit(0);
	}

}
