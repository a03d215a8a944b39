package org.lepha.academy.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lepha.academy.BrowserJourneyTest;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;
import org.lepha.academy.translation.internal.TranslationEditRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real Chromium, the translator's whole loop: the English of a lesson section
 * changed after it was translated into Dari, so cadets get the English with a marker. The
 * Dari translator sees it in the coverage, follows "what is left" to the stale segment,
 * reads what changed in the English, fixes the Dari (right to left) with the live
 * preview, saves; a second Dari translator approves; the cadet now reads the new Dari;
 * the translator's XLIFF export contains it as final. Once with the translator's
 * interface in English and once in Dari, each on its own stale segment. Screenshots and
 * axe-core on every page.
 */
@BrowserJourneyTest
class TranslatorJourneyTests extends BrowserJourney {

	private static final String MODULE = "example-module";

	private static final Locale DARI = Locale.forLanguageTag("fa-AF");

	private static final String PASSWORD = "journey-password-1";

	/** Per interface language: the stale segment, its lesson page, and the change. */
	private record Case(String key, String lessonPath, String englishAdded, String oldDari, String newDari) {
	}

	private static final Map<String, Case> CASES = Map.of("fa-AF",
			new Case("lesson.signs-of-overdose.section.what-it-looks-like", "signs-of-overdose/what-it-looks-like",
					"Check their breathing.", "ممکن است در حال مرگ باشد.",
					"ممکن است در حال مرگ باشد. تنفس او را بررسی کنید."),
			"en",
			new Case("lesson.first-steps.section.call-for-help", "first-steps/call-for-help",
					"then stay with the person.", "نخست امبولانس را خبر کنید.",
					"نخست امبولانس را خبر کنید و سپس نزد آن شخص بمانید."));

	private static Path contentCopy;

	@Autowired
	UserAccountService accounts;

	@Autowired
	UiTranslationProvider strings;

	@Autowired
	TranslationEditRepository edits;

	/**
	 * A copy of the test course whose English was reworded in two places after the Dari
	 * file was made: exactly what a content update does to a translation.
	 */
	@DynamicPropertySource
	static void rewordedContent(DynamicPropertyRegistry registry) throws IOException {
		contentCopy = Files.createTempDirectory("translator-journey");
		FileSystemUtils.copyRecursively(Path.of("src/test/resources/content-valid"), contentCopy);
		Path lessons = contentCopy.resolve("content/example-module/lessons");
		replace(lessons.resolve("01-signs.md"), "may be dying.", "may be dying. Check their breathing.");
		replace(lessons.resolve("02-steps.md"), "Call an ambulance first.",
				"Call an ambulance first, then stay with the person.");
		registry.add("app.content.dir", () -> contentCopy.resolve("content").toString());
		registry.add("app.translations.dir", () -> contentCopy.resolve("translations").toString());
	}

	@AfterAll
	static void deleteContentCopy() throws IOException {
		FileSystemUtils.deleteRecursively(contentCopy);
	}

	@AfterEach
	void forgetEdits() {
		// The database is shared with the other test classes, which use the original
		// text.
		edits.deleteAll(MODULE, DARI);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "fa-AF" })
	void dariTranslatorFixesAStaleSegmentAReviewerApprovesItAndCadetsReadIt(String uiLanguage) {
		Case c = CASES.get(uiLanguage);
		Locale ui = Locale.forLanguageTag(uiLanguage);
		String suffix = uiLanguage + "." + System.nanoTime();
		UserAccount translator = translator("journey.translator." + suffix, ui);
		UserAccount reviewer = translator("journey.reviewer." + suffix, ui);
		String cadet = "journey.dari.cadet." + suffix;
		SystemAccess.asAdministrator(() -> accounts
			.createUser(new NewUser(cadet, "نسرین", null, DARI, Set.of(Role.CADET), null, PASSWORD, false)));
		String base = baseUrl();
		String lessonUrl = base + "/learn/" + MODULE + "/lesson/" + c.lessonPath();
		String dir = uiLanguage.equals("fa-AF") ? "rtl" : "ltr";
		Map<String, List<String>> violations = new LinkedHashMap<>();
		String shot = "translator-" + uiLanguage + "-";

		// Before: the cadet is given the new English, marked as changed since translated.
		Page cadetPage = browser.newPage("fa-AF");
		Browser.signIn(cadetPage, base, cadet, PASSWORD);
		cadetPage.navigate(lessonUrl);
		assertThat(cadetPage.locator("#lesson-text")).containsText(c.englishAdded());
		assertThat(cadetPage.locator(".fallback-marker")).hasText(strings.getTranslation("learning.stale", DARI));

		// Coverage, and one click to what is left.
		Page page = browser.newPage(uiLanguage);
		Browser.signIn(page, base, translator.username(), PASSWORD);
		page.navigate(base + "/translate");
		Locator row = page.locator("#translation-coverage vaadin-grid-cell-content")
			.filter(new Locator.FilterOptions().setHas(page.locator("a.what-is-left")));
		assertThat(page.locator("html")).hasAttribute("dir", dir);
		assertThat(page.locator("#translation-coverage")).containsText(strings.languageName(DARI));
		Browser.checkpoint(page, shot + "1-coverage", violations);
		row.locator("a.what-is-left").first().click();
		page.waitForURL("**/translate/" + MODULE + "/fa-AF?status=STALE");

		// The stale segment, with what changed in the English.
		cell(page, c.key()).click();
		assertThat(page.locator("#segment-previous-english .diff-added").first()).isVisible();
		assertThat(page.locator("#segment-previous-english")).containsText(c.englishAdded());
		Locator target = page.locator("#segment-target textarea");
		assertThat(page.locator("#segment-target")).hasAttribute("dir", "rtl");
		String old = target.inputValue();
		org.assertj.core.api.Assertions.assertThat(old).contains(c.oldDari());
		Browser.checkpoint(page, shot + "2-stale-with-diff", violations);

		// The fix, previewed right to left as cadets will see it, then saved as a draft.
		target.fill(old.replace(c.oldDari(), c.newDari()));
		assertThat(page.locator("#segment-preview")).containsText(c.newDari());
		assertThat(page.locator("#segment-preview")).hasAttribute("dir", "rtl");
		Browser.checkpoint(page, shot + "3-preview", violations);
		page.locator("#segment-save").click();
		assertThat(page.locator("vaadin-notification-card").last())
			.containsText(strings.getTranslation("translate.saved", ui));
		assertThat(page.locator("#segment-error")).isEmpty();
		assertThat(page.locator("#segment-previous-english")).isEmpty();

		// A second Dari translator approves the draft.
		Page review = browser.newPage(uiLanguage);
		Browser.signIn(review, base, reviewer.username(), PASSWORD);
		review.navigate(base + "/translate/" + MODULE + "/fa-AF");
		review.locator("#segment-search input").fill(c.newDari());
		// The search applies after a short pause: wait until the list holds only the
		// match.
		assertThat(review.locator("#segments")).not().containsText("module.title");
		cell(review, c.key()).click();
		assertThat(review.locator("#segment-target textarea")).hasValue(old.replace(c.oldDari(), c.newDari()));
		review.locator("#segment-approve").click();
		assertThat(review.locator("vaadin-notification-card").last())
			.containsText(strings.getTranslation("translate.approvedMessage", ui));
		assertThat(review.locator("#segments")).containsText(strings.getTranslation("translate.status.APPROVED", ui));
		Browser.checkpoint(review, shot + "4-approved", violations);

		// The cadet now reads the new Dari, without the marker.
		cadetPage.navigate(lessonUrl);
		assertThat(cadetPage.locator("#lesson-text")).containsText(c.newDari());
		assertThat(cadetPage.locator(".fallback-marker")).hasCount(0);
		assertThat(cadetPage.locator("html")).hasAttribute("dir", "rtl");
		Browser.checkpoint(cadetPage, shot + "5-cadet-reads-it", violations);

		// The export to commit carries it, approved (final) against the new English.
		page.navigate(base + "/translate/" + MODULE + "/fa-AF");
		Download download = page.waitForDownload(() -> page.locator("#xliff-export").click());
		String xliff;
		try (InputStream in = download.createReadStream()) {
			xliff = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String unit = xliff.substring(xliff.indexOf("<unit id=\"" + c.key() + "\""));
		unit = unit.substring(0, unit.indexOf("</unit>"));
		org.assertj.core.api.Assertions.assertThat(unit).contains("state=\"final\"", c.newDari(), c.englishAdded());

		assertNoSeriousViolations(violations);
		page.context().close();
		review.context().close();
		cadetPage.context().close();
	}

	private static Locator cell(Page page, String text) {
		return page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(text)).first();
	}

	private UserAccount translator(String username, Locale uiLanguage) {
		return SystemAccess.asAdministrator(() -> {
			UserAccount user = accounts.createUser(new NewUser(username, "Translator " + username, null, uiLanguage,
					Set.of(Role.TRANSLATOR), null, PASSWORD, false));
			accounts.assignTranslatorLocale(user.id(), DARI);
			return user;
		});
	}

	private static void replace(Path file, String from, String to) throws IOException {
		String text = Files.readString(file);
		if (!text.contains(from)) {
			throw new IllegalStateException(file + " no longer contains " + from);
		}
		Files.writeString(file, text.replace(from, to));
	}

}
