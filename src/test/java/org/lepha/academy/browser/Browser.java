package org.lepha.academy.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright. Tests never download a browser: the executable
 * is the system's ({@code /usr/bin/chromium}, or {@code CHROMIUM_PATH}), which
 * {@code .ci/run} installs.
 */
public final class Browser implements AutoCloseable {

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser browser;

	public Browser() {
		Path executable = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
		if (!Files.isExecutable(executable)) {
			throw new IllegalStateException("Chromium not found at " + executable
					+ ". Install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH.");
		}
		// Assertions wait for the server's push; on a two-core machine shared with a
		// build
		// a round trip can take longer than Playwright's 5 s default.
		com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
		this.playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		this.browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage")));
	}

	/**
	 * A new page in a fresh context (own cookies) whose browser asks for the given
	 * language.
	 */
	public Page newPage(String acceptLanguage) {
		return browser
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale(acceptLanguage)
				.setExtraHTTPHeaders(java.util.Map.of("Accept-Language", acceptLanguage))
				.setViewportSize(1280, 800))
			.newPage();
	}

	/** Signs in through the login form and waits until the login page is left. */
	public static void signIn(Page page, String baseUrl, String username, String password) {
		page.navigate(baseUrl + "/login");
		page.locator("vaadin-login-form input[name=username]").fill(username);
		page.locator("vaadin-login-form input[name=password]").fill(password);
		page.locator("vaadin-login-form vaadin-button[slot=submit], vaadin-login-form button[type=submit]")
			.first()
			.click();
		page.waitForURL((url) -> !url.contains("/login"));
	}

	/**
	 * Keeps a screenshot named {@code name} and records the page's serious accessibility
	 * violations under that name.
	 */
	public static void checkpoint(Page page, String name, java.util.Map<String, List<String>> violations) {
		screenshot(page, name);
		violations.put(name, seriousAccessibilityViolations(page));
	}

	/** Keeps a screenshot as test output under {@code target/screenshots}. */
	public static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	/**
	 * Runs axe-core on the page and returns the serious and critical violations, as
	 * "rule: target" lines (empty when the page passes).
	 */
	public static List<String> seriousAccessibilityViolations(Page page) {
		settleAnimations(page);
		var results = new com.deque.html.axecore.playwright.AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa"))
			.analyze();
		if (results.getPasses().isEmpty()) {
			// Guards against a silent no-op: a real page always passes some rules.
			throw new IllegalStateException("axe-core checked nothing on " + page.url());
		}
		return results.getViolations()
			.stream()
			.filter((v) -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
			.filter((v) -> !isVaadinTabsScroller(v))
			.map((v) -> v.getId() + ": "
					+ v.getNodes().stream().map((n) -> n.getTarget() + " (" + n.getFailureSummary() + ")").toList())
			.toList();
	}

	/**
	 * Waits (at most 3 s) until every finite animation on the page, in shadow trees too,
	 * has finished. An overlay that is still fading in has half-transparent text, and axe
	 * then measures the contrast of a colour blend no user sees once it has opened.
	 * Endless animations (the loading bar, spinners) are not waited for.
	 */
	private static void settleAnimations(Page page) {
		page.evaluate("""
				() => Promise.race([
				  Promise.all(document.getAnimations()
				    .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
				    .map((a) => a.finished.catch(() => null))),
				  new Promise((resolve) => setTimeout(resolve, 3000))
				]).then(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))))
				""");
	}

	/**
	 * The one finding we do not count, narrowly: Vaadin's own {@code vaadin-tabs} (used
	 * by TabSheet) puts its tabs inside a shadow {@code <div id="scroll" tabindex="-1">},
	 * so axe sees a non-tab child of the tablist. The tabs themselves have role tab,
	 * names and arrow-key navigation; the wrapper is the vendor's markup, not ours.
	 * Anything else about tabs, or this rule on any other element, still fails.
	 */
	private static boolean isVaadinTabsScroller(com.deque.html.axecore.results.Rule violation) {
		return "aria-required-children".equals(violation.getId()) && violation.getNodes()
			.stream()
			.allMatch((n) -> String.valueOf(n.getTarget()).equals("[vaadin-tabs]")
					&& String.valueOf(n.getFailureSummary()).contains("not allowed: div[tabindex]"));
	}

	@Override
	public void close() {
		browser.close();
		playwright.close();
	}

}
