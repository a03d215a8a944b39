package org.lepha.academy.translation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.lepha.academy.audit.AuditAction;
import org.lepha.academy.audit.AuditLog;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.ContentProblem;
import org.lepha.academy.content.Coverage;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.ResolvedText;
import org.lepha.academy.content.Evaluation;
import org.lepha.academy.content.TranslationFiles;
import org.lepha.academy.content.TranslationFiles.FileSegment;
import org.lepha.academy.content.TranslationFiles.TextProblem;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;
import org.lepha.academy.translation.internal.TranslationEdit;
import org.lepha.academy.translation.internal.TranslationEditRepository;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * The translator workspace: segments with their status, saving drafts, review, coverage
 * and XLIFF export and import. Translators work only on the languages assigned to them;
 * administrators on every language. Edits are stored in the database and take precedence
 * over the translation files.
 */
@Service
public class TranslationWorkspace {

	/** The largest XLIFF file {@link #importXliff} reads. */
	public static final int MAX_IMPORT_BYTES = 5_000_000;

	private final TranslationFiles files;

	private final ContentCatalog catalog;

	private final TranslationEditRepository edits;

	private final UserAccountService accounts;

	private final Languages languages;

	private final AuditLog audit;

	public TranslationWorkspace(TranslationFiles files, ContentCatalog catalog, TranslationEditRepository edits,
			UserAccountService accounts, Languages languages, AuditLog audit) {
		this.audit = audit;
		this.files = files;
		this.catalog = catalog;
		this.edits = edits;
		this.accounts = accounts;
		this.languages = languages;
	}

	/** The languages the signed-in user may translate: all but English for an admin. */
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<Locale> myLocales() {
		UserAccount me = me();
		if (me.hasRole(Role.ADMIN)) {
			return languages.all().stream().filter((l) -> !l.equals(languages.fallback())).toList();
		}
		return accounts.myTranslatorLocales()
			.stream()
			.filter(languages::isSupported)
			.sorted(Comparator.comparing(Locale::toLanguageTag))
			.toList();
	}

	/** Coverage of every served module in each of the user's languages. */
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<ModuleCoverage> coverage() {
		List<ModuleCoverage> result = new ArrayList<>();
		for (Locale locale : myLocales()) {
			for (Module module : catalog.modules()) {
				result.add(new ModuleCoverage(module.id(), catalog.resolve(module.id(), module.title(), locale).text(),
						locale, coverageOf(merged(module.id(), locale))));
			}
			if (catalog.evaluation().isPresent()) {
				// The course's own file: its title is a UI label, given by the view.
				result.add(new ModuleCoverage(Evaluation.TRANSLATION_ID, Evaluation.TRANSLATION_ID, locale,
						coverageOf(merged(Evaluation.TRANSLATION_ID, locale))));
			}
		}
		return result;
	}

	/**
	 * Coverage of one module in one language, counting workspace edits over the files.
	 */
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional(readOnly = true)
	public Coverage coverage(String moduleId, Locale locale) {
		requireLocale(locale);
		return coverageOf(merged(moduleId, locale));
	}

	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<Segment> segments(String moduleId, Locale locale, SegmentFilter filter) {
		requireLocale(locale);
		SegmentFilter f = filter == null ? SegmentFilter.all() : filter;
		return merged(moduleId, locale).values().stream().map(Merged::segment).filter(f::matches).toList();
	}

	/**
	 * Saves a translation as a draft made from the current English.
	 * @throws TranslationRejectedException when its placeholders or Markdown structure do
	 * not match the English, or it is empty
	 */
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional
	public Segment save(String moduleId, Locale locale, String key, String text) {
		requireLocale(locale);
		Merged current = segment(moduleId, locale, key);
		String english = current.file().english();
		if (text == null || text.isBlank()) {
			throw new TranslationRejectedException("translate.error.empty", List.of());
		}
		String target = text.replace("\r\n", "\n");
		int max = TextLimits.translation(english);
		if (target.length() > max) {
			throw TranslationRejectedException.tooLong(max);
		}
		List<TextProblem> problems = TranslationFiles.check(english, target);
		if (!problems.isEmpty()) {
			throw new TranslationRejectedException(switch (problems.getFirst().kind()) {
				case PLACEHOLDERS -> "translate.error.placeholders";
				case MARKUP -> "translate.error.markup";
				case HTML -> "translate.error.html";
				case TOO_LONG -> "translate.error.tooLong";
			}, problems.stream().map(TextProblem::detail).toList());
		}
		edits.saveDraft(moduleId, locale, key, target, TranslationFiles.sourceHash(english), english, me().id(),
				Instant.now());
		return segment(moduleId, locale, key).segment();
	}

	/**
	 * A translation of a segment as cadets will see it, before it is saved: lesson
	 * sections as Markdown through the same sanitized renderer cadets get, other segments
	 * as plain text.
	 */
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional(readOnly = true)
	public SegmentPreview preview(String moduleId, Locale locale, String key, String text) {
		requireLocale(locale);
		segment(moduleId, locale, key);
		String value = text == null ? "" : text.replace("\r\n", "\n");
		String html;
		if (isLessonSection(key)) {
			html = catalog.markdownHtml(moduleId, new ResolvedText(value, ResolvedText.Origin.DRAFT, false));
		}
		else {
			html = "<p style=\"white-space: pre-wrap\">" + HtmlUtils.htmlEscape(value, "UTF-8") + "</p>";
		}
		return new SegmentPreview(html, Languages.isRightToLeft(locale));
	}

	private static boolean isLessonSection(String key) {
		return key.startsWith("lesson.") && key.contains(".section.");
	}

	/**
	 * Approves the current translation of a segment. A translator may not approve a
	 * translation they saved themselves; an administrator may approve any.
	 */
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional
	public Segment approve(String moduleId, Locale locale, String key) {
		requireLocale(locale);
		UserAccount me = me();
		Merged current = segment(moduleId, locale, key);
		Segment segment = current.segment();
		switch (segment.status()) {
			case MISSING -> throw new TranslationRejectedException("translate.error.nothingToApprove", List.of());
			case STALE -> throw new TranslationRejectedException("translate.error.staleApproval", List.of());
			case APPROVED -> {
				return segment;
			}
			case DRAFT -> {
				// approved below
			}
		}
		if (current.edit() != null) {
			if (Objects.equals(current.edit().savedBy(), me.id()) && !me.hasRole(Role.ADMIN)) {
				throw new TranslationRejectedException("translate.error.selfApproval", List.of());
			}
			edits.approve(moduleId, locale, key, me.id(), Instant.now());
		}
		else {
			// A draft from the file: nobody in the application wrote it.
			FileSegment file = current.file();
			edits.saveApproved(moduleId, locale, key, file.target(), file.sourceHash(), file.english(), null, me.id(),
					Instant.now());
		}
		audit.record(AuditAction.TRANSLATION_APPROVED, "segment", moduleId + "/" + key, locale.toLanguageTag());
		return segment(moduleId, locale, key).segment();
	}

	/**
	 * The module's translation as XLIFF 2.0 in the format of the translation files, with
	 * the workspace's edits merged in.
	 */
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional(readOnly = true)
	public byte[] exportXliff(String moduleId, Locale locale) {
		requireLocale(locale);
		List<FileSegment> segments = merged(moduleId, locale).values().stream().map(Merged::effective).toList();
		return files.writeXliff(moduleId, locale, segments);
	}

	/**
	 * Imports an XLIFF file: checks all of it first (XLIFF syntax, module and language,
	 * known units, placeholders and markup) and applies nothing when anything is wrong.
	 * Units whose translation, state and source hash are unchanged are left as they are,
	 * so exporting and importing again changes nothing. Changed units become drafts by
	 * the importer; an administrator's import keeps the file's approvals.
	 */
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional
	public ImportReport importXliff(String moduleId, Locale locale, byte[] bytes) {
		requireLocale(locale);
		// The upload field limits the size in the browser only; a service must not parse
		// an arbitrarily large XML document whoever calls it.
		if (bytes.length > MAX_IMPORT_BYTES) {
			return new ImportReport(false, 0, List.of(new ImportReport.Problem(1,
					"The file is larger than " + MAX_IMPORT_BYTES / 1_000_000 + " MB.", true)));
		}
		if (!files.translatable(moduleId)) {
			throw new IllegalArgumentException("No served module " + moduleId);
		}
		TranslationFiles.ReadResult read = files.readXliff(moduleId, locale, bytes);
		List<ImportReport.Problem> problems = read.problems()
			.stream()
			.map((p) -> new ImportReport.Problem(p.line(), p.code().shortCode() + " " + p.message(), p.isError()))
			.toList();
		if (!read.valid()) {
			return new ImportReport(false, 0, problems);
		}
		Map<String, Merged> current = merged(moduleId, locale);
		// The same cap as on save, per unit; one over-long unit and nothing is applied.
		List<ImportReport.Problem> tooLong = new ArrayList<>();
		for (FileSegment entry : read.entries()) {
			Merged was = current.get(entry.key());
			if (was != null && entry.hasTarget()) {
				int max = TextLimits.translation(was.file().english());
				if (entry.target().length() > max) {
					tooLong.add(new ImportReport.Problem(0, "Unit \"" + entry.key() + "\": the translation has "
							+ entry.target().length() + " characters; at most " + max + ".", true));
				}
			}
		}
		if (!tooLong.isEmpty()) {
			List<ImportReport.Problem> all = new ArrayList<>(problems);
			all.addAll(tooLong);
			return new ImportReport(false, 0, all);
		}
		UserAccount me = me();
		Instant now = Instant.now();
		int changed = 0;
		for (FileSegment entry : read.entries()) {
			Merged was = current.get(entry.key());
			if (was == null || !entry.hasTarget()) {
				continue;
			}
			FileSegment before = was.effective();
			String hash = entry.sourceHash() != null ? entry.sourceHash()
					: TranslationFiles.sourceHash(entry.english());
			if (before.hasTarget() && before.target().equals(entry.target()) && before.approved() == entry.approved()
					&& Objects.equals(before.sourceHash(), hash)) {
				continue;
			}
			String sourceText = hash.equals(TranslationFiles.sourceHash(entry.english())) ? entry.english()
					: Objects.requireNonNullElse(entry.translatedFrom(), entry.english());
			if (entry.approved() && me.hasRole(Role.ADMIN)) {
				edits.saveApproved(moduleId, locale, entry.key(), entry.target(), hash, sourceText, me.id(), me.id(),
						now);
			}
			else {
				edits.saveDraft(moduleId, locale, entry.key(), entry.target(), hash, sourceText, me.id(), now);
			}
			changed++;
		}
		return new ImportReport(true, changed, problems);
	}

	/** The file's segment, the workspace edit (or null) and the result of both. */
	private record Merged(FileSegment file, TranslationEdit edit, FileSegment effective, Segment segment) {
	}

	private Merged segment(String moduleId, Locale locale, String key) {
		Merged merged = merged(moduleId, locale).get(key);
		if (merged == null) {
			throw new IllegalArgumentException("No segment " + key + " in module " + moduleId);
		}
		return merged;
	}

	private Map<String, Merged> merged(String moduleId, Locale locale) {
		Map<String, TranslationEdit> stored = edits.edits(moduleId, locale);
		Map<String, Merged> merged = new LinkedHashMap<>();
		for (FileSegment file : files.segments(moduleId, locale)) {
			TranslationEdit edit = stored.get(file.key());
			FileSegment effective = edit == null ? file : new FileSegment(file.key(), file.english(), edit.target(),
					edit.approved(), edit.sourceHash(), edit.sourceText());
			SegmentStatus status;
			if (!effective.hasTarget()) {
				status = SegmentStatus.MISSING;
			}
			else if (!TranslationFiles.sourceHash(file.english()).equals(effective.sourceHash())) {
				status = SegmentStatus.STALE;
			}
			else {
				status = effective.approved() ? SegmentStatus.APPROVED : SegmentStatus.DRAFT;
			}
			String previous = status == SegmentStatus.STALE && effective.translatedFrom() != null
					&& !effective.translatedFrom().equals(file.english()) ? effective.translatedFrom() : null;
			Segment segment = new Segment(file.key(), file.english(), effective.hasTarget() ? effective.target() : null,
					status, previous, edit != null, edit == null ? null : edit.savedBy());
			merged.put(file.key(), new Merged(file, edit, effective, segment));
		}
		return merged;
	}

	private static Coverage coverageOf(Map<String, Merged> merged) {
		int draft = 0;
		int approved = 0;
		int stale = 0;
		int missing = 0;
		for (Merged m : merged.values()) {
			switch (m.segment().status()) {
				case DRAFT -> draft++;
				case APPROVED -> approved++;
				case STALE -> stale++;
				case MISSING -> missing++;
			}
		}
		return new Coverage(merged.size(), draft, approved, stale, missing);
	}

	private UserAccount me() {
		return accounts.currentUser().orElseThrow(() -> new AccessDeniedException("Not signed in"));
	}

	private void requireLocale(Locale locale) {
		TranslatorAccess.require(accounts, languages, locale);
	}

}
