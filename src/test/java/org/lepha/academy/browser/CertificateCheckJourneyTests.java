package org.lepha.academy.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.BrowserJourneyTest;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.certificates.internal.SignedPdfVerifier;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real Chromium, a Dari-speaking cadet with a certificate downloads its signed PDF
 * and its Open Badges credential from "My certificates", opens the public verification
 * page and uploads each file there: both are confirmed, in Dari, right to left, with no
 * JavaScript on the page. axe-core runs on every page.
 */
@BrowserJourneyTest
class CertificateCheckJourneyTests extends BrowserJourney {

	private static final Locale DARI = Locale.forLanguageTag("fa-AF");

	@Autowired
	ApplicationContext context;

	@Autowired
	UserAccountService accounts;

	@Autowired
	UiTranslationProvider translations;

	@Autowired
	SignedPdfVerifier signatures;

	@Test
	void dariCadetDownloadsThePdfAndTheCredentialAndTheVerificationPageConfirmsThem() {
		String username = "dari.check." + System.nanoTime();
		String password = "journey-password-1";
		AcademyFixture fixtures = new AcademyFixture(this.context);
		Academy academy = fixtures.academy();
		UserAccount trainer = fixtures.user(Role.TRAINER, academy, "Trainer");
		UserAccount cadet = SystemAccess.asAdministrator(() -> this.accounts.createUser(
				new NewUser(username, "پرویز چکری", null, DARI, Set.of(Role.CADET), academy.id(), password, false)));
		CohortSummary cohort = fixtures.cohort(academy, trainer);
		fixtures.enrol(cohort, cadet);
		fixtures.assignTheModule(cohort);
		fixtures.signInAs(cadet);
		fixtures.completeTheModule();
		AcademyFixture.signOut();

		Map<String, List<String>> violations = new LinkedHashMap<>();
		Page page = browser.newPage("fa-AF");
		Browser.signIn(page, baseUrl(), username, password);
		page.navigate(baseUrl() + "/certificates");
		page.waitForSelector(".certificate-card[data-kind=module]");
		var card = page.locator(".certificate-card[data-kind=module]");
		assertThat(card.locator(".credential-download")).hasText(dari("badge.credential.download"));
		Browser.checkpoint(page, "check-fa-1-certificates", violations);

		byte[] pdf = download(page, () -> card.locator("a[data-language=fa-AF]").click());
		org.assertj.core.api.Assertions.assertThat(this.signatures.verify(pdf).valid())
			.as("the downloaded PDF carries the academy's signature")
			.isTrue();
		byte[] credential = download(page, () -> card.locator(".credential-download").click());
		SignedJWT jwt = parse(credential);
		org.assertj.core.api.Assertions.assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);

		String verifyHref = card.locator(".verify-link").getAttribute("href");
		page.navigate(baseUrl() + java.net.URI.create(verifyHref).getRawPath() + "?lang=fa-AF");
		assertThat(page.locator("#status")).hasText(dari("verify.status.VALID"));
		assertThat(page.locator("#credential-link")).hasText(dari("badge.credential.link"));
		assertThat(page.locator("html")).hasAttribute("dir", "rtl");
		Browser.checkpoint(page, "check-fa-2-verification", violations);

		page.locator("#file").setInputFiles(new FilePayload("certificate.pdf", "application/pdf", pdf));
		page.locator("#check-file").click();
		page.waitForSelector("#check-verdict");
		assertThat(page.locator("#check-verdict")).hasText(dari("badge.result.confirmed"));
		assertThat(page.locator("#check-verdict")).hasAttribute("data-confirmed", "true");
		assertThat(page.locator("#check-signature")).hasText(dari("badge.signature.ACADEMY"));
		assertThat(page.locator("#check-record")).hasText(dari("badge.record.match"));
		assertThat(page.locator("html")).hasAttribute("dir", "rtl");
		assertThat(page.locator("body")).containsText("پرویز چکری");
		Browser.checkpoint(page, "check-fa-3-pdf-confirmed", violations);

		page.locator("#file").setInputFiles(new FilePayload("credential.jwt", "application/vc+jwt", credential));
		page.locator("#check-file").click();
		page.waitForURL("**/verify/upload**");
		assertThat(page.locator("#check-verdict")).hasAttribute("data-confirmed", "true");
		assertThat(page.locator("#check-signature")).hasText(dari("badge.signature.ACADEMY"));

		page.locator("#file")
			.setInputFiles(
					new FilePayload("note.txt", "text/plain", "not a certificate".getBytes(StandardCharsets.UTF_8)));
		page.locator("#check-file").click();
		assertThat(page.locator("#check-verdict")).hasText(dari("badge.format.UNREADABLE"));
		Browser.checkpoint(page, "check-fa-4-unreadable", violations);
		assertNoSeriousViolations(violations);
		page.context().close();
	}

	private String dari(String key) {
		return this.translations.getTranslation(key, DARI);
	}

	private static byte[] download(Page page, Runnable click) {
		Download download = page.waitForDownload(click);
		try (InputStream in = download.createReadStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static SignedJWT parse(byte[] credential) {
		try {
			return SignedJWT.parse(new String(credential, StandardCharsets.US_ASCII));
		}
		catch (java.text.ParseException ex) {
			throw new AssertionError("the credential is not a JWT", ex);
		}
	}

}
