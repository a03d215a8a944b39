package org.lepha.academy.content.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the {@code {placeholders}} of a translation with its English source (ICU
 * message arguments in UI strings, names in content). The Markdown structure is compared
 * by {@link MarkdownChecks}.
 */
public final class MarkupCheck {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z0-9_]+\\}");

	private MarkupCheck() {
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

}
