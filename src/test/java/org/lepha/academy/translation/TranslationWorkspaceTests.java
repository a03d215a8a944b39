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
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.ResolvedText;
import org.lepha.academy.content.TranslationFiles;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;
import org.lepha.academy.translation.internal.TranslationEditRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The translator workspace on the real database with the test content
 * ({@code example-module} with a Dari file): permissions per language, the checks on
 * saving, review, and XLIFF export and import.
 */
@IntegrationTest
class TranslationWorkspaceTests {

	@Autowired
	AcademyFixture fixture;

	private static final AtomicLong COUNTER = new AtomicLong(System.currentTimeMillis());

	static final String MODULE = "example-module";

	static final Locale DARI = Locale.forLanguageTag("fa-AF");

	static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	static final String TITLE = "module.title";

	static final String SECTION = "lesson.signs-of-overdose.section.what-it-looks-like";

	@Autowired
	TranslationWorkspace workspace;

	@Autowired
	TranslationEditRepository edits;

	@Autowired
	ContentCatalog catalog;

	@Autowired
	UserAccountService accounts;

	UserAccount dariTranslator;

	UserAccount secondDariTranslator;

	UserAccount admin;

	@BeforeEach
	void setUp() {
		edits.deleteAll(MODULE, DARI);
		edits.deleteAll(MODULE, RUSSIAN);
		dariTranslator = user(Role.TRANSLATOR, DARI);
		secondDariTranslator = user(Role.TRANSLATOR, DARI);
		admin = user(Role.ADMIN, null);
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
		edits.deleteAll(MODULE, DARI);
		edits.deleteAll(MODULE, RUSSIAN);
	}

	@Test
	void aTranslatorWorksOnlyOnTheirOwnLanguages() {
		fixture.signInAs(dariTranslator);
		assertThat(workspace.myLocales()).containsExactly(DARI);
		assertThatThrownBy(() -> workspace.save(MODULE, RUSSIAN, TITLE, "Ответ на передозировку"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> workspace.segments(MODULE, RUSSIAN, SegmentFilter.all()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> workspace.exportXliff(MODULE, RUSSIAN)).isInstanceOf(AccessDeniedException.class);

		Segment saved = workspace.save(MODULE, DARI, TITLE, "عنوان آزمایشی کارگاه ترجمه");
		assertThat(saved.status()).isEqualTo(SegmentStatus.DRAFT);
		assertThat(saved.target()).isEqualTo("عنوان آزمایشی کارگاه ترجمه");
		assertThat(saved.edited()).isTrue();
		assertThat(saved.savedBy()).isEqualTo(dariTranslator.id());

		fixture.signInAs(admin);
		assertThat(workspace.myLocales()).contains(DARI, RUSSIAN);
		assertThat(workspace.save(MODULE, RUSSIAN, TITLE, "Ответ на передозировку").status())
			.isEqualTo(SegmentStatus.DRAFT);
	}

	@Test
	void placeholdersAndMarkdownStructureMustMatchTheEnglish() {
		fixture.signInAs(dariTranslator);
		String before = target(TITLE);
		assertThatThrownBy(() -> workspace.save(MODULE, DARI, TITLE, "پاسخ {name}")).isInstanceOfSatisfying(
				TranslationRejectedException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("translate.error.placeholders"));
		assertThatThrownBy(() -> workspace.save(MODULE, DARI, SECTION, "فقط یک جمله بدون عنوان"))
			.isInstanceOfSatisfying(TranslationRejectedException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("translate.error.markup"));
		assertThatThrownBy(() -> workspace.save(MODULE, DARI, TITLE, "<script>alert(1)</script>"))
			.isInstanceOfSatisfying(TranslationRejectedException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("translate.error.html"));
		assertThatThrownBy(() -> workspace.save(MODULE, DARI, TITLE, "  ")).isInstanceOfSatisfying(
				TranslationRejectedException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("translate.error.empty"));
		assertThat(target(TITLE)).isEqualTo(before);
		assertThat(edits.edits(MODULE, DARI)).isEmpty();
	}

	@Test
	void aSecondTranslatorOrAnAdministratorApprovesNeverTheAuthor() {
		fixture.signInAs(dariTranslator);
		workspace.save(MODULE, DARI, TITLE, "عنوان آزمایشی کارگاه ترجمه");
		assertThatThrownBy(() -> workspace.approve(MODULE, DARI, TITLE)).isInstanceOfSatisfying(
				TranslationRejectedException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("translate.error.selfApproval"));
		assertThat(status(TITLE)).isEqualTo(SegmentStatus.DRAFT);

		fixture.signInAs(secondDariTranslator);
		assertThat(workspace.approve(MODULE, DARI, TITLE).status()).isEqualTo(SegmentStatus.APPROVED);

		// Cadets are served the approved edit over the file.
		var title = catalog.module(MODULE).orElseThrow().title();
		ResolvedText resolved = catalog.resolve(MODULE, title, DARI);
		assertThat(resolved.text()).isEqualTo("عنوان آزمایشی کارگاه ترجمه");
		assertThat(resolved.origin()).isEqualTo(ResolvedText.Origin.APPROVED);

		fixture.signInAs(dariTranslator);
		workspace.save(MODULE, DARI, "module.summary", "خلاصه");
		fixture.signInAs(admin);
		assertThat(workspace.approve(MODULE, DARI, "module.summary").status()).isEqualTo(SegmentStatus.APPROVED);
		assertThat(workspace.coverage(MODULE, DARI).approved()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aStaleEditShowsTheEnglishItWasMadeFrom() {
		fixture.signInAs(dariTranslator);
		String english = segment(TITLE).english();
		String older = english + " (old wording)";
		edits.saveDraft(MODULE, DARI, TITLE, "عنوان قدیمی", TranslationFiles.sourceHash(older), older,
				dariTranslator.id(), java.time.Instant.now());
		Segment stale = segment(TITLE);
		assertThat(stale.status()).isEqualTo(SegmentStatus.STALE);
		assertThat(stale.previousEnglish()).isEqualTo(older);
		assertThat(WordDiff.diff(stale.previousEnglish(), stale.english()))
			.contains(new WordDiff.Part(WordDiff.Kind.REMOVED, " (old wording)"));
		assertThat(workspace.segments(MODULE, DARI, SegmentFilter.status(SegmentStatus.STALE))).extracting(Segment::key)
			.contains(TITLE);
		assertThatThrownBy(() -> workspace.approve(MODULE, DARI, TITLE))
			.isInstanceOf(TranslationRejectedException.class);
	}

	@Test
	void exportThenImportChangesNothing() {
		fixture.signInAs(dariTranslator);
		workspace.save(MODULE, DARI, TITLE, "عنوان آزمایشی کارگاه ترجمه");
		List<Segment> before = workspace.segments(MODULE, DARI, SegmentFilter.all());
		byte[] exported = workspace.exportXliff(MODULE, DARI);
		assertThat(new String(exported, StandardCharsets.UTF_8)).contains("عنوان آزمایشی کارگاه ترجمه")
			.contains("<file id=\"" + MODULE + "\"");

		ImportReport report = workspace.importXliff(MODULE, DARI, exported);
		assertThat(report.applied()).isTrue();
		assertThat(report.changed()).isZero();
		assertThat(workspace.segments(MODULE, DARI, SegmentFilter.all())).isEqualTo(before);
		assertThat(workspace.exportXliff(MODULE, DARI)).isEqualTo(exported);

		// A second translator's changed file becomes their draft.
		fixture.signInAs(secondDariTranslator);
		String changed = new String(exported, StandardCharsets.UTF_8).replace("عنوان آزمایشی کارگاه ترجمه",
				"پاسخ به اوردوز");
		ImportReport second = workspace.importXliff(MODULE, DARI, changed.getBytes(StandardCharsets.UTF_8));
		assertThat(second.applied()).isTrue();
		assertThat(second.changed()).isEqualTo(1);
		assertThat(segment(TITLE).target()).isEqualTo("پاسخ به اوردوز");
		assertThat(segment(TITLE).savedBy()).isEqualTo(secondDariTranslator.id());
	}

	@Test
	void aBrokenFileIsReportedByLineAndChangesNothing() {
		fixture.signInAs(dariTranslator);
		workspace.save(MODULE, DARI, TITLE, "عنوان آزمایشی کارگاه ترجمه");
		byte[] exported = workspace.exportXliff(MODULE, DARI);
		List<Segment> before = workspace.segments(MODULE, DARI, SegmentFilter.all());
		String xml = new String(exported, StandardCharsets.UTF_8);

		// One good change and one target with a placeholder the English does not have.
		String section = segment(SECTION).target();
		String broken = xml.replace("عنوان آزمایشی کارگاه ترجمه", "پاسخ تازه {x}")
			.replace(xliffEscape(section), "بدون عنوان");
		assertThat(broken).isNotEqualTo(xml);
		ImportReport report = workspace.importXliff(MODULE, DARI, broken.getBytes(StandardCharsets.UTF_8));
		assertThat(report.applied()).isFalse();
		assertThat(report.problems()).isNotEmpty().allMatch((p) -> p.line() > 1);
		assertThat(workspace.segments(MODULE, DARI, SegmentFilter.all())).isEqualTo(before);

		ImportReport notXml = workspace.importXliff(MODULE, DARI,
				xml.replace("</unit>", "</unt>").getBytes(StandardCharsets.UTF_8));
		assertThat(notXml.applied()).isFalse();
		assertThat(notXml.problems()).isNotEmpty();

		ImportReport otherModule = workspace.importXliff(MODULE, DARI,
				xml.replace("<file id=\"" + MODULE + "\"", "<file id=\"other-module\"")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(otherModule.applied()).isFalse();
		assertThat(workspace.segments(MODULE, DARI, SegmentFilter.all())).isEqualTo(before);
	}

	private static String xliffEscape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private Segment segment(String key) {
		return workspace.segments(MODULE, DARI, SegmentFilter.all())
			.stream()
			.filter((s) -> s.key().equals(key))
			.findFirst()
			.orElseThrow();
	}

	private String target(String key) {
		return segment(key).target();
	}

	private SegmentStatus status(String key) {
		return segment(key).status();
	}

	private UserAccount user(Role role, Locale locale) {
		return SystemAccess.asAdministrator(() -> {
			UserAccount user = accounts
				.createUser(new NewUser(role.name().toLowerCase() + ".tw" + COUNTER.incrementAndGet(),
						"Workspace " + role, null, Locale.ENGLISH, Set.of(role), null, "fixture-password-1", false));
			if (locale != null) {
				accounts.assignTranslatorLocale(user.id(), locale);
			}
			return user;
		});
	}

}
