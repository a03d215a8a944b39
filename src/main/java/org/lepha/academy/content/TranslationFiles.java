package org.lepha.academy.content;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.content.internal.ContentService;
import org.lepha.academy.content.internal.ProblemSink;
import org.lepha.academy.content.internal.SourceHash;
import org.lepha.academy.content.internal.TranslationEntry;
import org.lepha.academy.content.internal.TranslationValidator;
import org.lepha.academy.content.internal.XliffFiles;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The translation files of served modules as the translator workspace needs them: the
 * segments with their file translations, the checks a translated text must pass, and
 * XLIFF reading and writing in the files' own format. Callers check permissions.
 */
@Service
public class TranslationFiles {

	private final ContentService content;

	public TranslationFiles(ContentService content) {
		this.content = content;
	}

	/**
	 * One segment as the files hold it.
	 *
	 * @param english the current English source
	 * @param target the file's translation, or null
	 * @param sourceHash hash of the English the target was made from, or null
	 * @param translatedFrom the English text the file's translation was made from (as the
	 * file records it), or null
	 */
	public record FileSegment(String key, String english, @Nullable String target, boolean approved,
			@Nullable String sourceHash, @Nullable String translatedFrom) {

		public boolean hasTarget() {
			return target != null && !target.isBlank();
		}

	}

	/** Why a translated text cannot be used. */
	public enum ProblemKind {

		PLACEHOLDERS, MARKUP, HTML, TOO_LONG

	}

	public record TextProblem(ProblemKind kind, String detail) {
	}

	/** What an XLIFF file holds once checked: its entries, or the problems by line. */
	public record ReadResult(List<FileSegment> entries, List<ContentProblem> problems) {

		public boolean valid() {
			return problems.stream().noneMatch(ContentProblem::isError);
		}

	}

	/** The segments of a served module in reading order, with the file's translations. */
	// A public service like any other (ADR 0004): only the translation workspace needs
	// these, and it is for translators and administrators.
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	public List<FileSegment> segments(String moduleId, Locale locale) {
		if (!translatable(moduleId)) {
			throw new IllegalArgumentException("No served module " + moduleId);
		}
		var snapshot = content.currentSnapshot();
		Map<String, String> english = snapshot.segments().getOrDefault(moduleId, Map.of());
		List<FileSegment> segments = new ArrayList<>();
		english.forEach((key, text) -> {
			TranslationEntry entry = snapshot.entry(locale, moduleId, key).orElse(null);
			if (entry == null || !entry.hasTarget()) {
				segments.add(new FileSegment(key, text, null, false, null, null));
			}
			else {
				segments.add(new FileSegment(key, text, entry.target(),
						entry.state() == TranslationEntry.State.APPROVED, entry.sourceHash(), entry.source()));
			}
		});
		return segments;
	}

	/**
	 * Whether a translation file id names something translators may work on: a served
	 * module, or the course's own file ({@link Evaluation#TRANSLATION_ID}) while the
	 * course has an evaluation.
	 */
	// A public service like any other (ADR 0004): only the translation workspace needs
	// these, and it is for translators and administrators.
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	public boolean translatable(String id) {
		return content.module(id).isPresent()
				|| (Evaluation.TRANSLATION_ID.equals(id) && content.evaluation().isPresent());
	}

	/** The fingerprint of an English text that translations record. */
	public static String sourceHash(String english) {
		return SourceHash.of(english);
	}

	/** The longest translated text the checks accept, in characters. */
	public static final int MAX_TRANSLATION_LENGTH = 20_000;

	/** Checks a translated text against its English source; empty when usable. */
	public static List<TextProblem> check(String english, String target) {
		return TranslationValidator.check(english, target).stream().map((p) -> new TextProblem(switch (p.code()) {
			case T005_PLACEHOLDER_MISMATCH -> ProblemKind.PLACEHOLDERS;
			case C011_FORBIDDEN_HTML -> ProblemKind.HTML;
			case C027_TOO_LONG -> ProblemKind.TOO_LONG;
			default -> ProblemKind.MARKUP;
		}, p.detail())).toList();
	}

	/**
	 * Writes a module's translation for one language as XLIFF 2.0 (UTF-8), in the same
	 * format as the files under {@code translations/content}.
	 * @param segments source is {@link FileSegment#english()}
	 */
	// A public service like any other (ADR 0004): only the translation workspace needs
	// these, and it is for translators and administrators.
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	public byte[] writeXliff(String moduleId, Locale locale, List<FileSegment> segments) {
		List<TranslationEntry> entries = segments.stream()
			.map((s) -> new TranslationEntry(s.key(), s.english(), s.hasTarget() ? s.target() : null,
					!s.hasTarget() ? TranslationEntry.State.MISSING
							: s.approved() ? TranslationEntry.State.APPROVED : TranslationEntry.State.DRAFT,
					s.hasTarget() ? s.sourceHash() : SourceHash.of(s.english()), 0))
			.toList();
		return XliffFiles.write(moduleId, locale, entries, List.of()).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Reads and checks an uploaded XLIFF file against a served module, with the same
	 * rules as the loader. Entries are returned only when the file has no errors.
	 */
	// A public service like any other (ADR 0004): only the translation workspace needs
	// these, and it is for translators and administrators.
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	public ReadResult readXliff(String moduleId, Locale locale, byte[] bytes) {
		String path = moduleId + ".xlf";
		ProblemSink sink = new ProblemSink();
		XliffFiles.Contents contents;
		try {
			contents = XliffFiles.read(bytes);
		}
		catch (XliffFiles.InvalidXliffException ex) {
			sink.error(path, ex.line(), ContentProblem.Code.T004_BAD_XLIFF, "not valid XLIFF 2.0: " + ex.getMessage());
			return new ReadResult(List.of(), sink.problems());
		}
		Map<String, String> english = translatable(moduleId) ? content.currentSnapshot().segments().get(moduleId)
				: null;
		Map<String, TranslationEntry> usable = TranslationValidator.validate(contents, path, moduleId, locale, english,
				content.currentSnapshot().glossary(locale), sink);
		if (sink.hasErrors()) {
			return new ReadResult(List.of(), sink.problems());
		}
		List<FileSegment> entries = usable.values()
			.stream()
			.map((e) -> new FileSegment(e.key(), english.get(e.key()), e.hasTarget() ? e.target() : null,
					e.state() == TranslationEntry.State.APPROVED, e.sourceHash(), e.source()))
			.toList();
		return new ReadResult(entries, sink.problems());
	}

}
