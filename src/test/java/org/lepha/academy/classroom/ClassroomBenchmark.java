package org.lepha.academy.classroom;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.lepha.academy.Application;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.NewCohort;
import org.lepha.academy.load.LoadStats;
import org.lepha.academy.load.VaadinClient;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccountService;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (not a test): one classroom session, 60 cadets voting within 10 s. The server
 * runs in this JVM; the projector is a real Chromium page (push on, as in the room) whose
 * {@code #vote-count} is watched by a MutationObserver that stamps each new count with
 * {@code Date.now()}; the cadets are Vaadin-protocol clients ({@link VaadinClient}), each
 * with its own session and a real room UI, who join by code and click a choice at a
 * random moment within 10 s. Latency of a vote = the moment the projector first shows a
 * count that includes it minus the moment the vote was sent (the k-th stored vote is in
 * every count of k or more; both clocks are this machine's). Heap per joined cadet = used
 * heap after full GCs with 60 joined cadet UIs minus with none, over 60. Run with
 * {@code ./mvnw -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.lepha.academy.classroom.ClassroomBenchmark} (the server as in the
 * tests: Vaadin's development bundle, no dev tools) (optional argument: cadets, default
 * 60); figures in docs/performance.md ("Classroom").
 */
public final class ClassroomBenchmark {

	private static final String PASSWORD = "classroom-bench-password-1";

	private ClassroomBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int cadets = args.length > 0 ? Integer.parseInt(args[0]) : 60;
		ConfigurableApplicationContext app = SpringApplication.run(Application.class, "--server.port=0",
				"--app.db.data-dir=target/bench-data", "--app.demo-data=false",
				"--app.content.dir=src/test/resources/content-valid/content",
				"--app.translations.dir=src/test/resources/content-valid/translations", "--logging.level.root=WARN",
				"--vaadin.devmode.devTools.enabled=false");
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		String base = "http://localhost:" + port;
		String prefix = "classbench." + System.nanoTime() + ".";
		UserAccountService accounts = app.getBean(UserAccountService.class);
		CohortService cohorts = app.getBean(CohortService.class);
		List<String> usernames = new ArrayList<>();
		String trainer = prefix + "trainer";
		SystemAccess.asAdministrator(() -> {
			long academy = cohorts.createAcademy("Classroom bench " + prefix).id();
			long trainerId = accounts
				.createUser(new NewUser(trainer, "Bench trainer", null, Locale.ENGLISH, Set.of(Role.TRAINER), academy,
						PASSWORD, false))
				.id();
			long cohort = cohorts
				.createCohort(new NewCohort(academy, "Bench cohort " + prefix, null, null, Set.of(trainerId)))
				.id();
			for (int i = 0; i < cadets; i++) {
				String username = prefix + i;
				String language = i % 3 == 0 ? "ru" : "fa-AF";
				long id = accounts
					.createUser(new NewUser(username, "Bench cadet " + i, null, Locale.forLanguageTag(language),
							Set.of(Role.CADET), academy, PASSWORD, false))
					.id();
				cohorts.enrol(cohort, id);
				usernames.add(username);
			}
			cohorts.assign(cohort, "example-module", LocalDate.now().plusDays(7));
			return null;
		});

		Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
		try (Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
			var browser = playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
					.setHeadless(true)
					.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
							"--disable-background-networking")));
			Page projector = browser.newContext().newPage();
			projector.navigate(base + "/login");
			projector.locator("vaadin-login-form input[name=username]").fill(trainer);
			projector.locator("vaadin-login-form input[name=password]").fill(PASSWORD);
			projector.locator("vaadin-login-form vaadin-button[slot=submit]").click();
			projector.waitForURL((url) -> !url.contains("/login"));
			projector.navigate(base + "/classroom");
			projector.locator("#classroom-start").click();
			projector.waitForURL("**/classroom/projector?session=*");
			String code = projector.locator("#join-code").textContent().strip();

			long heapBefore = usedHeapAfterGc();
			HttpClient http = VaadinClient.newHttpClient();
			LoadStats stats = new LoadStats();
			List<VaadinClient> clients = Collections.synchronizedList(new ArrayList<>());
			try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
				List<Future<?>> joins = new ArrayList<>();
				for (String username : usernames) {
					joins.add(pool.submit(() -> {
						VaadinClient client = new VaadinClient(http, URI.create(base), stats, "en");
						client.login(username, PASSWORD);
						// In the UI the login opened, as a tap on "Join a class session"
						// would.
						client.navigate("/classroom/join", "join-page");
						VaadinClient.Node field = client.require("join-code-field", "join");
						client.rpc("join-code", List.of(VaadinClient.sync(field.id, "value", code),
								VaadinClient.event(field.id, "change", Map.of())));
						client.click("join-button", "join");
						client.require("vote-check-kit", "room");
						clients.add(client);
						return null;
					}));
				}
				for (Future<?> join : joins) {
					join.get();
				}
			}

			// Stamp every count the projector shows from now on.
			projector.evaluate("""
					() => {
					  window.__counts = [];
					  const target = document.getElementById('projector');
					  const read = () => {
					    const el = document.getElementById('vote-count');
					    if (el) { window.__counts.push([el.textContent, Date.now()]); }
					  };
					  new MutationObserver(read).observe(target, {subtree: true, childList: true, characterData: true});
					}""");
			long[] sent = new long[clients.size()];
			long[] stored = new long[clients.size()];
			try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
				List<Future<?>> votes = new ArrayList<>();
				for (int i = 0; i < clients.size(); i++) {
					int n = i;
					VaadinClient client = clients.get(i);
					long delay = ThreadLocalRandom.current().nextLong(10_000);
					votes.add(pool.submit(() -> {
						Thread.sleep(delay);
						String choice = n % 3 == 0 ? "vote-go-straight" : "vote-check-kit";
						sent[n] = System.currentTimeMillis();
						client.click(choice, "vote");
						stored[n] = System.currentTimeMillis();
						return null;
					}));
				}
				for (Future<?> vote : votes) {
					vote.get();
				}
			}
			// Let the last coalesced push arrive.
			Thread.sleep(2000);
			@SuppressWarnings("unchecked")
			List<List<Object>> counts = (List<List<Object>>) projector.evaluate("() => window.__counts");
			List<long[]> shown = new ArrayList<>();
			for (List<Object> entry : counts) {
				// "Votes: 12 of 60 joined": the first number is the count.
				String digits = String.valueOf(entry.get(0)).replaceAll("^\\D*(\\d+).*$", "$1");
				shown.add(new long[] { Long.parseLong(digits), ((Number) entry.get(1)).longValue() });
			}
			Integer[] order = new Integer[clients.size()];
			for (int i = 0; i < order.length; i++) {
				order[i] = i;
			}
			java.util.Arrays.sort(order, (x, y) -> Long.compare(stored[x], stored[y]));
			List<Long> latencies = new ArrayList<>();
			for (int k = 0; k < order.length; k++) {
				int needed = k + 1;
				long sentAt = sent[order[k]];
				shown.stream()
					.filter((s) -> s[0] >= needed && s[1] >= sentAt)
					.mapToLong((s) -> s[1])
					.min()
					.ifPresent((at) -> latencies.add(at - sentAt));
			}
			Collections.sort(latencies);
			System.out.printf("cadets joined: %d, votes measured: %d, projector redraws: %d%n", clients.size(),
					latencies.size(), shown.size());
			System.out.printf("vote -> projector count: p50 %d ms, p95 %d ms, max %d ms%n", percentile(latencies, 50),
					percentile(latencies, 95), latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1));
			System.out.println(stats.report());
			// The clients live in this JVM too: drop them, keep their sessions and UIs on
			// the
			// server (a UI lives until it misses three heartbeats), and weigh what is
			// left.
			int joined = clients.size();
			clients.clear();
			long heapAfter = usedHeapAfterGc();
			System.out.printf("heap after GC: %,d bytes with 0, %,d with %d joined cadets: %.1f KB per cadet%n",
					heapBefore, heapAfter, joined, (heapAfter - heapBefore) / 1024.0 / Math.max(1, joined));
			browser.close();
		}
		app.close();
		System.exit(0);
	}

	private static long percentile(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return -1;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
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
