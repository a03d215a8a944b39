package org.lepha.academy.failure;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.lepha.academy.browser.Browser;

/**
 * The quiz of the fixture module "example-module" as a cadet sees it in Chromium: signing
 * in, the drawn questions in their order, the choice questions' options and which of them
 * show as selected.
 */
final class QuizPage {

	static final String MODULE = "example-module";

	/** The option ids of the fixture's choice questions, by the English label shown. */
	static final Map<String, String> OPTION_IDS = Map.of("It reverses an opioid overdose.", "reverses",
			"It sedates the person so that they stay calm until help comes.", "sedates", "Slow or no breathing",
			"slow-breathing", "Pinpoint pupils", "pinpoint", "Agitation", "agitation", "Heavy sweating", "sweating",
			"True", "true", "False", "false");

	private QuizPage() {
	}

	static void signIn(Page page, String baseUrl, String username, String password) {
		Browser.signIn(page, baseUrl, username, password);
		page.waitForURL("**/learn");
	}

	static void open(Page page, String baseUrl) {
		page.navigate(baseUrl + "/learn/" + MODULE + "/quiz/post");
		page.waitForSelector("#quiz-submit");
	}

	/** The drawn questions' ids in the order shown. */
	static List<String> questionIds(Page page) {
		return page.locator(".quiz-question")
			.all()
			.stream()
			.map((block) -> block.getAttribute("id").substring("question-".length()))
			.toList();
	}

	/** The drawn questions answered by picking options (single, multiple, true/false). */
	static List<String> choiceQuestionIds(Page page) {
		return questionIds(page).stream().filter((id) -> options(page, id).count() > 0).toList();
	}

	/** The radio buttons or check boxes of a question, in the order shown. */
	static Locator options(Page page, String questionId) {
		return page.locator("#question-" + questionId).locator(".quiz-option");
	}

	static Locator option(Page page, String questionId, String label) {
		return options(page, questionId).filter(new Locator.FilterOptions().setHasText(label)).first();
	}

	static List<String> labels(Page page, String questionId) {
		return options(page, questionId).all().stream().map((o) -> o.textContent().strip()).toList();
	}

	/** The labels of the options shown as selected. */
	static List<String> selected(Page page, String questionId) {
		return page.locator("#question-" + questionId)
			.locator(".quiz-option:has(input:checked)")
			.all()
			.stream()
			.map((o) -> o.textContent().strip())
			.sorted()
			.toList();
	}

	static boolean isMultiple(Page page, String questionId) {
		return page.locator("#question-" + questionId).locator("input[type=checkbox]").count() > 0;
	}

	/**
	 * Clicks and waits for the server's answer to that click: the Vaadin round trip in
	 * which the answer is saved. When it returns, the server has acknowledged the answer
	 * (or sent the error message).
	 */
	static Response clickAndAwaitServer(Page page, Locator target) {
		// A short click timeout: Playwright waits while something covers the target (a
		// message box, say), and a cadet could not click it either.
		return page.waitForResponse((r) -> r.url().contains("v-r=uidl") && "POST".equals(r.request().method()),
				new Page.WaitForResponseOptions().setTimeout(30_000),
				() -> target.click(new Locator.ClickOptions().setTimeout(3_000)));
	}

}
