package org.lepha.academy.content.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.lepha.academy.content.ContentProblem.Code;

/**
 * The Markdown rules of {@code docs/content-format.md}, applied the same way to the
 * English and to every translated segment: the text is parsed with the parser that
 * renders it (never matched with regular expressions, which a hostile text can make slow
 * or slip past), walked without recursion, and checked: no raw HTML, links only to
 * {@code https:} addresses or existing lessons, images only from the module's
 * {@code media/} folder with alt text, no level-1 or level-2 heading but a lesson
 * section's own, no nesting deeper than {@link #MAX_DEPTH}, no text longer than
 * {@link #MAX_LENGTH}. The structure it finds (callouts, link and image targets,
 * headings, list items, table rows) is what a translation must keep.
 */
final class MarkdownChecks {

	/** How deeply blocks and inlines may nest (block quotes in block quotes…). */
	static final int MAX_DEPTH = 32;

	/**
	 * The longest segment of text, in characters (a long lesson section has about 3,000).
	 */
	static final int MAX_LENGTH = 20_000;

	static final Parser PARSER = Parser.builder()
		.extensions(List.of(TablesExtension.create()))
		.includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
		.build();

	/**
	 * A source document's file name ({@code 003_45d389ae66037507.txt}): cadets see
	 * citations by title, which the reader builds from the lesson's {@code sources}.
	 */
	static final Pattern DOCUMENT_FILE_NAME = Pattern.compile("\\b\\d{3}_[0-9a-f]{16}(\\.txt)?\\b");

	private static final Pattern LESSON_LINK = Pattern.compile("lesson:([a-z0-9][a-z0-9-]{0,63})");

	private MarkdownChecks() {
	}

	/** One rule broken, at a line counted from the text's first line (0). */
	record Finding(int lineIndex, Code code, String message) {
	}

	/**
	 * What a translation must keep of its English.
	 *
	 * @param callouts the callout markers in order (KEYFACT, WARNING, FIELD)
	 * @param strayMarkers callout markers written outside a block quote's first line
	 */
	record Structure(List<String> callouts, int strayMarkers, List<String> links, List<String> images,
			List<Integer> headings, int listItems, int tableRows) {

		/** Differences from another structure, described for an author. */
		List<String> differencesFrom(Structure english) {
			List<String> differences = new ArrayList<>();
			compare(differences, "callout markers", english.callouts, callouts);
			compare(differences, "callout markers outside a callout", english.strayMarkers, strayMarkers);
			compare(differences, "link targets", english.links, links);
			compare(differences, "image targets", english.images, images);
			compare(differences, "headings", english.headings, headings);
			compare(differences, "list items", english.listItems, listItems);
			compare(differences, "table rows", english.tableRows, tableRows);
			return differences;
		}

		private static void compare(List<String> differences, String what, Object english, Object translation) {
			if (!english.equals(translation)) {
				differences.add(what + ": English has " + english + ", translation has " + translation);
			}
		}

	}

	/** The structure and the broken rules of one text. */
	record Result(Structure structure, List<Finding> findings) {

		boolean ok() {
			return findings.isEmpty();
		}

	}

	/**
	 * @param mediaExists whether an image target names a file of the module's media
	 * @param lessonExists whether a {@code lesson:} link names a lesson of the module
	 * @param sectionHeading whether the text starts with its lesson section's {@code ##}
	 * heading (the only level-2 heading allowed)
	 */
	record Rules(Predicate<String> mediaExists, Predicate<String> lessonExists, boolean sectionHeading) {
	}

	static Result analyse(String markdown, Rules rules) {
		List<Finding> findings = new ArrayList<>();
		if (markdown.length() > MAX_LENGTH) {
			findings.add(new Finding(0, Code.C027_TOO_LONG,
					"the text has " + markdown.length() + " characters; at most " + MAX_LENGTH));
			return new Result(new Structure(List.of(), 0, List.of(), List.of(), List.of(), 0, 0), findings);
		}
		noFileNames(markdown, findings);
		Node document = PARSER.parse(markdown);
		List<String> callouts = new ArrayList<>();
		List<String> links = new ArrayList<>();
		List<String> images = new ArrayList<>();
		List<Integer> headings = new ArrayList<>();
		int strayMarkers = 0;
		int listItems = 0;
		int tableRows = 0;
		record Visit(Node node, int depth) {
		}
		ArrayDeque<Visit> stack = new ArrayDeque<>();
		stack.push(new Visit(document, 0));
		boolean tooDeep = false;
		while (!stack.isEmpty()) {
			Visit visit = stack.pop();
			Node node = visit.node();
			if (visit.depth() > MAX_DEPTH) {
				if (!tooDeep) {
					findings.add(new Finding(line(node), Code.C026_NESTED_TOO_DEEP, "the text nests more than "
							+ MAX_DEPTH + " levels deep (block quotes or lists in each other)"));
				}
				tooDeep = true;
				continue;
			}
			switch (node) {
				case HtmlBlock html -> findings.add(new Finding(line(node), Code.C011_FORBIDDEN_HTML,
						"raw HTML is not allowed: " + abbreviate(html.getLiteral())));
				case HtmlInline html -> findings.add(new Finding(line(node), Code.C011_FORBIDDEN_HTML,
						"raw HTML is not allowed: " + abbreviate(html.getLiteral())));
				case Link link -> {
					String target = link.getDestination();
					links.add(target);
					checkLink(target, rules, line(node), findings);
				}
				case Image image -> {
					images.add(image.getDestination());
					checkImage(image, rules, findings);
				}
				case Heading heading -> {
					headings.add(heading.getLevel());
					checkHeading(heading, document, rules, findings);
				}
				case BlockQuote quote -> {
					String marker = calloutMarker(quote);
					if (marker != null) {
						callouts.add(marker);
					}
				}
				case Text text -> {
					if (text.getLiteral().contains("[!") && !isCalloutMarker(text)
							&& markerIn(text.getLiteral()) != null) {
						strayMarkers++;
					}
				}
				case ListItem item -> listItems++;
				case TableRow row -> tableRows++;
				default -> {
				}
			}
			List<Node> children = new ArrayList<>();
			for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
				children.add(child);
			}
			for (int i = children.size() - 1; i >= 0; i--) {
				stack.push(new Visit(children.get(i), visit.depth() + 1));
			}
		}
		return new Result(new Structure(List.copyOf(callouts), strayMarkers, List.copyOf(links), List.copyOf(images),
				List.copyOf(headings), listItems, tableRows), findings);
	}

	private static void checkImage(Image image, Rules rules, List<Finding> findings) {
		String target = image.getDestination();
		if (!target.startsWith("media/") || target.contains("..") || !rules.mediaExists().test(target)) {
			findings.add(new Finding(line(image), Code.C009_MISSING_MEDIA,
					"image '" + abbreviate(target) + "' is not a file in the module's media/ folder"));
		}
		if (plainText(image).isBlank()) {
			findings.add(new Finding(line(image), Code.C003_MISSING_KEY,
					"an image needs alt text that says what it shows: ![what it shows](media/...)"));
		}
	}

	/**
	 * Only the section's own first {@code ##} heading may be level 2 (or 1): it has the
	 * id.
	 */
	private static void checkHeading(Heading heading, Node document, Rules rules, List<Finding> findings) {
		boolean sectionOwn = rules.sectionHeading() && heading.getParent() == document && heading.getPrevious() == null
				&& heading.getLevel() == 2;
		if (heading.getLevel() <= 2 && !sectionOwn) {
			findings.add(new Finding(line(heading), Code.C010_SECTION_WITHOUT_ID, "a level-" + heading.getLevel()
					+ " heading here would have no id; start a section with '## Title {#id}' at the start of a line, or use '###'"));
		}
	}

	/** Whether the tree nests deeper than the limit; walked without recursion. */
	static boolean deeperThan(Node root, int limit) {
		record Visit(Node node, int depth) {
		}
		ArrayDeque<Visit> stack = new ArrayDeque<>();
		stack.push(new Visit(root, 0));
		while (!stack.isEmpty()) {
			Visit visit = stack.pop();
			if (visit.depth() > limit) {
				return true;
			}
			for (Node child = visit.node().getFirstChild(); child != null; child = child.getNext()) {
				stack.push(new Visit(child, visit.depth() + 1));
			}
		}
		return false;
	}

	private static void checkLink(String target, Rules rules, int line, List<Finding> findings) {
		if (target.startsWith("https://")) {
			return;
		}
		Matcher lesson = LESSON_LINK.matcher(target);
		if (lesson.matches()) {
			if (!rules.lessonExists().test(lesson.group(1))) {
				findings.add(new Finding(line, Code.C008_DANGLING_REFERENCE,
						"link to lesson '" + lesson.group(1) + "', which does not exist in this module"));
			}
			return;
		}
		findings.add(new Finding(line, Code.C011_FORBIDDEN_HTML,
				"links must go to https:// addresses or to lesson:<id>, not '" + abbreviate(target) + "'"));
	}

	/** The callout type of a block quote whose first line is a marker, else null. */
	static String calloutMarker(BlockQuote quote) {
		if (quote.getFirstChild() instanceof Paragraph paragraph && paragraph.getFirstChild() instanceof Text first) {
			String literal = first.getLiteral().strip().toUpperCase(Locale.ROOT);
			String marker = markerIn(literal);
			return marker != null && literal.startsWith("[!" + marker + "]") ? marker : null;
		}
		return null;
	}

	private static boolean isCalloutMarker(Text text) {
		return text.getParent() instanceof Paragraph paragraph && paragraph.getFirstChild() == text
				&& paragraph.getParent() instanceof BlockQuote quote && quote.getFirstChild() == paragraph
				&& calloutMarker(quote) != null;
	}

	private static String markerIn(String text) {
		String upper = text.toUpperCase(Locale.ROOT);
		for (String marker : List.of("KEYFACT", "WARNING", "FIELD")) {
			if (upper.contains("[!" + marker + "]")) {
				return marker;
			}
		}
		return null;
	}

	private static String plainText(Node node) {
		StringBuilder text = new StringBuilder();
		ArrayDeque<Node> stack = new ArrayDeque<>();
		for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
			stack.push(child);
		}
		int guard = 0;
		while (!stack.isEmpty() && guard++ < 10_000) {
			Node at = stack.pop();
			if (at instanceof Text t) {
				text.append(t.getLiteral());
			}
			for (Node child = at.getLastChild(); child != null; child = child.getPrevious()) {
				stack.push(child);
			}
		}
		return text.toString();
	}

	private static int line(Node node) {
		return node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex();
	}

	private static void noFileNames(String text, List<Finding> findings) {
		List<String> lines = text.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			Matcher m = DOCUMENT_FILE_NAME.matcher(lines.get(i));
			if (m.find()) {
				findings.add(new Finding(i, Code.C022_FILE_NAME_IN_TEXT, "'" + m.group()
						+ "' is a file name; cadets see sources as citations built from 'sources' ids, so name the document in words or drop it"));
			}
		}
	}

	/** Reports document file names written into text that cadets read. */
	static void checkNoFileNames(String text, String path, int firstLine, ProblemSink problems) {
		List<Finding> findings = new ArrayList<>();
		noFileNames(text, findings);
		findings.forEach((f) -> problems.error(path, firstLine + f.lineIndex(), f.code(), f.message()));
	}

	static String abbreviate(String text) {
		String line = text.strip().lines().findFirst().orElse("");
		return line.length() > 60 ? line.substring(0, 60) + "…" : line;
	}

}
