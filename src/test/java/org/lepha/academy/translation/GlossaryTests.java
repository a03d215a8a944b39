package org.lepha.academy.translation;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The glossary and the segment preview on the real database: the seeded terms, warnings,
 * who may change the glossary, escaping of the marked English and the sanitized,
 * right-to-left preview.
 */
@IntegrationTest
class GlossaryTests {

	@Autowired
	AcademyFixture fixture;

	private static final AtomicLong COUNTER = new AtomicLong(System.currentTimeMillis());

	static final String MODULE = "example-module";

	static final Locale DARI = Locale.forLanguageTag("fa-AF");

	static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	static final String SECTION = "lesson.signs-of-overdose.section.what-it-looks-like";

	@Autowired
	Glossary glossary;

	@Autowired
	TranslationWorkspace workspace;

	@Autowired
	UserAccountService accounts;

	UserAccount dariTranslator;

	UserAccount russianTranslator;

	UserAccount admin;

	String testTerm;

	@BeforeEach
	void setUp() {
		dariTranslator = user(Role.TRANSLATOR, DARI);
		russianTranslator = user(Role.TRANSLATOR, RUSSIAN);
		admin = user(Role.ADMIN, null);
		testTerm = "test term " + COUNTER.incrementAndGet();
	}

	@AfterEach
	void tearDown() {
		fixture.signInAs(admin);
		glossary.remove(DARI, testTerm);
		SecurityContextHolder.clearContext();
	}

	@Test
	void seededTermsAreThere() {
		fixture.signInAs(dariTranslator);
		assertThat(glossary.terms(DARI)).extracting(GlossaryTerm::term, GlossaryTerm::translation)
			.contains(tuple("naloxone", "نالوکسان"), tuple("harm reduction", "کاهش آسیب"));
		fixture.signInAs(russianTranslator);
		assertThat(glossary.terms(RUSSIAN)).extracting(GlossaryTerm::translation).contains("полиция", "налоксон");
	}

	@Test
	void warnsWhenTheAgreedTranslationIsMissing() {
		fixture.signInAs(dariTranslator);
		List<GlossaryWarning> warnings = glossary.check(DARI, "Give NALOXONE at once.", "فوراً دوا بدهید.");
		assertThat(warnings).containsExactly(new GlossaryWarning("naloxone", "نالوکسان"));
	}

	@Test
	void noWarningWhenTheAgreedTranslationIsUsed() {
		fixture.signInAs(dariTranslator);
		assertThat(glossary.check(DARI, "Give naloxone at once.", "فوراً نالوکسان بدهید.")).isEmpty();
		fixture.signInAs(russianTranslator);
		assertThat(glossary.check(RUSSIAN, "The Police and harm reduction.", "Полиция и снижение вреда.")).isEmpty();
	}

	@Test
	void termsMatchWholeWordsOnly() {
		fixture.signInAs(russianTranslator);
		// "policeman" and "overdosed" are other words than "police" and "overdose".
		assertThat(glossary.check(RUSSIAN, "The policeman overdosed.", "Текст.")).isEmpty();
		assertThat(glossary.check(RUSSIAN, "Call the police.", "Текст.")).extracting(GlossaryWarning::term)
			.containsExactly("police");
	}

	@Test
	void translatorsOfTheLanguageAndAdminsMayAddTerms() {
		fixture.signInAs(dariTranslator);
		glossary.add(DARI, testTerm, "اصطلاح آزمایشی");
		assertThat(glossary.terms(DARI)).extracting(GlossaryTerm::term).contains(testTerm);
		assertThat(glossary.check(DARI, "A " + testTerm.toUpperCase() + " here.", "متن"))
			.extracting(GlossaryWarning::term)
			.containsExactly(testTerm);

		fixture.signInAs(admin);
		glossary.add(DARI, testTerm, "اصطلاح دیگر");
		assertThat(glossary.terms(DARI)).filteredOn((t) -> t.term().equals(testTerm))
			.extracting(GlossaryTerm::translation)
			.containsExactly("اصطلاح دیگر");
	}

	@Test
	void othersMayNotChangeTheGlossary() {
		fixture.signInAs(russianTranslator);
		assertThatThrownBy(() -> glossary.add(DARI, testTerm, "x")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> glossary.remove(DARI, "naloxone")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> glossary.terms(DARI)).isInstanceOf(AccessDeniedException.class);

		fixture.signInAs(user(Role.TRAINER, null));
		assertThatThrownBy(() -> glossary.add(DARI, testTerm, "x")).isInstanceOf(AccessDeniedException.class);

		fixture.signInAs(admin);
		assertThat(glossary.terms(DARI)).extracting(GlossaryTerm::term).doesNotContain(testTerm);
	}

	@Test
	void highlightedEnglishIsEscaped() {
		fixture.signInAs(dariTranslator);
		String html = glossary.highlight(DARI, "<script>alert('x')</script> Give naloxone & call the Police.");
		assertThat(html).doesNotContain("<script>")
			.contains("&lt;script&gt;")
			.contains("&amp;")
			.contains("<mark class=\"glossary-term\" title=\"نالوکسان\">naloxone</mark>")
			.contains(">Police</mark>");
		assertThat(html.replaceAll("</?mark[^>]*>", "")).doesNotContain("<").doesNotContain(">");
	}

	@Test
	void addedTermsAreEscapedWhenHighlighted() {
		fixture.signInAs(dariTranslator);
		glossary.add(DARI, testTerm, "\"><img src=x onerror=alert(1)>");
		String html = glossary.highlight(DARI, "See " + testTerm + ".");
		assertThat(html).doesNotContain("<img").contains("&lt;img");
	}

	@Test
	void previewOfALessonSectionIsSanitizedAndRightToLeftInDari() {
		fixture.signInAs(dariTranslator);
		SegmentPreview preview = workspace.preview(MODULE, DARI, SECTION,
				"## عنوان\n\n**مهم** <script>alert(1)</script> <img src=x onerror=alert(1)>");
		assertThat(preview.rightToLeft()).isTrue();
		assertThat(preview.html()).contains("<strong>مهم</strong>").doesNotContain("<script").doesNotContain("<img");
	}

	@Test
	void previewOfOtherSegmentsIsPlainText() {
		fixture.signInAs(russianTranslator);
		SegmentPreview preview = workspace.preview(MODULE, RUSSIAN, "module.title", "**Не** <b>жирный</b>");
		assertThat(preview.rightToLeft()).isFalse();
		assertThat(preview.html()).contains("**Не** &lt;b&gt;жирный&lt;/b&gt;").doesNotContain("<b>");
	}

	private UserAccount user(Role role, Locale locale) {
		return SystemAccess.asAdministrator(() -> {
			UserAccount user = accounts
				.createUser(new NewUser(role.name().toLowerCase() + ".gl" + COUNTER.incrementAndGet(),
						"Glossary " + role, null, Locale.ENGLISH, Set.of(role), null, "fixture-password-1", false));
			if (locale != null) {
				accounts.assignTranslatorLocale(user.id(), locale);
			}
			return user;
		});
	}

}
