package org.lepha.academy.translation.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code .properties} file as translators' tools write it (UTF-8, as Poedit,
 * OmegaT and Weblate do for Java properties in UTF-8 mode), keeping the line of each
 * entry so an import can report problems by line. {@link java.util.Properties} would
 * accept the same syntax but forgets the lines and silently keeps the last of two
 * duplicate keys.
 */
public final class PropertiesFile {

	/** One key and value, with the line where its entry starts (1-based). */
	public record Entry(int line, String key, String value) {
	}

	/** A line that could not be read, with the reason in English. */
	public record Problem(int line, String message) {
	}

	/** The entries in file order, and the problems found (nothing is guessed). */
	public record Parsed(List<Entry> entries, List<Problem> problems) {
	}

	private PropertiesFile() {
	}

	public static Parsed parse(byte[] bytes) {
		List<Entry> entries = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			problems.add(new Problem(1, "The file is not UTF-8 text."));
			return new Parsed(entries, problems);
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		if (text.indexOf('\0') >= 0) {
			problems.add(new Problem(1, "The file is not a text file."));
			return new Parsed(entries, problems);
		}
		String[] lines = text.split("\r\n|\r|\n", -1);
		int i = 0;
		while (i < lines.length) {
			int start = i + 1;
			String line = stripLeading(lines[i]);
			i++;
			if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '!') {
				continue;
			}
			// A value goes on over the next line when this one ends in an odd number of
			// backslashes.
			StringBuilder logical = new StringBuilder();
			while (endsWithContinuation(line)) {
				logical.append(line, 0, line.length() - 1);
				if (i >= lines.length) {
					line = "";
					break;
				}
				line = stripLeading(lines[i]);
				i++;
			}
			logical.append(line);
			try {
				entries.add(entry(start, logical.toString()));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Problem(start, ex.getMessage()));
			}
		}
		return new Parsed(entries, problems);
	}

	private static Entry entry(int line, String logical) {
		int at = 0;
		StringBuilder key = new StringBuilder();
		while (at < logical.length()) {
			char c = logical.charAt(at);
			if (c == '\\') {
				at = unescape(logical, at, key);
				continue;
			}
			if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') {
				break;
			}
			key.append(c);
			at++;
		}
		while (at < logical.length() && isBlank(logical.charAt(at))) {
			at++;
		}
		if (at < logical.length() && (logical.charAt(at) == '=' || logical.charAt(at) == ':')) {
			at++;
		}
		else if (at >= logical.length()) {
			throw new IllegalArgumentException("\"" + key + "\" has no value (expected key=value).");
		}
		while (at < logical.length() && isBlank(logical.charAt(at))) {
			at++;
		}
		StringBuilder value = new StringBuilder();
		while (at < logical.length()) {
			char c = logical.charAt(at);
			if (c == '\\') {
				at = unescape(logical, at, value);
			}
			else {
				value.append(c);
				at++;
			}
		}
		if (key.isEmpty()) {
			throw new IllegalArgumentException("A line has a value but no key.");
		}
		return new Entry(line, key.toString(), value.toString());
	}

	/**
	 * Appends the escaped character at {@code at} (a backslash) and returns the next
	 * index.
	 */
	private static int unescape(String s, int at, StringBuilder out) {
		if (at + 1 >= s.length()) {
			return at + 1;
		}
		char c = s.charAt(at + 1);
		switch (c) {
			case 'n' -> out.append('\n');
			case 't' -> out.append('\t');
			case 'r' -> out.append('\r');
			case 'f' -> out.append('\f');
			case 'u' -> {
				if (at + 6 > s.length()) {
					throw new IllegalArgumentException("Broken \\u escape.");
				}
				try {
					out.append((char) Integer.parseInt(s.substring(at + 2, at + 6), 16));
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("Broken \\u escape: \\u" + s.substring(at + 2, at + 6));
				}
				return at + 6;
			}
			default -> out.append(c);
		}
		return at + 2;
	}

	private static boolean endsWithContinuation(String line) {
		int backslashes = 0;
		for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
			backslashes++;
		}
		return backslashes % 2 == 1;
	}

	private static String stripLeading(String line) {
		int i = 0;
		while (i < line.length() && isBlank(line.charAt(i))) {
			i++;
		}
		return line.substring(i);
	}

	private static boolean isBlank(char c) {
		return c == ' ' || c == '\t' || c == '\f';
	}

}
