package org.lepha.academy.translation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;
import org.lepha.academy.translation.internal.TranslationEditRepository;
import org.lepha.academy.translation.internal.UiStringEditOverrides;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Security finding 3 of issue 19: a translation is at most ten times its English, at
 * least 2,000 and at most 20,000 characters (interface strings: 2,000), on save and on
 * import; a file with one over-long unit applies nothing. (A 1 MB segment used to be
 * saved and served to cadets as a draft.)
 */
@IntegrationTest
class TranslationSizeLimitTests {

	private static final AtomicLong COUNTER = new AtomicLong(System.currentTimeMillis());

	private static final String MODULE = TranslationWorkspaceTests.MODULE;

	private static final Locale DARI = TranslationWorkspaceTests.DARI;

	private static final String TITLE = TranslationWorkspaceTests.TITLE;

	private static final String UI_KEY = UiStringsWorkspaceTests.PLAIN;

	private static final String MEGABYTE = "ب".repeat(1_000_000);

	@Autowired
	AcademyFixture fixture;

	@Autowired
	TranslationWorkspace workspace;

	@Autowired
	UiStringsWorkspace uiStrings;

	@Autowired
	TranslationEditRepository edits;

	@Autowired
	UiStringEditOverrides overrides;

	@Autowired
	UiTranslationProvider strings;

	@Autowired
	UserAccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void signIn() {
		edits.deleteAll(MODULE, DARI);
		fixture.signInAs(dariTranslator());
	}

	@AfterEach
	void tearDown() {
		edits.deleteAll(MODULE, DARI);
		jdbc.sql("DELETE FROM ui_string_edit").update();
		overrides.clear();
		SecurityContextHolder.clearContext();
	}

	@Test
	void theLimitIsTenTimesTheEnglishBetweenTwoAndTwentyThousand() {
		assertThat(TextLimits.translation("Title")).isEqualTo(2_000);
		assertThat(TextLimits.translation("x".repeat(500))).isEqualTo(5_000);
		assertThat(TextLimits.translation("x".repeat(5_000))).isEqualTo(20_000);
	}

	@Test
	void aMegabyteSegmentIsRefusedWithAMessageNamingTheLimit() {
		String before = target(TITLE);
		int max = TextLimits.translation(english(TITLE));
		for (String tooLong : List.of(MEGABYTE, "ب".repeat(max + 1))) {
			assertThatThrownBy(() -> workspace.save(MODULE, DARI, TITLE, tooLong))
				.isInstanceOfSatisfying(TranslationRejectedException.class, (ex) -> {
					assertThat(ex.messageKey()).isEqualTo("translate.error.tooLongMax");
					assertThat(ex.arguments()).containsExactly(max);
					assertThat(strings.getTranslation(ex.messageKey(), Locale.ENGLISH, ex.arguments()))
						.contains("2,000");
				});
		}
		assertThat(target(TITLE)).isEqualTo(before);
		assertThat(workspace.save(MODULE, DARI, TITLE, "ب".repeat(max)).target()).hasSize(max);
	}

	@Test
	void anXliffFileWithOneOverLongUnitAppliesNothing() {
		workspace.save(MODULE, DARI, TITLE, "عنوان آزمایشی");
		byte[] exported = workspace.exportXliff(MODULE, DARI);
		List<Segment> before = workspace.segments(MODULE, DARI, SegmentFilter.all());
		String xml = new String(exported, StandardCharsets.UTF_8);
		// A small change elsewhere would be applied on its own: it must not be either.
		String section = TranslationWorkspaceTests.SECTION;
		String sectionTarget = target(section);
		assertThat(xml).contains("عنوان آزمایشی").contains(xliffEscape(sectionTarget));
		// Under the 20,000 every course text may have, over the 2,000 a title's gets.
		String changed = xml.replace("عنوان آزمایشی", "ب".repeat(5_000))
			.replace(xliffEscape(sectionTarget), xliffEscape(sectionTarget) + " ");

		ImportReport report = workspace.importXliff(MODULE, DARI, changed.getBytes(StandardCharsets.UTF_8));

		assertThat(report.applied()).isFalse();
		assertThat(report.changed()).isZero();
		assertThat(report.problems()).anySatisfy((p) -> assertThat(p.message()).contains(TITLE).contains("2000"));
		assertThat(workspace.segments(MODULE, DARI, SegmentFilter.all())).isEqualTo(before);
	}

	@Test
	void anOverLongInterfaceStringIsRefusedOnSaveAndInImport() {
		assertThatThrownBy(() -> uiStrings.save(DARI, UI_KEY, MEGABYTE))
			.isInstanceOfSatisfying(TranslationRejectedException.class, (ex) -> {
				assertThat(ex.messageKey()).isEqualTo("translate.error.tooLongMax");
				assertThat(ex.arguments()).containsExactly(2_000);
			});
		String other = UiStringsWorkspaceTests.WITH_ARGUMENT;
		String file = UI_KEY + "=" + "ب".repeat(2_001) + "\n" + other + "=متن‌های ویرایش‌شده: {0}\n";

		ImportReport report = uiStrings.importProperties(DARI, file.getBytes(StandardCharsets.UTF_8));

		assertThat(report.applied()).isFalse();
		assertThat(report.problems())
			.anySatisfy((p) -> assertThat(p.message()).contains(UI_KEY).contains("longer than 2000 characters"));
		assertThat(uiStrings.segments(DARI, null)).filteredOn((s) -> s.key().equals(other))
			.singleElement()
			.satisfies((s) -> assertThat(s.target()).isNotEqualTo("متن‌های ویرایش‌شده: {0}"));
	}

	private String english(String key) {
		return segment(key).english();
	}

	private String target(String key) {
		return segment(key).target();
	}

	private Segment segment(String key) {
		return workspace.segments(MODULE, DARI, SegmentFilter.all())
			.stream()
			.filter((s) -> s.key().equals(key))
			.findFirst()
			.orElseThrow();
	}

	private static String xliffEscape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private UserAccount dariTranslator() {
		return SystemAccess.asAdministrator(() -> {
			UserAccount user = accounts
				.createUser(new NewUser("translator.size" + COUNTER.incrementAndGet(), "Size Limit Translator", null,
						Locale.ENGLISH, Set.of(Role.TRANSLATOR), null, "fixture-password-1", false));
			accounts.assignTranslatorLocale(user.id(), DARI);
			return user;
		});
	}

}
