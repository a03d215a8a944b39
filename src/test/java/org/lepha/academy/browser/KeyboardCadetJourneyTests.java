package org.lepha.academy.browser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.lepha.academy.BrowserJourneyTest;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real Chromium, an English-speaking cadet completes a whole module with the
 * keyboard alone: Tab to move, Enter and Space to act, arrow keys inside radio groups and
 * lists. No mouse click anywhere, so every control on the way must be reachable in the
 * focus order and operable from the keyboard. axe-core runs on every page.
 */
@BrowserJourneyTest
class KeyboardCadetJourneyTests extends BrowserJourney {

	/** The element that has the focus, down through shadow roots. */
	private static final String DEEP_ACTIVE = """
			() => { let e = document.activeElement;
			  while (e && e.shadowRoot && e.shadowRoot.activeElement) { e = e.shadowRoot.activeElement; }
			  return e; }""";

	@Autowired
	UserAccountService accounts;

	@Autowired
	CohortService cohorts;

	@Test
	void englishCadetCompletesTheModuleWithTheKeyboardOnly() {
		String username = "keyboard.cadet." + System.nanoTime();
		enrolledCadet(accounts, cohorts, username, "Keyboard Cadet", Locale.ENGLISH, "journey-password-1");
		Map<String, List<String>> violations = new LinkedHashMap<>();
		Page page = browser.newPage("en");
		page.navigate(baseUrl() + "/login");
		page.waitForSelector("vaadin-login-form input[name=username]");
		tabTo(page, "input[name=username]", null);
		page.keyboard().type(username);
		page.keyboard().press("Tab");
		page.keyboard().type("journey-password-1");
		page.keyboard().press("Enter");
		page.waitForURL("**/learn");
		assertThat(page.locator("html")).hasAttribute("dir", "ltr");
		Browser.checkpoint(page, "keyboard-en-1-home", violations);

		press(page, "#open-example-module", "**/learn/example-module");
		Browser.checkpoint(page, "keyboard-en-2-module", violations);
		tabTo(page, "#continue-reading", null);
		page.keyboard().press("Enter");
		page.waitForSelector("#lesson-text");
		assertThat(page.locator("#lesson-text")).containsText("Naloxone");
		Browser.checkpoint(page, "keyboard-en-3-lesson", violations);
		for (String next : List.of("**/minutes-matter", "**/call-for-help", "**/learn/example-module")) {
			press(page, "#lesson-next", next);
		}

		tabTo(page, "#start-quiz", null);
		page.keyboard().press("Enter");
		page.waitForSelector("#quiz-submit");
		answerQuiz(page);
		Browser.checkpoint(page, "keyboard-en-4-quiz", violations);
		tabTo(page, "#quiz-submit", null);
		page.keyboard().press("Enter");
		assertThat(page.locator("#quiz-verdict")).hasText("Passed");
		press(page, "#back-to-module", "**/learn/example-module");

		tabTo(page, "#start-scenario-overdose-call", null);
		page.keyboard().press("Enter");
		tabTo(page, "#choice-check-kit", null);
		page.keyboard().press("Enter");
		assertThat(page.locator("#choice-feedback")).isVisible();
		tabTo(page, "#choice-give-naloxone", null);
		page.keyboard().press("Enter");
		assertThat(page.locator("#ending-rating")).hasText("Exemplary");
		Browser.checkpoint(page, "keyboard-en-5-ending", violations);
		press(page, "#back-to-module", "**/learn/example-module");
		assertThat(page.locator("#module-status")).hasText("Completed");
		Browser.checkpoint(page, "keyboard-en-6-completed", violations);
		// The course evaluation by keyboard: Tab into the first question, Space and the
		// arrow keys to choose "Agree", Tab to the free text and type, Tab to Send.
		tabTo(page, "#evaluation-item-relevance", null);
		page.keyboard().press("Space");
		for (int i = 0; i < 3; i++) {
			page.keyboard().press("ArrowDown");
		}
		assertThat(page.locator("#evaluation-item-relevance vaadin-radio-button[checked]")).hasText("Agree");
		tabTo(page, "#evaluation-text", null);
		page.keyboard().type("More practice with the kit.");
		tabTo(page, "#evaluation-send", null);
		page.keyboard().press("Enter");
		assertThat(page.locator("#evaluation-thanks"))
			.hasText("Thank you: your evaluation of this module has been recorded.");

		// The certificate, downloaded and verified from the keyboard too.
		page.navigate(baseUrl() + "/certificates");
		page.waitForSelector(".certificate-card");
		Browser.checkpoint(page, "keyboard-en-7-certificates", violations);
		tabTo(page, ".certificate-card[data-kind=module] a[data-language=en]", null);
		com.microsoft.playwright.Download download = page.waitForDownload(() -> page.keyboard().press("Enter"));
		byte[] pdf;
		try (java.io.InputStream in = download.createReadStream()) {
			pdf = in.readAllBytes();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		org.assertj.core.api.Assertions.assertThat(org.lepha.academy.certificates.PdfText.lines(pdf))
			.contains("Keyboard Cadet");
		// The link is reachable by Tab; it points at the configured public address
		// (APP_PUBLIC_URL), which is not this test server's random port, so the page is
		// opened by its path here.
		tabTo(page, ".certificate-card[data-kind=module] .verify-link", null);
		String verifyHref = page.locator(".certificate-card[data-kind=module] .verify-link").getAttribute("href");
		Page verification = page.context().newPage();
		verification.navigate(baseUrl() + java.net.URI.create(verifyHref).getRawPath());
		assertThat(verification.locator("#status")).hasText("Valid certificate");
		assertThat(verification.locator("body")).containsText("Keyboard Cadet");
		Browser.checkpoint(verification, "keyboard-en-8-verification", violations);

		assertNoSeriousViolations(violations);
		page.context().close();
	}

	/** Tabs to the element and presses Enter, then waits for the next address. */
	private static void press(Page page, String selector, String nextUrl) {
		tabTo(page, selector, null);
		page.keyboard().press("Enter");
		page.waitForURL(nextUrl);
	}

	/**
	 * Presses Tab until the focus is inside an element matching {@code selector} (and, if
	 * given, whose text or accessible label contains {@code text}); fails when the
	 * element is never reached.
	 */
	private static void tabTo(Page page, String selector, String text) {
		for (int presses = 0; presses < 200; presses++) {
			Object reached = page.evaluate(
					"""
							([selector, text]) => {
							  let e = document.activeElement;
							  while (e && e.shadowRoot && e.shadowRoot.activeElement) { e = e.shadowRoot.activeElement; }
							  let m = null;
							  for (let n = e; n && !m; n = n.parentElement || (n.getRootNode() && n.getRootNode().host)) {
							    if (n.matches && n.matches(selector)) { m = n; }
							  }
							  if (!m) { return false; }
							  return !text || (m.innerText || '').includes(text) || (m.getAttribute('aria-label') || '').includes(text);
							}""",
					List.of(selector, text == null ? "" : text));
			if (Boolean.TRUE.equals(reached)) {
				return;
			}
			page.keyboard().press("Tab");
		}
		throw new AssertionError("Tab never reached " + selector + (text == null ? "" : " \"" + text + "\""));
	}

	private static String focusedText(Page page) {
		return String.valueOf(page.evaluate("(" + DEEP_ACTIVE + ")().closest('.quiz-option, "
				+ "vaadin-select-item') ?.innerText ?? (" + DEEP_ACTIVE + ")().innerText"));
	}

	/** Answers whichever questions were drawn, correctly, by keyboard. */
	private static void answerQuiz(Page page) {
		Map<String, String> single = Map.of("question-naloxone-effect", "It reverses an opioid overdose.",
				"question-arrest-at-scene", "False");
		for (Map.Entry<String, String> question : single.entrySet()) {
			if (page.locator("#" + question.getKey()).count() == 0) {
				continue;
			}
			tabTo(page, "#" + question.getKey() + " .quiz-option", null);
			// Arrow keys move through the group (and select); Space confirms the one
			// wanted.
			for (int guard = 0; guard < 5 && !focusedText(page).contains(question.getValue()); guard++) {
				page.keyboard().press("ArrowDown");
			}
			page.keyboard().press("Space");
			assertThat(page.locator("#" + question.getKey() + " .quiz-option:has(input:checked)"))
				.containsText(question.getValue());
		}
		Locator signs = page.locator("#question-signs");
		if (signs.count() > 0) {
			// In the order shown (options are shuffled), so Tab only ever moves forward.
			for (String label : signs.locator(".quiz-option").allInnerTexts()) {
				if (label.contains("Slow or no breathing") || label.contains("Pinpoint pupils")) {
					tabTo(page, "#question-signs .quiz-option", label.strip());
					page.keyboard().press("Space");
				}
			}
			assertThat(signs.locator("input:checked")).hasCount(2);
		}
		Locator matching = page.locator("#question-match-services");
		if (matching.count() > 0) {
			Map<String, String> pairs = Map.of("Needle and syringe programme", "Sterile injecting equipment",
					"Opioid agonist treatment", "A prescribed medicine");
			for (Locator select : matching.locator("vaadin-select").all()) {
				String left = pairs.keySet()
					.stream()
					.filter((l) -> select.innerText().contains(l))
					.findFirst()
					.orElseThrow();
				tabTo(page, "#question-match-services vaadin-select", left);
				page.keyboard().press("ArrowDown");
				page.waitForCondition(() -> select.getAttribute("opened") != null);
				// The overlay opens before it moves focus to an item; keys pressed in
				// between
				// go nowhere, and Enter would then leave the overlay open.
				page.waitForCondition(() -> Boolean.TRUE
					.equals(page.evaluate("(" + DEEP_ACTIVE + ")().closest('vaadin-select-item') !== null")));
				for (int guard = 0; guard < 5 && !focusedText(page).contains(pairs.get(left)); guard++) {
					page.keyboard().press("ArrowDown");
				}
				page.keyboard().press("Enter");
				page.waitForCondition(() -> select.getAttribute("opened") == null);
				assertThat(select).containsText(pairs.get(left));
			}
		}
		Locator ordering = page.locator("#question-order-steps");
		if (ordering.count() > 0) {
			List<String> correct = List.of("Check the scene is safe", "Call an ambulance", "Give naloxone");
			for (int target = 0; target < correct.size(); target++) {
				for (int guard = 0; guard < 5; guard++) {
					List<String> rows = ordering.locator(".ordering vaadin-horizontal-layout > span").allInnerTexts();
					int at = -1;
					for (int i = 0; i < rows.size(); i++) {
						if (rows.get(i).contains(correct.get(target))) {
							at = i;
						}
					}
					if (at <= target) {
						break;
					}
					tabTo(page, "#question-order-steps vaadin-button", "Move \"" + correct.get(target) + "\" up");
					page.keyboard().press("Enter");
					for (int wait = 0; wait < 50 && rows.equals(
							ordering.locator(".ordering vaadin-horizontal-layout > span").allInnerTexts()); wait++) {
						page.waitForTimeout(100);
					}
				}
			}
		}
	}

}
