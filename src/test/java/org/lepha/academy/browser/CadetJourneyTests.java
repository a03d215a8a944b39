package org.lepha.academy.browser;

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
 * In a real Chromium, a Dari-speaking cadet signs in and completes a whole module: every
 * lesson page, the quiz, the scenario; the module then shows as completed and asks for
 * the course evaluation, which the cadet sends. Right to left throughout; screenshots are
 * kept under target/screenshots.
 */
@BrowserJourneyTest
class CadetJourneyTests extends BrowserJourney {

	@Autowired
	UserAccountService accounts;

	@Autowired
	CohortService cohorts;

	@Test
	void dariCadetCompletesTheModuleInTheBrowser() {
		String username = "dari.journey." + System.nanoTime();
		enrolledCadet(accounts, cohorts, username, "پرویز چکری", Locale.forLanguageTag("fa-AF"), "journey-password-1");

		Map<String, List<String>> violations = new java.util.LinkedHashMap<>();
		Page page = browser.newPage("fa-AF");
		page.navigate(baseUrl() + "/login");
		page.locator("vaadin-login-form input[name=username]").fill(username);
		page.locator("vaadin-login-form input[name=password]").fill("journey-password-1");
		page.locator("vaadin-login-form vaadin-button[slot=submit], vaadin-login-form button[type=submit]")
			.first()
			.click();
		page.waitForURL("**/learn");
		assertThat(page.locator("html")).hasAttribute("dir", "rtl");
		assertThat(page.locator("#module-example-module h3")).hasText("پاسخ به مصرف بیش از حد مواد");
		Browser.screenshot(page, "journey-fa-1-home");
		violations.put("journey-fa-1-home", Browser.seriousAccessibilityViolations(page));

		page.locator("#open-example-module").click();
		page.waitForURL("**/learn/example-module");
		page.locator("#continue-reading").click();
		page.waitForSelector("#lesson-text");
		assertThat(page.locator("#lesson-text")).containsText("نالوکسون");
		assertThat(page.locator("#lesson-text .callout-label")).hasText("نکتهٔ کلیدی");
		Browser.screenshot(page, "journey-fa-2-lesson");
		violations.put("journey-fa-2-lesson", Browser.seriousAccessibilityViolations(page));
		for (String next : List.of("**/minutes-matter", "**/call-for-help", "**/learn/example-module")) {
			page.locator("#lesson-next").click();
			page.waitForURL(next);
		}

		page.locator("#start-quiz").click();
		page.waitForSelector("#quiz-submit");
		answerQuiz(page);
		Browser.screenshot(page, "journey-fa-3-quiz");
		violations.put("journey-fa-3-quiz", Browser.seriousAccessibilityViolations(page));
		page.locator("#quiz-submit").click();
		assertThat(page.locator("#quiz-verdict")).hasText("کامیاب");
		page.locator("#back-to-module").click();
		page.waitForURL("**/learn/example-module");

		page.locator("#start-scenario-overdose-call").click();
		page.locator("#choice-check-kit").click();
		assertThat(page.locator("#choice-feedback")).hasText("بستهٔ نالوکسون در دست شماست.");
		page.locator("#choice-give-naloxone").click();
		assertThat(page.locator("#ending-rating")).hasText("نمونه");
		assertThat(page.locator("#debrief")).containsText("شما آماده بودید و عمل کردید.");
		Browser.screenshot(page, "journey-fa-4-ending");
		violations.put("journey-fa-4-ending", Browser.seriousAccessibilityViolations(page));
		page.locator("#back-to-module").click();
		page.waitForURL("**/learn/example-module");
		assertThat(page.locator("#module-status")).hasText("تکمیل شده");
		assertThat(page.locator("html")).hasAttribute("dir", "rtl");
		Browser.screenshot(page, "journey-fa-5-completed");
		violations.put("journey-fa-5-completed", Browser.seriousAccessibilityViolations(page));

		// The course evaluation, asked now that the module is completed, in Dari; once
		// sent, only the thanks remain.
		assertThat(page.locator("#evaluation-title")).hasText("نظر شما دربارهٔ این ماژول");
		page.locator("#evaluation-item-relevance")
			.getByRole(com.microsoft.playwright.options.AriaRole.RADIO,
					new Locator.GetByRoleOptions().setName("موافق").setExact(true))
			.check();
		page.locator("#evaluation-text textarea").fill("تمرین‌های بیشتر با کیت نالوکسون");
		page.locator("#evaluation-send").click();
		assertThat(page.locator("#evaluation-thanks")).hasText("تشکر: ارزیابی شما از این ماژول ثبت شد.");
		assertThat(page.locator("#evaluation-send")).hasCount(0);

		// The certificate: listed in Dari, downloaded as a Dari PDF, verified on the
		// public page.
		page.navigate(baseUrl() + "/certificates");
		page.waitForSelector(".certificate-card");
		assertThat(page.locator(".certificate-card[data-kind=module] h2")).hasText("پاسخ به مصرف بیش از حد مواد");
		Browser.screenshot(page, "journey-fa-6-certificates");
		violations.put("journey-fa-6-certificates", Browser.seriousAccessibilityViolations(page));
		com.microsoft.playwright.Download download = page.waitForDownload(
				() -> page.locator(".certificate-card[data-kind=module]").locator("a[data-language=fa-AF]").click());
		byte[] pdf;
		try (java.io.InputStream in = download.createReadStream()) {
			pdf = in.readAllBytes();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		org.assertj.core.api.Assertions.assertThat(actualText(pdf)).contains("پرویز چکری", "تصدیق‌نامهٔ تکمیل");
		String verifyHref = page.locator(".certificate-card[data-kind=module]")
			.locator(".verify-link")
			.getAttribute("href");
		page.navigate(baseUrl() + java.net.URI.create(verifyHref).getRawPath() + "?lang=fa-AF");
		assertThat(page.locator("#status")).hasText("تصدیق‌نامهٔ معتبر");
		assertThat(page.locator("html")).hasAttribute("dir", "rtl");
		assertThat(page.locator("body")).containsText("پرویز چکری");
		Browser.screenshot(page, "journey-fa-7-verification");
		violations.put("journey-fa-7-verification", Browser.seriousAccessibilityViolations(page));
		assertNoSeriousViolations(violations);
		page.context().close();
	}

	private static List<String> actualText(byte[] pdf) {
		return org.lepha.academy.certificates.PdfText.lines(pdf);
	}

	/** Answers whichever questions were drawn, by their Dari labels. */
	static void answerQuiz(Page page) {
		Map<String, List<String>> choose = Map.of("question-naloxone-effect",
				List.of("اثر مصرف بیش از حد مواد افیونی را برمی‌گرداند."), "question-signs",
				List.of("تنفس کند یا قطع تنفس", "مردمک‌های بسیار تنگ"), "question-arrest-at-scene", List.of("نادرست"));
		for (Map.Entry<String, List<String>> question : choose.entrySet()) {
			Locator block = page.locator("#" + question.getKey());
			if (block.count() == 0) {
				continue;
			}
			for (String label : question.getValue()) {
				block.locator(".quiz-option").filter(new Locator.FilterOptions().setHasText(label)).first().click();
			}
		}
		Locator matching = page.locator("#question-match-services");
		if (matching.count() > 0) {
			Map<String, String> pairs = Map.of("برنامهٔ سوزن و سرنگ", "وسایل پاک تزریق", "درمان جایگزین مواد افیونی",
					"یک دوای تجویزشده");
			for (Map.Entry<String, String> pair : pairs.entrySet()) {
				Locator select = matching.locator("vaadin-select")
					.filter(new Locator.FilterOptions().setHasText(pair.getKey()))
					.first();
				select.click();
				page.waitForCondition(() -> select.getAttribute("opened") != null);
				// Only the items of the list just opened: the previous one may still be
				// closing.
				Locator item = select.locator("vaadin-select-item")
					.filter(new Locator.FilterOptions().setHasText(pair.getValue()));
				if (item.count() == 0) {
					item = page.locator("vaadin-select-overlay[opened] vaadin-select-item")
						.filter(new Locator.FilterOptions().setHasText(pair.getValue()));
				}
				item.first().click();
				page.waitForCondition(() -> select.getAttribute("opened") == null);
			}
		}
		Locator ordering = page.locator("#question-order-steps");
		if (ordering.count() > 0) {
			List<String> correct = List.of("امن بودن صحنه را بررسی کنید", "امبولانس را خبر کنید", "نالوکسون بدهید");
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
					ordering
						.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
								new Locator.GetByRoleOptions().setName("«" + correct.get(target) + "» را بالا ببرید"))
						.click();
					// Wait for the server's answer: the list is drawn again in its new
					// order.
					for (int wait = 0; wait < 50 && rows.equals(
							ordering.locator(".ordering vaadin-horizontal-layout > span").allInnerTexts()); wait++) {
						page.waitForTimeout(100);
					}
				}
			}
		}
	}

}
