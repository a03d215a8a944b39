package org.lepha.academy.translation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.lepha.academy.audit.AuditAction;
import org.lepha.academy.audit.AuditLog;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.text.MessageArguments;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.content.Coverage;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;
import org.lepha.academy.translation.internal.PropertiesFile;
import org.lepha.academy.translation.internal.UiStringEdit;
import org.lepha.academy.translation.internal.UiStringEditOverrides;
import org.lepha.academy.translation.internal.UiStringEditRepository;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Translating the UI strings ({@code translations/ui/<lang>.properties}) in the
 * workspace: the strings with their status, saving drafts, approval, coverage and export
 * as a {@code .properties} file to commit. Same permissions as module translation:
 * translators of the language, or administrators.
 * <p>
 * Status: a value in the language's file counts as APPROVED (the files are reviewed
 * before they are committed); a workspace edit is DRAFT until another translator or an
 * administrator approves it; no value is MISSING. Edits are served over the files by
 * {@link UiStringEditOverrides}.
 */
@Service
public class UiStringsWorkspace {

	/**
	 * The longest UI string translation accepted (the longest English value is far
	 * shorter).
	 */
	static final int MAX_LENGTH = TextLimits.UI_STRING_TRANSLATION;

	/** Upper bound for an imported file; the English file is about 60 KB. */
	public static final int MAX_IMPORT_BYTES = 2_000_000;

	private final UiStringEditRepository edits;

	private final UiStringEditOverrides overrides;

	private final UiTranslationProvider strings;

	private final TranslationWorkspace workspace;

	private final UserAccountService accounts;

	private final Languages languages;

	private final AuditLog audit;

	public UiStringsWorkspace(UiStringEditRepository edits, UiStringEditOverrides overrides,
			UiTranslationProvider strings, TranslationWorkspace workspace, UserAccountService accounts,
			Languages languages, AuditLog audit) {
		this.audit = audit;
		this.edits = edits;
		this.overrides = overrides;
		this.strings = strings;
		this.workspace = workspace;
		this.accounts = accounts;
		this.languages = languages;
	}

	/** The UI strings of a language, in the order of the English file. */
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<UiStringSegment> segments(Locale locale, SegmentFilter filter) {
		requireLocale(locale);
		SegmentFilter f = filter == null ? SegmentFilter.all() : filter;
		return merged(locale).stream()
			.filter((s) -> f.matches(new Segment(s.key(), s.english(), s.target(), s.status(), s.previousEnglish(),
					s.edited(), s.savedBy())))
			.toList();
	}

	/** Coverage of the UI strings in each of the user's languages. */
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<UiStringsCoverage> coverage() {
		return workspace.myLocales().stream().map((l) -> new UiStringsCoverage(l, coverageOf(merged(l)))).toList();
	}

	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional(readOnly = true)
	public Coverage coverage(Locale locale) {
		requireLocale(locale);
		return coverageOf(merged(locale));
	}

	/**
	 * Saves a translation of a UI string as a draft.
	 * @throws TranslationRejectedException when it is empty, not a valid ICU
	 * MessageFormat pattern, or its arguments differ from the English
	 */
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional
	public UiStringSegment save(Locale locale, String key, String text) {
		UserAccount me = requireLocale(locale);
		String english = english(key);
		if (text == null || text.isBlank()) {
			throw new TranslationRejectedException("translate.error.empty", List.of());
		}
		String target = text.replace("\r\n", "\n");
		check(english, target);
		edits.saveDraft(locale, key, target, english, me.id(), Instant.now());
		overrides.clear();
		return segment(locale, key);
	}

	/**
	 * Approves the current draft of a UI string. A translator may not approve a draft
	 * they saved; an administrator may.
	 */
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional
	public UiStringSegment approve(Locale locale, String key) {
		UserAccount me = requireLocale(locale);
		UiStringSegment current = segment(locale, key);
		switch (current.status()) {
			case MISSING, STALE ->
				throw new TranslationRejectedException("translate.error.nothingToApprove", List.of());
			case APPROVED -> {
				return current;
			}
			case DRAFT -> {
				// approved below
			}
		}
		if (Objects.equals(current.savedBy(), me.id()) && !me.hasRole(Role.ADMIN)) {
			throw new TranslationRejectedException("translate.error.selfApproval", List.of());
		}
		edits.approve(locale, key, me.id(), Instant.now());
		overrides.clear();
		audit.record(AuditAction.TRANSLATION_APPROVED, "ui-string", key, locale.toLanguageTag());
		return segment(locale, key);
	}

	/**
	 * The language's UI strings as a {@code .properties} file (UTF-8) with the workspace
	 * edits (drafts too, marked by a comment) merged in, keys in the order of
	 * {@code en.properties}, to be committed to {@code translations/ui}. A key without
	 * translation gets the English value and a comment, so the file has every key.
	 */
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional(readOnly = true)
	public byte[] exportProperties(Locale locale) {
		requireLocale(locale);
		StringBuilder out = new StringBuilder();
		out.append("# UI strings: ")
			.append(locale.toLanguageTag())
			.append(" (exported from the translator workspace)\n");
		for (UiStringSegment s : merged(locale)) {
			if (s.status() == SegmentStatus.MISSING) {
				out.append("# untranslated: English value\n");
			}
			else if (s.status() == SegmentStatus.DRAFT) {
				out.append("# draft, not yet approved\n");
			}
			String value = s.target() != null ? s.target() : s.english();
			out.append(escape(s.key(), true)).append('=').append(escape(value, false)).append('\n');
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Imports a language's {@code .properties} file (as exported, or edited in Poedit,
	 * OmegaT or Weblate). The whole file is checked first: unknown or duplicate keys,
	 * unreadable lines, invalid ICU patterns and placeholders that differ from the
	 * English are reported by line and then nothing is applied. Otherwise every value
	 * that differs from the current translation becomes the importer's draft. A value
	 * equal to the English of an untranslated string is skipped (the export writes the
	 * English there), so export then import changes nothing.
	 */
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional
	public ImportReport importProperties(Locale locale, byte[] file) {
		UserAccount me = requireLocale(locale);
		List<ImportReport.Problem> problems = new ArrayList<>();
		if (file == null || file.length == 0) {
			return new ImportReport(false, 0, List.of(new ImportReport.Problem(1, "The file is empty.", true)));
		}
		if (file.length > MAX_IMPORT_BYTES) {
			return new ImportReport(false, 0, List.of(new ImportReport.Problem(1,
					"The file is larger than " + MAX_IMPORT_BYTES / 1_000_000 + " MB.", true)));
		}
		PropertiesFile.Parsed parsed = PropertiesFile.parse(file);
		parsed.problems().forEach((p) -> problems.add(new ImportReport.Problem(p.line(), p.message(), true)));
		Map<String, UiStringSegment> current = new java.util.LinkedHashMap<>();
		merged(locale).forEach((s) -> current.put(s.key(), s));
		Map<String, Integer> seen = new java.util.HashMap<>();
		List<PropertiesFile.Entry> changes = new ArrayList<>();
		for (PropertiesFile.Entry entry : parsed.entries()) {
			UiStringSegment segment = current.get(entry.key());
			Integer earlier = seen.putIfAbsent(entry.key(), entry.line());
			if (earlier != null) {
				problems.add(new ImportReport.Problem(entry.line(),
						"\"" + entry.key() + "\" appears twice (first on line " + earlier + ").", true));
				continue;
			}
			if (segment == null) {
				problems.add(new ImportReport.Problem(entry.line(), "Unknown key \"" + entry.key() + "\".", true));
				continue;
			}
			String value = entry.value().replace("\r\n", "\n");
			if (value.isBlank()) {
				problems.add(new ImportReport.Problem(entry.line(), "\"" + entry.key() + "\" is empty: left as it is.",
						false));
				continue;
			}
			try {
				check(segment.english(), value);
			}
			catch (TranslationRejectedException ex) {
				problems
					.add(new ImportReport.Problem(entry.line(), "\"" + entry.key() + "\": " + switch (ex.messageKey()) {
						case "translate.error.icu" -> "not a valid message pattern";
						case "translate.error.html" -> "HTML tags are not allowed";
						case "translate.error.tooLongMax" -> "longer than " + MAX_LENGTH + " characters";
						default -> "placeholders differ from the English";
					} + (ex.details().isEmpty() ? "" : " (" + String.join("; ", ex.details()) + ")") + ".", true));
				continue;
			}
			if (value.equals(segment.target())
					|| (segment.status() == SegmentStatus.MISSING && value.equals(segment.english()))) {
				continue;
			}
			changes.add(new PropertiesFile.Entry(entry.line(), entry.key(), value));
		}
		problems.sort(java.util.Comparator.comparingInt(ImportReport.Problem::line));
		if (problems.stream().anyMatch(ImportReport.Problem::error)) {
			return new ImportReport(false, 0, problems);
		}
		Instant now = Instant.now();
		for (PropertiesFile.Entry change : changes) {
			edits.saveDraft(locale, change.key(), change.value(), current.get(change.key()).english(), me.id(), now);
		}
		overrides.clear();
		return new ImportReport(true, changes.size(), problems);
	}

	static String escape(String text, boolean key) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> b.append("\\\\");
				case '\n' -> b.append("\\n");
				case '\r' -> b.append("\\r");
				case '\t' -> b.append("\\t");
				case '\f' -> b.append("\\f");
				case ' ' -> b.append((key || i == 0) ? "\\ " : " ");
				case '=', ':', '#', '!' -> {
					if (key || i == 0) {
						b.append('\\');
					}
					b.append(c);
				}
				default -> b.append(c);
			}
		}
		return b.toString();
	}

	/**
	 * Whether the text holds something like an HTML tag: a {@code <} followed by a
	 * letter, {@code /} or {@code !}, with a {@code >} after it. One pass, so no text can
	 * make the check slow.
	 */
	static boolean containsTag(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) != '<') {
				continue;
			}
			int j = i + 1;
			while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
				j++;
			}
			char c = j < text.length() ? text.charAt(j) : ' ';
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!') {
				// A '>' after the first candidate is a '>' after every later one too.
				return text.indexOf('>', j) >= 0;
			}
		}
		return false;
	}

	/**
	 * Refuses a translation that is not a valid ICU MessageFormat pattern or whose
	 * argument names and numbers differ from the English.
	 */
	static void check(String english, String target) {
		// No English UI string has markup, and components show these strings as text: a
		// tag in a translation is a mistake or an attempt (and would become script the
		// day a string is rendered as HTML). The same rule as for content translations.
		if (target.length() > MAX_LENGTH) {
			throw TranslationRejectedException.tooLong(MAX_LENGTH);
		}
		if (containsTag(target)) {
			throw new TranslationRejectedException("translate.error.html", List.of());
		}
		Set<String> targetArguments;
		try {
			targetArguments = arguments(target);
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			throw new TranslationRejectedException("translate.error.icu", List.of(String.valueOf(ex.getMessage())));
		}
		Set<String> englishArguments;
		try {
			englishArguments = arguments(english);
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			// An English value that is not a pattern is shown as it is: no arguments.
			englishArguments = Set.of();
		}
		if (!englishArguments.equals(targetArguments)) {
			throw new TranslationRejectedException("translate.error.placeholders",
					List.of("English " + englishArguments + ", translation " + targetArguments));
		}
	}

	private static Set<String> arguments(String pattern) {
		return MessageArguments.of(pattern);
	}

	private String english(String key) {
		String english = strings.fileStrings(languages.fallback()).get(key);
		if (english == null) {
			throw new IllegalArgumentException("No UI string " + key);
		}
		return english;
	}

	private UiStringSegment segment(Locale locale, String key) {
		english(key);
		return merged(locale).stream()
			.filter((s) -> s.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No UI string " + key));
	}

	private List<UiStringSegment> merged(Locale locale) {
		Map<String, String> english = strings.fileStrings(languages.fallback());
		Map<String, String> file = strings.fileStrings(locale);
		Map<String, UiStringEdit> stored = edits.edits(locale);
		List<UiStringSegment> result = new ArrayList<>(english.size());
		for (Map.Entry<String, String> entry : english.entrySet()) {
			String key = entry.getKey();
			UiStringEdit edit = stored.get(key);
			if (edit != null) {
				boolean stale = edit.english() != null && !edit.english().equals(entry.getValue());
				SegmentStatus status = stale ? SegmentStatus.STALE
						: edit.approved() ? SegmentStatus.APPROVED : SegmentStatus.DRAFT;
				result.add(new UiStringSegment(key, entry.getValue(), edit.text(), status, true, edit.savedBy(),
						stale ? edit.english() : null));
			}
			else {
				String value = file.get(key);
				boolean has = value != null && !value.isBlank();
				result.add(new UiStringSegment(key, entry.getValue(), has ? value : null,
						has ? SegmentStatus.APPROVED : SegmentStatus.MISSING, false, null, null));
			}
		}
		return result;
	}

	private static Coverage coverageOf(List<UiStringSegment> merged) {
		int draft = 0;
		int approved = 0;
		int stale = 0;
		int missing = 0;
		for (UiStringSegment s : merged) {
			switch (s.status()) {
				case DRAFT -> draft++;
				case APPROVED -> approved++;
				case STALE -> stale++;
				case MISSING -> missing++;
			}
		}
		return new Coverage(merged.size(), draft, approved, stale, missing);
	}

	private UserAccount requireLocale(Locale locale) {
		return TranslatorAccess.require(accounts, languages, locale);
	}

}
