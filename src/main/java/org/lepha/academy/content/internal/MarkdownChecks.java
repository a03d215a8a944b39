package org.lepha.academy.content.internal;

import java.util.List;
import java.util.function.Predicate;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.lepha.academy.content.ContentProblem.Code;

/**
 * Author-time checks of lesson Markdown: no raw HTML at all (the renderer's sanitizer
 * would strip it anyway, but the author should learn of it), links only to {@code https:}
 * addresses or other lessons, images only from the module's {@code media/} folder.
 */
final class MarkdownChecks {

	static final Parser PARSER = Parser.builder()
		.extensions(List.of(TablesExtension.create()))
		.includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
		.build();

	/**
	 * A source document's file name ({@code 003_45d389ae66037507.txt}): cadets see
	 * citations by title, which the reader builds from the lesson's {@code sources}.
	 */
	static final java.util.regex.Pattern DOCUMENT_FILE_NAME = java.util.regex.Pattern
		.compile("\\b\\d{3}_[0-9a-f]{16}(\\.txt)?\\b");

	private MarkdownChecks() {
	}

	/** Reports document file names written into text that cadets read. */
	static void checkNoFileNames(String text, String path, int firstLine, ProblemSink problems) {
		List<String> lines = text.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			java.util.regex.Matcher m = DOCUMENT_FILE_NAME.matcher(lines.get(i));
			if (m.find()) {
				problems.error(path, firstLine + i, Code.C022_FILE_NAME_IN_TEXT, "'" + m.group()
						+ "' is a file name; cadets see sources as citations built from 'sources' ids, so name the document in words or drop it");
			}
		}
	}

	static void check(String markdown, String path, int firstLine, ProblemSink problems,
			Predicate<String> mediaExists) {
		checkNoFileNames(markdown, path, firstLine, problems);
		Node document = PARSER.parse(markdown);
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(HtmlBlock html) {
				problems.error(path, line(html), Code.C011_FORBIDDEN_HTML,
						"raw HTML is not allowed in lessons: " + abbreviate(html.getLiteral()));
			}

			@Override
			public void visit(HtmlInline html) {
				problems.error(path, line(html), Code.C011_FORBIDDEN_HTML,
						"raw HTML is not allowed in lessons: " + abbreviate(html.getLiteral()));
			}

			@Override
			public void visit(Link link) {
				String target = link.getDestination();
				if (!(target.startsWith("https://") || target.startsWith("lesson:"))) {
					problems.error(path, line(link), Code.C011_FORBIDDEN_HTML,
							"links must go to https:// addresses or to lesson:<id>, not '" + abbreviate(target) + "'");
				}
				visitChildren(link);
			}

			@Override
			public void visit(Image image) {
				if (!mediaExists.test(image.getDestination())) {
					problems.error(path, line(image), Code.C009_MISSING_MEDIA,
							"image '" + image.getDestination() + "' is not a file in the module's media/ folder");
				}
				if (image.getFirstChild() == null) {
					problems.error(path, line(image), Code.C003_MISSING_KEY,
							"an image needs alt text: ![what it shows](media/...)");
				}
			}

			private int line(Node node) {
				return node.getSourceSpans().isEmpty() ? firstLine
						: firstLine + node.getSourceSpans().get(0).getLineIndex();
			}
		});
	}

	private static String abbreviate(String text) {
		String line = text.strip().lines().findFirst().orElse("");
		return line.length() > 60 ? line.substring(0, 60) + "…" : line;
	}

}
