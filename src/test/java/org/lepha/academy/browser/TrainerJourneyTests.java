package org.lepha.academy.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lepha.academy.BrowserJourneyTest;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.learning.LearningService;
import org.lepha.academy.learning.ScenarioService;
import org.lepha.academy.learning.ScenarioView;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real Chromium, a trainer's day with a new cohort: create it, import the cadets
 * from a CSV file, assign a module with a due date, follow the progress, look at the
 * scenario analytics once a cadet has played, and export the progress as XLSX. Once with
 * the interface in English, once in Dari (right to left). Screenshots and axe-core on
 * every page.
 */
@BrowserJourneyTest
class TrainerJourneyTests extends BrowserJourney {

	private static final String MODULE = "example-module";

	private static final String PASSWORD = "journey-password-1";

	@Autowired
	UserAccountService accounts;

	@Autowired
	CohortService cohorts;

	@Autowired
	LearningService learning;

	@Autowired
	ScenarioService scenarios;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	UiTranslationProvider strings;

	@Autowired
	ContentCatalog catalog;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "fa-AF" })
	void trainerCreatesACohortImportsCadetsAssignsAModuleAndExportsTheProgress(String uiLanguage) throws IOException {
		Locale ui = Locale.forLanguageTag(uiLanguage);
		String suffix = uiLanguage.replace("-", "") + System.nanoTime() % 1_000_000_000L;
		String trainer = "journey.trainer." + suffix;
		SystemAccess.asAdministrator(() -> {
			long academy = cohorts.createAcademy("Journey academy " + suffix).id();
			return accounts.createUser(new NewUser(trainer, "Trainer " + suffix, null, ui, Set.of(Role.TRAINER),
					academy, PASSWORD, false));
		});
		String cohortName = uiLanguage.equals("fa-AF") ? "دورهٔ کابل " + suffix : "Kabul intake " + suffix;
		String dir = uiLanguage.equals("fa-AF") ? "rtl" : "ltr";
		String shot = "trainer-" + uiLanguage + "-";
		Map<String, List<String>> violations = new LinkedHashMap<>();
		String base = baseUrl();

		Page page = browser.newPage(uiLanguage);
		Browser.signIn(page, base, trainer, PASSWORD);
		page.navigate(base + "/cohorts");
		assertThat(page.locator("html")).hasAttribute("dir", dir);
		page.locator("#new-cohort").click();
		page.locator("#cohort-name input").fill(cohortName);
		Browser.checkpoint(page, shot + "1-new-cohort", violations);
		page.locator("#cohort-save").click();
		page.waitForURL("**/cohorts/*");
		assertThat(page.locator("h1")).hasText(cohortName);

		// The cadets, from a CSV file as an academy's registry would send it.
		tab(page, "cohort.tab.cadets", ui).click();
		String first = "cadet.a." + suffix;
		String second = "cadet.b." + suffix;
		String csv = "full_name,username,email,language\n" + "فرشته احمدی," + first + ",,fa-AF\n" + "Aibek Nurlanov,"
				+ second + ",,ru\n";
		page.locator("#import-upload input[type=file]")
			.setInputFiles(new FilePayload("cadets.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(page.locator("#import-report")).containsText(strings.getTranslation("import.succeeded", ui, 2));
		assertThat(page.locator("#handout-download")).isVisible();
		assertThat(page.locator("#cadets-grid")).containsText("فرشته احمدی");
		assertThat(page.locator("#cadets-grid")).containsText("Aibek Nurlanov");
		Browser.checkpoint(page, shot + "2-imported", violations);

		// The module, due in two weeks.
		tab(page, "cohort.tab.assignments", ui).click();
		String title = catalog.resolve(MODULE, catalog.module(MODULE).orElseThrow().title(), ui).text();
		Locator module = page.locator("#assignment-module");
		module.click();
		page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(title)).first().click();
		LocalDate due = LocalDate.now().plusDays(14);
		// The date picker's value is ISO whatever the language; its text field shows the
		// localized date.
		page.locator("#assignment-due").evaluate("(picker, iso) => { picker.value = iso; }", due.toString());
		page.locator("#assignment-save").click();
		assertThat(page.locator("#assignments-grid")).containsText(title);
		Browser.checkpoint(page, shot + "3-assigned", violations);
		org.assertj.core.api.Assertions.assertThat(SystemAccess.asAdministrator(() -> cohorts.myCohorts()
			.stream()
			.filter((c) -> c.name().equals(cohortName))
			.findFirst()
			.map((c) -> cohorts.assignments(c.id()))
			.orElseThrow())).singleElement().satisfies((a) -> {
				org.assertj.core.api.Assertions.assertThat(a.moduleId()).isEqualTo(MODULE);
				org.assertj.core.api.Assertions.assertThat(a.dueDate()).isEqualTo(due);
			});

		// One cadet plays the scenario (in the service, as the app would on their
		// device).
		playScenarioAs(first);

		// Progress, then the scenario analytics.
		page.reload();
		tab(page, "cohort.tab.progress", ui).click();
		assertThat(page.locator("#progress-grid")).containsText("فرشته احمدی");
		assertThat(page.locator("#progress-grid")).containsText("Aibek Nurlanov");
		assertThat(page.locator("#progress-summary")).isVisible();
		Browser.checkpoint(page, shot + "4-progress", violations);
		tab(page, "cohort.tab.scenarios", ui).click();
		assertThat(page.locator("#scenario-diagrams img.scenario-diagram")).hasCount(1);
		assertThat(page.locator("#scenario-diagrams .scenario-endings"))
			.containsText(strings.getTranslation("rating.EXEMPLARY", ui));
		assertThat(page.locator("html")).hasAttribute("dir", dir);
		Browser.checkpoint(page, shot + "5-scenarios", violations);

		// The XLSX export, headed in the trainer's language.
		tab(page, "cohort.tab.exports", ui).click();
		Download download = page.waitForDownload(() -> page.locator("#export-progress-xlsx").click());
		List<List<String>> rows = new ArrayList<>();
		try (InputStream in = download.createReadStream(); XSSFWorkbook book = new XSSFWorkbook(in)) {
			Sheet sheet = book.getSheetAt(0);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (Cell cell : row) {
					cells.add(cell.toString());
				}
				rows.add(cells);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		org.assertj.core.api.Assertions.assertThat(rows.get(0)).contains(strings.getTranslation("export.cadet", ui));
		org.assertj.core.api.Assertions.assertThat(rows)
			.anySatisfy((row) -> org.assertj.core.api.Assertions.assertThat(row).contains("فرشته احمدی", title));
		Browser.checkpoint(page, shot + "6-exports", violations);

		assertNoSeriousViolations(violations);
		page.context().close();
	}

	private Locator tab(Page page, String key, Locale ui) {
		return page.locator("vaadin-tab")
			.filter(new Locator.FilterOptions().setHasText(strings.getTranslation(key, ui)));
	}

	private void playScenarioAs(String username) {
		var details = userDetails.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
		Locale dari = Locale.forLanguageTag("fa-AF");
		ScenarioView view = scenarios.startScenario(MODULE, "overdose-call", dari);
		view = scenarios.choose(view.runId(), "check-kit", dari);
		view = scenarios.choose(view.runId(), "give-naloxone", dari);
		org.assertj.core.api.Assertions.assertThat(view.ending()).isNotNull();
		SecurityContextHolder.clearContext();
	}

}
