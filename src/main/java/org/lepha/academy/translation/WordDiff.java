package org.lepha.academy.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level difference between two texts (longest common subsequence), enough to show
 * a translator what changed in the English of a stale segment.
 */
public final class WordDiff {

	private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

	/** Longer texts are compared as a whole (one removal, one addition). */
	private static final int MAX_TOKENS = 4000;

	private WordDiff() {
	}

	public enum Kind {

		SAME, REMOVED, ADDED

	}

	/** A run of text that is unchanged, only in the old text, or only in the new one. */
	public record Part(Kind kind, String text) {
	}

	public static List<Part> diff(String before, String after) {
		List<String> a = tokens(before == null ? "" : before);
		List<String> b = tokens(after == null ? "" : after);
		List<Part> parts = new ArrayList<>();
		if (a.size() > MAX_TOKENS || b.size() > MAX_TOKENS) {
			add(parts, Kind.REMOVED, String.join("", a));
			add(parts, Kind.ADDED, String.join("", b));
			return parts;
		}
		int[][] lcs = new int[a.size() + 1][b.size() + 1];
		for (int i = a.size() - 1; i >= 0; i--) {
			for (int j = b.size() - 1; j >= 0; j--) {
				lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
			}
		}
		int i = 0;
		int j = 0;
		while (i < a.size() && j < b.size()) {
			if (a.get(i).equals(b.get(j))) {
				add(parts, Kind.SAME, a.get(i++));
				j++;
			}
			else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
				add(parts, Kind.REMOVED, a.get(i++));
			}
			else {
				add(parts, Kind.ADDED, b.get(j++));
			}
		}
		while (i < a.size()) {
			add(parts, Kind.REMOVED, a.get(i++));
		}
		while (j < b.size()) {
			add(parts, Kind.ADDED, b.get(j++));
		}
		return parts;
	}

	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		Matcher m = TOKEN.matcher(text);
		while (m.find()) {
			tokens.add(m.group());
		}
		return tokens;
	}

	private static void add(List<Part> parts, Kind kind, String text) {
		if (text.isEmpty()) {
			return;
		}
		if (!parts.isEmpty() && parts.getLast().kind() == kind) {
			parts.set(parts.size() - 1, new Part(kind, parts.getLast().text() + text));
		}
		else {
			parts.add(new Part(kind, text));
		}
	}

}
