package org.lepha.academy.content.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.lepha.academy.content.ContentProblem.Code;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed access to a YAML mapping that reports, with file and line, every unknown key,
 * missing key and value of the wrong type. Works on SnakeYAML's node tree, which keeps
 * line numbers.
 */
final class YamlFields {

	static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	/**
	 * How deeply conditions (and other nested structures) may nest; deeper is an error,
	 * so that no walk over content recurses without bound.
	 */
	static final int MAX_DEPTH = 16;

	private final String path;

	private final ProblemSink problems;

	private final Node node;

	private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

	private final int lineOffset;

	private YamlFields(String path, ProblemSink problems, Node node, int lineOffset) {
		this.path = path;
		this.problems = problems;
		this.node = node;
		this.lineOffset = lineOffset;
		if (node instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
					problems.error(path, line(tuple.getKeyNode(), lineOffset), Code.C004_WRONG_TYPE,
							"keys must be plain names");
				}
				else if (entries.putIfAbsent(key.getValue(), tuple) != null) {
					// SnakeYAML's node tree keeps both; whichever a reader took, one
					// value would
					// be silently lost.
					problems.error(path, line(key, lineOffset), Code.C025_DUPLICATE_KEY,
							"'" + key.getValue() + "' is given twice (first at line "
									+ line(entries.get(key.getValue()).getKeyNode(), lineOffset) + "); remove one");
				}
			}
		}
	}

	/** A mapping, or null (after reporting) when the node is not one. */
	static YamlFields of(String path, ProblemSink problems, Node node, String what, Set<String> allowed,
			int lineOffset) {
		if (!(node instanceof MappingNode)) {
			problems.error(path, line(node, lineOffset), Code.C004_WRONG_TYPE, what + " must be a mapping of keys");
			return null;
		}
		YamlFields fields = new YamlFields(path, problems, node, lineOffset);
		for (Map.Entry<String, NodeTuple> entry : fields.entries.entrySet()) {
			if (!allowed.contains(entry.getKey())) {
				problems.error(path, line(entry.getValue().getKeyNode(), lineOffset), Code.C002_UNKNOWN_KEY,
						"unknown key '" + entry.getKey() + "' in " + what + " (allowed: "
								+ String.join(", ", sorted(allowed)) + ")");
			}
		}
		return fields;
	}

	static int line(Node node, int lineOffset) {
		return node == null ? 1 : node.getStartMark().getLine() + 1 + lineOffset;
	}

	int line() {
		return line(node, lineOffset);
	}

	int line(String key) {
		NodeTuple tuple = entries.get(key);
		return tuple == null ? line() : line(tuple.getKeyNode(), lineOffset);
	}

	int lineOffset() {
		return lineOffset;
	}

	String path() {
		return path;
	}

	boolean has(String key) {
		return entries.containsKey(key);
	}

	Node node(String key) {
		NodeTuple tuple = entries.get(key);
		return tuple == null ? null : tuple.getValueNode();
	}

	String string(String key, boolean required, String what) {
		Node value = node(key);
		if (value == null) {
			if (required) {
				problems.error(path, line(), Code.C003_MISSING_KEY, what + " needs '" + key + "'");
			}
			return null;
		}
		if (!(value instanceof ScalarNode scalar)) {
			problems.error(path, line(value, lineOffset), Code.C004_WRONG_TYPE, "'" + key + "' must be text");
			return null;
		}
		if (Tag.NULL.equals(scalar.getTag())) {
			// `key:`, `key: ~` and `key: null` are YAML's null, not the text "~".
			if (required) {
				problems.error(path, line(value, lineOffset), Code.C003_MISSING_KEY,
						"'" + key + "' of " + what + " is empty");
			}
			return null;
		}
		String text = scalar.getValue();
		if (required && text.isBlank()) {
			problems.error(path, line(value, lineOffset), Code.C003_MISSING_KEY,
					"'" + key + "' of " + what + " is empty");
			return null;
		}
		return text;
	}

	String id(String key, String what) {
		String id = string(key, true, what);
		if (id != null && !ID.matcher(id).matches()) {
			problems.error(path, line(node(key), lineOffset), Code.C005_BAD_ID,
					"id '" + id + "' must be lower-case letters, digits and hyphens (at most 64)");
			return null;
		}
		return id;
	}

	Integer integer(String key, boolean required, Integer fallback, String what) {
		String text = string(key, required, what);
		if (text == null) {
			return fallback;
		}
		if (!Tag.INT.equals(node(key).getTag())) {
			problems.error(path, line(node(key), lineOffset), Code.C004_WRONG_TYPE,
					"'" + key + "' must be a whole number, written without quotes");
			return fallback;
		}
		try {
			return Integer.valueOf(text.strip().replace("_", ""));
		}
		catch (NumberFormatException ex) {
			problems.error(path, line(node(key), lineOffset), Code.C004_WRONG_TYPE,
					"'" + key + "' must be a whole number");
			return fallback;
		}
	}

	/**
	 * A whole number within bounds; out of range is reported and gives the fallback, so
	 * no nonsense value (a negative duration, a pass mark of 300) reaches the course.
	 */
	Integer integer(String key, boolean required, Integer fallback, String what, int min, int max) {
		Integer value = integer(key, required, fallback, what);
		if (value != null && has(key) && (value < min || value > max)) {
			problems.error(path, line(node(key), lineOffset), Code.C015_BAD_VALUE,
					"'" + key + "' of " + what + " must be between " + min + " and " + max + ", not " + value);
			return fallback;
		}
		return value;
	}

	Boolean bool(String key, boolean required, Boolean fallback, String what) {
		String text = string(key, required, what);
		if (text == null) {
			return fallback;
		}
		// A quoted "false" is text, and text is not a yes or no.
		if (!Tag.BOOL.equals(node(key).getTag()) || !(text.strip().equals("true") || text.strip().equals("false"))) {
			problems.error(path, line(node(key), lineOffset), Code.C004_WRONG_TYPE,
					"'" + key + "' must be true or false, written without quotes");
			return fallback;
		}
		return Boolean.parseBoolean(text.strip());
	}

	/** The items of a sequence; reports and returns an empty list for anything else. */
	List<Node> list(String key, boolean required, String what) {
		Node value = node(key);
		if (value == null) {
			if (required) {
				problems.error(path, line(), Code.C003_MISSING_KEY, what + " needs '" + key + "'");
			}
			return List.of();
		}
		if (!(value instanceof SequenceNode sequence)) {
			problems.error(path, line(value, lineOffset), Code.C004_WRONG_TYPE, "'" + key + "' must be a list");
			return List.of();
		}
		return sequence.getValue();
	}

	/** A list of plain strings (e.g. ids). */
	List<String> strings(String key, boolean required, String what) {
		List<String> values = new ArrayList<>();
		for (Node item : list(key, required, what)) {
			if (item instanceof ScalarNode scalar) {
				values.add(scalar.getValue());
			}
			else {
				problems.error(path, line(item, lineOffset), Code.C004_WRONG_TYPE,
						"'" + key + "' must list plain values");
			}
		}
		return values;
	}

	YamlFields child(Node child, String what, Set<String> allowed) {
		return of(path, problems, child, what, allowed, lineOffset);
	}

	private static List<String> sorted(Set<String> keys) {
		return keys.stream().sorted().toList();
	}

	/**
	 * Parses YAML text into SnakeYAML's node tree (which keeps line numbers), or reports
	 * a syntax error and returns null.
	 */
	static Node compose(String text, String path, int lineOffset, ProblemSink problems) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(10);
		try (Reader reader = new StringReader(text)) {
			Node node = new Yaml(options).compose(reader);
			if (node == null) {
				problems.error(path, 1 + lineOffset, Code.C001_SYNTAX, "the file is empty");
			}
			return node;
		}
		catch (MarkedYAMLException ex) {
			int line = ex.getProblemMark() == null ? 1 : ex.getProblemMark().getLine() + 1;
			problems.error(path, line + lineOffset, Code.C001_SYNTAX,
					"YAML syntax: " + String.valueOf(ex.getProblem()).strip());
			return null;
		}
		catch (IOException | RuntimeException ex) {
			problems.error(path, lineOfTooManyAliases(text, options) + lineOffset, Code.C001_SYNTAX,
					"YAML syntax: " + ex.getMessage());
			return null;
		}
	}

	/**
	 * SnakeYAML refuses an alias bomb without saying where; its event stream (which does
	 * not expand aliases) does.
	 */
	private static int lineOfTooManyAliases(String text, LoaderOptions options) {
		int aliases = 0;
		try (Reader reader = new StringReader(text)) {
			for (org.yaml.snakeyaml.events.Event event : new Yaml(options).parse(reader)) {
				if (event instanceof org.yaml.snakeyaml.events.AliasEvent
						&& ++aliases > options.getMaxAliasesForCollections()) {
					return event.getStartMark().getLine() + 1;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// The syntax error itself is reported by the caller; the first line is all we
			// know.
		}
		return 1;
	}

}
