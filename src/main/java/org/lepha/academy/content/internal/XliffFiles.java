package org.lepha.academy.content.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.sf.okapi.lib.xliff2.core.MidFileData;
import net.sf.okapi.lib.xliff2.core.Note;
import net.sf.okapi.lib.xliff2.core.Segment;
import net.sf.okapi.lib.xliff2.core.StartFileData;
import net.sf.okapi.lib.xliff2.core.TargetState;
import net.sf.okapi.lib.xliff2.core.Unit;
import net.sf.okapi.lib.xliff2.metadata.Meta;
import net.sf.okapi.lib.xliff2.metadata.MetaGroup;
import net.sf.okapi.lib.xliff2.metadata.Metadata;
import net.sf.okapi.lib.xliff2.reader.Event;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import net.sf.okapi.lib.xliff2.writer.XLIFFWriter;
import org.lepha.academy.content.internal.TranslationEntry.State;

/**
 * Reads and writes the content translation files (XLIFF 2.0, one file per module and
 * language) with the Okapi XLIFF 2 library, so that Poedit, OmegaT and Weblate can open
 * them. Each unit is one segment keyed by its element id path; its metadata holds the
 * source hash.
 */
public final class XliffFiles {

	/** Metadata category and type under which the source hash is stored. */
	static final String META_CATEGORY = "lepha";

	static final String META_SOURCE_HASH = "sourceHash";

	/**
	 * The note every machine-assisted file carries until a qualified translator reviews
	 * it.
	 */
	public static final String DRAFT_NOTE = "Machine-assisted draft translation, awaiting review by a qualified human translator.";

	private static final Pattern UNIT_LINE = Pattern.compile("<unit\\s[^>]{0,400}?id=\"([^\"]{1,300})\"");

	private XliffFiles() {
	}

	/** What a translation file holds. */
	public record Contents(String fileId, String targetLanguage, List<TranslationEntry> entries, List<String> notes) {
	}

	/**
	 * A file that is not valid XLIFF 2.0, with the line the parser stopped at when known.
	 */
	public static final class InvalidXliffException extends Exception {

		private final int line;

		InvalidXliffException(String message, int line) {
			super(message);
			this.line = line;
		}

		public int line() {
			return line;
		}

	}

	public static Contents read(Path file) throws IOException, InvalidXliffException {
		return read(Files.readAllBytes(file));
	}

	public static Contents read(byte[] bytes) throws InvalidXliffException {
		String raw = new String(bytes, StandardCharsets.UTF_8);
		Map<String, Integer> lines = unitLines(raw);
		List<TranslationEntry> entries = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		String fileId = null;
		String target = null;
		try (XLIFFReader reader = new XLIFFReader(XLIFFReader.VALIDATION_MAXIMAL);
				InputStream in = new java.io.ByteArrayInputStream(bytes)) {
			reader.open(in);
			while (reader.hasNext()) {
				Event event = reader.next();
				if (event.isStartXliff()) {
					target = event.getStartXliffData().getTargetLanguage();
				}
				else if (event.isStartFile()) {
					fileId = event.getStartFileData().getId();
				}
				else if (event.isMidFile() && event.getMidFileData().getNoteCount() > 0) {
					event.getMidFileData().getNotes().forEach((n) -> notes.add(n.getText()));
				}
				else if (event.isUnit()) {
					entries.add(entry(event.getUnit(), lines));
				}
			}
		}
		catch (IOException ex) {
			throw new InvalidXliffException(ex.getMessage(), 1);
		}
		catch (RuntimeException ex) {
			throw new InvalidXliffException(firstLine(ex.getMessage()), lineOf(ex.getMessage()));
		}
		if (fileId == null) {
			throw new InvalidXliffException("the file has no <file> element", 1);
		}
		return new Contents(fileId, target, entries, notes);
	}

	private static TranslationEntry entry(Unit unit, Map<String, Integer> lines) {
		StringBuilder source = new StringBuilder();
		StringBuilder target = new StringBuilder();
		State state = State.MISSING;
		boolean anyTarget = false;
		for (Segment segment : unit.getSegments()) {
			source.append(segment.getSource().getPlainText());
			if (segment.hasTarget()) {
				anyTarget = true;
				target.append(segment.getTarget().getPlainText());
			}
			TargetState s = segment.getState();
			if (s == TargetState.FINAL || s == TargetState.REVIEWED) {
				state = State.APPROVED;
			}
			else if (s == TargetState.TRANSLATED && state != State.APPROVED) {
				state = State.DRAFT;
			}
		}
		String text = anyTarget ? target.toString() : null;
		if (text == null || text.isBlank()) {
			state = State.MISSING;
		}
		else if (state == State.MISSING) {
			// A target without a state (some tools omit it) is a draft.
			state = State.DRAFT;
		}
		return new TranslationEntry(unit.getId(), source.toString(), text, state, sourceHash(unit),
				lines.getOrDefault(unit.getId(), 1));
	}

	private static String sourceHash(Unit unit) {
		if (!unit.hasMetadata()) {
			return null;
		}
		for (MetaGroup group : unit.getMetadata()) {
			for (var item : group) {
				if (item instanceof Meta meta && META_SOURCE_HASH.equals(meta.getType())) {
					return meta.getData();
				}
			}
		}
		return null;
	}

	/** Writes a module's translation file for one language. */
	public static String write(String moduleId, Locale language, List<TranslationEntry> entries, List<String> notes) {
		StringWriter out = new StringWriter();
		try (XLIFFWriter writer = new XLIFFWriter()) {
			writer.setLineBreak("\n");
			writer.setUseIndentation(true);
			writer.create(out, "en", language.toLanguageTag());
			StartFileData file = new StartFileData(moduleId);
			writer.writeStartFile(file);
			if (!notes.isEmpty()) {
				MidFileData mid = new MidFileData();
				notes.forEach((n) -> mid.addNote(new Note(n)));
				writer.writeMidFile(mid);
			}
			for (TranslationEntry entry : entries) {
				Unit unit = new Unit(entry.key());
				// Lesson segments are Markdown: line breaks and indentation carry
				// meaning.
				unit.setPreserveWS(true);
				Segment segment = unit.appendSegment();
				segment.setPreserveWS(true);
				segment.setSource(entry.source());
				if (entry.hasTarget()) {
					segment.setTarget(entry.target());
					segment.setState(entry.state() == State.APPROVED ? TargetState.FINAL : TargetState.TRANSLATED);
				}
				else {
					segment.setState(TargetState.INITIAL);
				}
				if (entry.sourceHash() != null) {
					Metadata metadata = new Metadata();
					MetaGroup group = new MetaGroup(META_CATEGORY);
					group.add(new Meta(META_SOURCE_HASH, entry.sourceHash()));
					metadata.addGroup(group);
					unit.setMetadata(metadata);
				}
				writer.writeUnit(unit);
			}
			writer.writeEndFile();
		}
		return out.toString();
	}

	/**
	 * The line of each unit; a unit id used twice is refused here, where its line is
	 * known (the XLIFF library names neither).
	 */
	private static Map<String, Integer> unitLines(String raw) throws InvalidXliffException {
		Map<String, Integer> lines = new HashMap<>();
		int line = 1;
		int from = 0;
		Matcher m = UNIT_LINE.matcher(raw);
		while (m.find()) {
			for (int i = from; i < m.start(); i++) {
				if (raw.charAt(i) == '\n') {
					line++;
				}
			}
			from = m.start();
			Integer first = lines.putIfAbsent(m.group(1), line);
			if (first != null) {
				throw new InvalidXliffException(
						"unit id '" + m.group(1) + "' is used twice (lines " + first + " and " + line + ")", line);
			}
		}
		return lines;
	}

	private static int lineOf(String message) {
		if (message == null) {
			return 1;
		}
		Matcher m = Pattern.compile("[Ll]ine(?:Number)?[^0-9]{0,3}(\\d+)").matcher(message);
		return m.find() ? Integer.parseInt(m.group(1)) : 1;
	}

	private static String firstLine(String message) {
		return message == null ? "invalid XLIFF" : message.lines().findFirst().orElse("invalid XLIFF");
	}

}
