package org.lepha.academy.translation;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;
import org.lepha.academy.translation.internal.UiStringEditOverrides;
import org.lepha.academy.translation.internal.UiStringEditRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * UI strings in the translator workspace on the real database: permissions per language,
 * refused placeholders and patterns, review, serving approved edits and the export.
 */
@IntegrationTest
class UiStringsWorkspaceTests {

	@Autowired
	AcademyFixture fixture;

	private static final AtomicLong COUNTER = new AtomicLong(System.currentTimeMillis());

	static final Locale DARI = Locale.forLanguageTag("fa-AF");

	static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	/** A string without arguments. */
	static final String PLAIN = "translatorHome.title";

	/** A string with one argument. */
	static final String WITH_ARGUMENT = "uiStrings.title";

	@Autowired
	UiStringsWorkspace workspace;

	@Autowired
	UiTranslationProvider strings;

	@Autowired
	UiStringEditOverrides overrides;

	@Autowired
	UserAccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UiStringEditRepository edits;

	UserAccount dariTranslator;

	UserAccount secondDariTranslator;

	UserAccount russianTranslator;

	UserAccount admin;

	@BeforeEach
	void setUp() {
		dariTranslator = user(Role.TRANSLATOR, DARI);
		secondDariTranslator = user(Role.TRANSLATOR, DARI);
		russianTranslator = user(Role.TRANSLATOR, RUSSIAN);
		admin = user(Role.ADMIN, null);
	}

	@AfterEach
	void tearDown() {
		jdbc.sql("DELETE FROM ui_string_edit").update();
		overrides.clear();
		SecurityContextHolder.clearContext();
	}

	@Test
	void translatorsWorkOnlyOnTheirLanguages() {
		fixture.signInAs(russianTranslator);
		assertThatThrownBy(() -> workspace.segments(DARI, null)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> workspace.save(DARI, PLAIN, "ترجمه")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> workspace.exportProperties(DARI)).isInstanceOf(AccessDeniedException.class);
		assertThat(workspace.coverage()).extracting(UiStringsCoverage::locale).containsExactly(RUSSIAN);

		fixture.signInAs(dariTranslator);
		assertThat(workspace.segments(DARI, null)).extracting(UiStringSegment::key)
			.containsExactlyElementsOf(strings.fileStrings(Locale.forLanguageTag("en")).keySet());
		UiStringSegment file = workspace.segments(DARI, null)
			.stream()
			.filter((s) -> s.key().equals(PLAIN))
			.findFirst()
			.orElseThrow();
		assertThat(file.status()).isEqualTo(SegmentStatus.APPROVED);
		assertThat(file.edited()).isFalse();
		assertThat(workspace.coverage(DARI).total()).isEqualTo(workspace.segments(DARI, null).size());
	}

	@Test
	void placeholderMismatchAndInvalidPatternsAreRefused() {
		fixture.signInAs(dariTranslator);
		assertThatThrownBy(() -> workspace.save(DARI, WITH_ARGUMENT, "متن برنامه")).isInstanceOfSatisfying(
				TranslationRejectedException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("translate.error.placeholders"));
		assertThatThrownBy(() -> workspace.save(DARI, WITH_ARGUMENT, "متن برنامه: {1}")).isInstanceOfSatisfying(
				TranslationRejectedException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("translate.error.placeholders"));
		assertThatThrownBy(() -> workspace.save(DARI, WITH_ARGUMENT, "متن برنامه: {0")).isInstanceOfSatisfying(
				TranslationRejectedException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("translate.error.icu"));
		assertThatThrownBy(() -> workspace.save(DARI, PLAIN, " ")).isInstanceOfSatisfying(
				TranslationRejectedException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("translate.error.empty"));
		UiStringSegment saved = workspace.save(DARI, WITH_ARGUMENT, "متن‌های برنامه — {0}");
		assertThat(saved.status()).isEqualTo(SegmentStatus.DRAFT);
		assertThat(saved.target()).isEqualTo("متن‌های برنامه — {0}");
	}

	@Test
	void selfApprovalIsRefusedAnotherTranslatorOrAdminApproves() {
		fixture.signInAs(dariTranslator);
		workspace.save(DARI, PLAIN, "ترجمه‌های آزمایشی");
		assertThatThrownBy(() -> workspace.approve(DARI, PLAIN)).isInstanceOfSatisfying(
				TranslationRejectedException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("translate.error.selfApproval"));
		fixture.signInAs(secondDariTranslator);
		assertThat(workspace.approve(DARI, PLAIN).status()).isEqualTo(SegmentStatus.APPROVED);

		fixture.signInAs(admin);
		workspace.save(DARI, PLAIN, "ترجمه‌های مدیر");
		assertThat(workspace.approve(DARI, PLAIN).status()).isEqualTo(SegmentStatus.APPROVED);
	}

	@Test
	void approvedEditsAreServedAndExported() {
		fixture.signInAs(dariTranslator);
		workspace.save(DARI, WITH_ARGUMENT, "متن‌های ویرایش‌شده: {0}");
		fixture.signInAs(admin);
		workspace.approve(DARI, WITH_ARGUMENT);

		assertThat(strings.getTranslation(WITH_ARGUMENT, DARI, "x")).isEqualTo("متن‌های ویرایش‌شده: x");
		assertThat(strings.getTranslation(WITH_ARGUMENT, RUSSIAN, "x")).isEqualTo("Тексты интерфейса: x");

		String exported = new String(workspace.exportProperties(DARI), StandardCharsets.UTF_8);
		assertThat(exported).contains(WITH_ARGUMENT + "=متن‌های ویرایش‌شده: {0}\n");
		java.util.Properties parsed = new java.util.Properties();
		try {
			parsed.load(new java.io.StringReader(exported));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(parsed.stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(strings.fileStrings(Locale.forLanguageTag("en")).keySet());
		assertThat(parsed.getProperty(WITH_ARGUMENT)).isEqualTo("متن‌های ویرایش‌شده: {0}");
		assertThat(parsed.getProperty("translate.error.icu"))
			.isEqualTo(strings.fileStrings(DARI).get("translate.error.icu"));
	}

	@Test
	void anEditBecomesStaleWhenItsEnglishChangesAndShowsTheOldEnglish() {
		fixture.signInAs(dariTranslator);
		String english = strings.fileStrings(Locale.ENGLISH).get(PLAIN);
		// As if the edit had been made before the English value was reworded.
		edits.saveDraft(DARI, PLAIN, "ترجمه‌های قدیمی", "Old " + english, dariTranslator.id(), java.time.Instant.now());
		UiStringSegment stale = segment(PLAIN);
		assertThat(stale.status()).isEqualTo(SegmentStatus.STALE);
		assertThat(stale.previousEnglish()).isEqualTo("Old " + english);
		assertThat(workspace.segments(DARI, SegmentFilter.status(SegmentStatus.STALE))).extracting(UiStringSegment::key)
			.containsExactly(PLAIN);
		assertThat(workspace.coverage(DARI).stale()).isEqualTo(1);
		fixture.signInAs(secondDariTranslator);
		assertThatThrownBy(() -> workspace.approve(DARI, PLAIN)).isInstanceOf(TranslationRejectedException.class);

		// Saving again records the current English: the edit is current again.
		workspace.save(DARI, PLAIN, "ترجمه‌های تازه");
		assertThat(segment(PLAIN).status()).isEqualTo(SegmentStatus.DRAFT);
		assertThat(segment(PLAIN).previousEnglish()).isNull();
	}

	@Test
	void exportThenImportChangesNothingAndAnEditedFileBecomesDrafts() {
		fixture.signInAs(dariTranslator);
		workspace.save(DARI, WITH_ARGUMENT, "متن‌های ویرایش‌شده: {0}");
		var before = workspace.segments(DARI, null);
		byte[] exported = workspace.exportProperties(DARI);

		ImportReport same = workspace.importProperties(DARI, exported);
		assertThat(same.applied()).isTrue();
		assertThat(same.changed()).isZero();
		assertThat(workspace.segments(DARI, null)).isEqualTo(before);
		assertThat(workspace.exportProperties(DARI)).isEqualTo(exported);

		// A file edited in Poedit by a second translator: a changed value, a value over
		// two
		// lines, Windows line ends.
		fixture.signInAs(secondDariTranslator);
		String edited = new String(exported, StandardCharsets.UTF_8)
			.replace(PLAIN + "=" + strings.fileStrings(DARI).get(PLAIN) + "\n", PLAIN + "=کار \\\n    ترجمه\n")
			.replace("\n", "\r\n");
		ImportReport report = workspace.importProperties(DARI, edited.getBytes(StandardCharsets.UTF_8));
		assertThat(report.problems()).isEmpty();
		assertThat(report.applied()).isTrue();
		assertThat(report.changed()).isEqualTo(1);
		assertThat(segment(PLAIN).target()).isEqualTo("کار ترجمه");
		assertThat(segment(PLAIN).status()).isEqualTo(SegmentStatus.DRAFT);
		assertThat(segment(PLAIN).savedBy()).isEqualTo(secondDariTranslator.id());
		assertThat(segment(WITH_ARGUMENT).target()).isEqualTo("متن‌های ویرایش‌شده: {0}");
	}

	@Test
	void aBrokenFileIsReportedByLineAndChangesNothing() {
		fixture.signInAs(dariTranslator);
		var before = workspace.segments(DARI, null);
		String broken = String.join("\n", "# header", PLAIN + "=یک ترجمهٔ درست", "no.such.key=چیزی",
				WITH_ARGUMENT + "=بدون جای‌نگه‌دار", PLAIN + "=تکراری", "lonelykey", "");
		ImportReport report = workspace.importProperties(DARI, broken.getBytes(StandardCharsets.UTF_8));
		assertThat(report.applied()).isFalse();
		assertThat(report.changed()).isZero();
		assertThat(report.problems()).extracting(ImportReport.Problem::line).containsExactly(3, 4, 5, 6);
		assertThat(report.problems()).allSatisfy((p) -> assertThat(p.error()).isTrue());
		assertThat(report.problems().get(0).message()).contains("no.such.key");
		assertThat(report.problems().get(1).message()).contains("placeholders");
		assertThat(report.problems().get(2).message()).contains("line 2");
		assertThat(workspace.segments(DARI, null)).isEqualTo(before);

		byte[] latin1 = (PLAIN + "=caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
		assertThat(workspace.importProperties(DARI, latin1).problems()).singleElement()
			.satisfies((p) -> assertThat(p.message()).contains("UTF-8"));
		assertThat(workspace.importProperties(DARI, new byte[UiStringsWorkspace.MAX_IMPORT_BYTES + 1]).applied())
			.isFalse();
		assertThat(workspace.segments(DARI, null)).isEqualTo(before);

		fixture.signInAs(russianTranslator);
		assertThatThrownBy(() -> workspace.importProperties(DARI, workspace.exportProperties(RUSSIAN)))
			.isInstanceOf(AccessDeniedException.class);
	}

	private UiStringSegment segment(String key) {
		return workspace.segments(DARI, null).stream().filter((s) -> s.key().equals(key)).findFirst().orElseThrow();
	}

	private UserAccount user(Role role, Locale locale) {
		return SystemAccess.asAdministrator(() -> {
			UserAccount user = accounts
				.createUser(new NewUser(role.name().toLowerCase() + ".ui" + COUNTER.incrementAndGet(), "UI " + role,
						null, Locale.ENGLISH, Set.of(role), null, "fixture-password-1", false));
			if (locale != null) {
				accounts.assignTranslatorLocale(user.id(), locale);
			}
			return user;
		});
	}

}
