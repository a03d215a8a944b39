package org.lepha.academy.learning;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.lepha.academy.Application;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccountService;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (not a test): live heap per signed-in cadet session with a lesson open.
 * Starts the server in this JVM, opens N real sessions from Debian's Chromium (one
 * browser context each: own cookie, own Vaadin UI, a lesson page left open), and after
 * each batch measures the used heap after full GCs. The slope between the first and the
 * last point is the cost of one session. Run with
 * {@code ./mvnw -q -Pproduction test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.lepha.academy.learning.SessionHeapBenchmark}
 * (optional argument: sessions, default 220); figures in docs/performance.md.
 */
public final class SessionHeapBenchmark {

	private static final String PASSWORD = "heap-bench-password-1";

	private SessionHeapBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 220;
		int batch = 50;
		ConfigurableApplicationContext app = SpringApplication.run(Application.class, "--server.port=0",
				"--app.db.data-dir=target/bench-data", "--app.demo-data=false",
				"--app.content.dir=src/test/resources/content-valid/content",
				"--app.translations.dir=src/test/resources/content-valid/translations", "--vaadin.productionMode=true",
				"--logging.level.root=WARN");
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		String prefix = "heap." + System.nanoTime() + ".";
		UserAccountService accounts = app.getBean(UserAccountService.class);
		for (int i = 0; i < sessions; i++) {
			String username = prefix + i;
			String language = i % 2 == 0 ? "fa-AF" : "ru";
			SystemAccess.asAdministrator(() -> accounts.createUser(new NewUser(username, "Heap Cadet " + username, null,
					Locale.forLanguageTag(language), Set.of(Role.CADET), null, PASSWORD, false)));
		}
		String base = "http://localhost:" + port;
		Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
		List<long[]> points = new ArrayList<>();
		try (Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
			// Few renderer processes for many pages: the browser's memory is not what is
			// measured, and 200 renderers would not fit.
			var browser = playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
					.setHeadless(true)
					.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
							"--renderer-process-limit=4", "--disable-background-networking")));
			List<BrowserContext> open = new ArrayList<>();
			int warm = 20;
			for (int i = 0; i < sessions; i++) {
				BrowserContext context = browser.newContext();
				Page page = context.newPage();
				page.navigate(base + "/login");
				page.locator("vaadin-login-form input[name=username]").fill(prefix + i);
				page.locator("vaadin-login-form input[name=password]").fill(PASSWORD);
				page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
				page.waitForURL("**/learn");
				page.navigate(base + "/learn/example-module/lesson/signs-of-overdose/what-it-looks-like");
				page.waitForSelector("#lesson-text");
				open.add(context);
				int n = i + 1;
				if (n == warm || (n > warm && (n - warm) % batch == 0) || n == sessions) {
					long used = usedHeapAfterGc();
					points.add(new long[] { n, used });
					System.out.printf("%4d sessions: %,d bytes used after GC%n", n, used);
				}
			}
			long[] first = points.get(0);
			long[] last = points.get(points.size() - 1);
			double perSession = (double) (last[1] - first[1]) / (last[0] - first[0]);
			System.out.printf("slope over %d sessions: %.1f KB per session%n", last[0] - first[0], perSession / 1024);
			for (BrowserContext context : open) {
				context.close();
			}
			browser.close();
		}
		app.close();
		System.exit(0);
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		var memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 4; i++) {
			System.gc();
			Thread.sleep(300);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
