package org.lepha.academy.browser;

import java.util.Locale;
import java.util.Set;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.lepha.academy.BrowserJourneyTest;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real Chromium: the browser's language decides before login, the user's stored
 * language after it, Dari runs right to left in the whole page, and the language menu
 * switches and remembers the choice.
 */
@BrowserJourneyTest
class LanguageAndDirectionJourneyTests extends BrowserJourney {

	@Autowired
	UserAccountService accounts;

	@Test
	void dariBrowserGetsARightToLeftDariLoginPage() {
		Page page = browser.newPage("fa-AF");
		page.navigate(url("/login"));
		page.waitForSelector("vaadin-login-form");
		assertThat(page.locator("html")).hasAttribute("dir", "rtl");
		assertThat(page.locator("html")).hasAttribute("lang", "fa-AF");
		assertThat(page.locator("h1")).hasText("اکادمی پولیس و صحت عامه");
		Browser.screenshot(page, "login-fa-AF");
		page.context().close();
	}

	@Test
	void unknownBrowserLanguageFallsBackToEnglishLeftToRight() {
		Page page = browser.newPage("de-CH");
		page.navigate(url("/login"));
		page.waitForSelector("vaadin-login-form");
		assertThat(page.locator("html")).hasAttribute("dir", "ltr");
		assertThat(page.locator("h1")).hasText("Public Health Policing Academy");
		page.context().close();
	}

	@Test
	void dariCadetSeesDariAfterLoginAndCanSwitchToRussianWhichIsRemembered() {
		String username = "dari.cadet." + System.nanoTime();
		SystemAccess.asAdministrator(() -> accounts.createUser(new NewUser(username, "گلالی چکری", null,
				Locale.forLanguageTag("fa-AF"), Set.of(Role.CADET), null, "dari-cadet-password", false)));

		Page page = browser.newPage("en-US");
		page.navigate(url("/login"));
		page.locator("vaadin-login-form input[name=username]").fill(username);
		page.locator("vaadin-login-form input[name=password]").fill("dari-cadet-password");
		page.locator("vaadin-login-form vaadin-button[slot=submit], vaadin-login-form button[type=submit]")
			.first()
			.click();
		page.waitForURL("**/learn");
		assertThat(page.locator("html")).hasAttribute("dir", "rtl");
		assertThat(page.locator("h1")).hasText("ماژول‌های من");
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("خروج"))).isVisible();
		Browser.screenshot(page, "cadet-home-fa-AF");

		page.locator("#language-menu").click();
		page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Русский")).click();
		page.waitForFunction("document.documentElement.dir === 'ltr'");
		assertThat(page.locator("h1")).hasText("Мои модули");
		Browser.screenshot(page, "cadet-home-ru");

		// Log out: back at the login page, and the back button shows nothing of the
		// cadet.
		page.locator("#logout").click();
		page.waitForURL("**/login");
		page.goBack();
		page.waitForSelector("vaadin-login-form");
		assertThat(page.locator("h1")).not().hasText("Мои модули");
		assertThat(page.content()).doesNotContain("گلالی چکری");

		Locale stored = SystemAccess.asAdministrator(() -> accounts.listUsers()
			.stream()
			.filter((u) -> u.username().equals(username))
			.findFirst()
			.orElseThrow()
			.locale());
		assertThat(stored).isEqualTo(Locale.forLanguageTag("ru"));
		page.context().close();
	}

	private String url(String path) {
		return baseUrl() + path;
	}

}
