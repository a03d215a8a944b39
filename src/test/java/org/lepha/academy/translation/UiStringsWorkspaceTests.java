package org.lepha.academy.translation;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;
import org.lepha.academy.translation.internal.UiStringEditOverrides;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * UI strings in the translator workspace on the real database: permissions per language,
 * refused placeholders and patterns, review, serving approved edits and the export.
 */
@IntegrationTest
class UiStringsWorkspaceTests {

	private static final AtomicLong COUNTER = new AtomicLong(System.nanoTime() % 1_000_000);

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
	UserDetailsService userDetails;

	@Autowired
	JdbcClient jdbc;

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
		signInAs(russianTranslator);
		assertThatThrownBy(() -> workspace.segments(DARI, null)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> workspace.save(DARI, PLAIN, "ترجمه")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> workspace.exportProperties(DARI)).isInstanceOf(AccessDeniedException.class);
		assertThat(workspace.coverage()).extracting(UiStringsCoverage::locale).containsExactly(RUSSIAN);

		signInAs(dariTranslator);
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
		signInAs(dariTranslator);
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
		signInAs(dariTranslator);
		workspace.save(DARI, PLAIN, "ترجمه‌های آزمایشی");
		assertThatThrownBy(() -> workspace.approve(DARI, PLAIN)).isInstanceOfSatisfying(
				TranslationRejectedException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("translate.error.selfApproval"));
		signInAs(secondDariTranslator);
		assertThat(workspace.approve(DARI, PLAIN).status()).isEqualTo(SegmentStatus.APPROVED);

		signInAs(admin);
		workspace.save(DARI, PLAIN, "ترجمه‌های مدیر");
		assertThat(workspace.approve(DARI, PLAIN).status()).isEqualTo(SegmentStatus.APPROVED);
	}

	@Test
	void approvedEditsAreServedAndExported() {
		signInAs(dariTranslator);
		workspace.save(DARI, WITH_ARGUMENT, "متن‌های ویرایش‌شده: {0}");
		signInAs(admin);
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

	private void signInAs(UserAccount user) {
		var details = userDetails.loadUserByUsername(user.username());
		SecurityContextHolder.getContext()
			.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
	}

}
