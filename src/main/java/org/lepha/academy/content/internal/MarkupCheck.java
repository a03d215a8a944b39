package org.lepha.academy.content.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the structure of a translation with its English source: the same callout
 * markers, link targets, images, headings, list items, table rows and
 * {@code {placeholders}}. A translation may reword everything else.
 */
public final class MarkupCheck {

	private static final Pattern CALLOUT = Pattern.compile("\\[!(KEYFACT|WARNING|FIELD)\\]");

	private static final Pattern LINK_TARGET = Pattern.compile("\\]\\(([^)\\s]+)");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z0-9_]+\\}");

	private MarkupCheck() {
	}

	/** Differences in markup, empty when the structure matches. */
	public static List<String> markupDifferences(String source, String target) {
		List<String> differences = new ArrayList<>();
		compare(differences, "callout markers", all(CALLOUT, source), all(CALLOUT, target));
		compare(differences, "link and image targets", all(LINK_TARGET, source), all(LINK_TARGET, target));
		compare(differences, "headings", count(source, "(?m)^#{1,6}\\s"), count(target, "(?m)^#{1,6}\\s"));
		compare(differences, "list items", count(source, "(?m)^\\s*([-*+]|\\d+[.)])\\s"),
				count(target, "(?m)^\\s*([-*+]|\\d+[.)])\\s"));
		compare(differences, "table rows", count(source, "(?m)^\\s*\\|"), count(target, "(?m)^\\s*\\|"));
		return differences;
	}

	/** Placeholders present in one text and not the other. */
	public static List<String> placeholderDifferences(String source, String target) {
		List<String> differences = new ArrayList<>();
		compare(differences, "placeholders", all(PLACEHOLDER, source), all(PLACEHOLDER, target));
		return differences;
	}

	private static void compare(List<String> differences, String what, Object expected, Object actual) {
		if (!expected.equals(actual)) {
			differences.add(what + ": English has " + expected + ", translation has " + actual);
		}
	}

	private static TreeMap<String, Integer> all(Pattern pattern, String text) {
		TreeMap<String, Integer> found = new TreeMap<>();
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			found.merge(m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group(), 1, Integer::sum);
		}
		return found;
	}

	private static Integer count(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

}
