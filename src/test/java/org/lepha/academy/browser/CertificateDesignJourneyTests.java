package org.lepha.academy.browser;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lepha.academy.BrowserJourneyTest;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.certificates.CertificateDesigns;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real Chromium, an administrator sets an academy's certificate: a refused SVG is
 * explained, a PNG emblem is accepted, the preview shows the certificate in the three
 * languages, and saving makes version 1. In English and in Dari (right to left), with
 * axe-core on every step.
 */
@BrowserJourneyTest
class CertificateDesignJourneyTests extends BrowserJourney {

	private static final String PASSWORD = "journey-password-1";

	@Autowired
	UserAccountService accounts;

	@Autowired
	UiTranslationProvider strings;

	@Autowired
	org.lepha.academy.cohorts.CohortService cohorts;

	@Autowired
	CertificateDesigns designs;

	@ParameterizedTest
	@ValueSource(strings = { "en", "fa-AF" })
	void administratorUploadsAnEmblemPreviewsAndSaves(String uiLanguage) throws IOException {
		Locale ui = Locale.forLanguageTag(uiLanguage);
		String suffix = uiLanguage.replace("-", "") + System.nanoTime() % 1_000_000_000L;
		String admin = "journey.admin." + suffix;
		String academyName = "Academy A " + suffix;
		SystemAccess.asAdministrator(() -> {
			cohorts.createAcademy(academyName);
			return accounts
				.createUser(new NewUser(admin, "Admin " + suffix, null, ui, Set.of(Role.ADMIN), null, PASSWORD, false));
		});
		String shot = "design-" + uiLanguage + "-";
		Map<String, List<String>> violations = new LinkedHashMap<>();
		String base = baseUrl();

		Page page = browser.newPage(uiLanguage);
		Browser.signIn(page, base, admin, PASSWORD);
		page.navigate(base + "/admin/certificate-design");
		assertThat(page.locator("html")).hasAttribute("dir", uiLanguage.equals("fa-AF") ? "rtl" : "ltr");
		page.locator("#design-academy").click();
		page.locator("vaadin-select-item")
			.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(academyName))
			.click();
		assertThat(page.locator("#design-status")).hasText(strings.getTranslation("design.none", ui));
		Browser.checkpoint(page, shot + "1-empty", violations);

		page.locator("#design-emblem-upload input[type=file]")
			.setInputFiles(new FilePayload("emblem.svg", "image/svg+xml",
					"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"
						.getBytes(StandardCharsets.UTF_8)));
		assertThat(page.locator("#design-error")).hasText(strings.getTranslation("design.error.svg.active", ui));
		Browser.checkpoint(page, shot + "2-refused", violations);

		page.locator("#design-emblem-upload input[type=file]")
			.setInputFiles(new FilePayload("emblem.png", "image/png", png()));
		assertThat(page.locator("#design-emblem-image img")).isVisible();
		page.locator("#design-signatory-1-name input").fill("Farid Rahimi");
		page.locator("#design-signatory-1-title-fa-AF input").fill("رئیس اکادمی");
		page.locator("#design-wording-fa-AF textarea").fill("تصدیق می‌شود که {0} دورهٔ {1} را به پایان رسانید");
		page.locator("#design-preview").click();
		for (String tag : List.of("en", "ru", "fa-AF")) {
			// Rendering three certificates and their page images takes a few seconds
			// on a loaded machine.
			assertThat(page.locator("#design-preview-" + tag)).isVisible(
					new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
		}
		Browser.checkpoint(page, shot + "3-preview", violations);

		page.locator("#design-save").click();
		assertThat(page.locator("#design-status")).hasText(strings.getTranslation("design.saved", ui, 1));
		Browser.checkpoint(page, shot + "4-saved", violations);

		assertNoSeriousViolations(violations);
		page.context().close();
	}

	private static byte[] png() throws IOException {
		BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x1F, 0x3A, 0x5F));
		g.fillOval(40, 40, 320, 320);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
