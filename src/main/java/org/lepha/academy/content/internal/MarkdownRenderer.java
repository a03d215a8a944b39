package org.lepha.academy.content.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.util.HtmlUtils;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import org.lepha.academy.content.CalloutMarkers;

/**
 * Renders lesson Markdown to HTML that is safe to put in a page: CommonMark with tables,
 * callouts as {@code <aside>}, images from the module's media (lazy-loaded),
 * {@code lesson:} links to the reader, and everything passed through the OWASP sanitizer,
 * so that no script, event handler, {@code javascript:} URL or frame can survive,
 * whatever an author or translator wrote.
 */
public final class MarkdownRenderer {

	private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "h2", "h3", "h4", "h5", "h6", "strong", "em", "ul", "ol", "li", "br", "hr", "code", "pre",
				"blockquote", "table", "thead", "tbody", "tr", "th", "td", "a", "img", "aside")
		.allowAttributes("align")
		.onElements("th", "td")
		.allowAttributes("href")
		.onElements("a")
		.allowAttributes("src", "alt", "loading")
		.onElements("img")
		.allowAttributes("class")
		.matching(false, Set.of("callout", "callout-keyfact", "callout-warning", "callout-field"))
		.onElements("aside")
		.allowAttributes("data-callout")
		.matching(false, Set.of("keyfact", "warning", "field"))
		.onElements("aside")
		.allowAttributes("role")
		.matching(false, Set.of("note"))
		.onElements("aside")
		.allowUrlProtocols("https")
		.requireRelNofollowOnLinks()
		.toFactory();

	private static final java.util.regex.Pattern LESSON_ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	private MarkdownRenderer() {
	}

	/**
	 * @param mediaUrlPrefix where the module's media are served, e.g.
	 * {@code /content-media/<module>/}
	 * @param lessonUrlPrefix where {@code lesson:<id>} links point, e.g.
	 * {@code /learn/<module>/}
	 */
	public static String render(String markdown, String mediaUrlPrefix, String lessonUrlPrefix) {
		Node document = markdown.length() > MarkdownChecks.MAX_LENGTH ? null : PARSER.parse(markdown);
		if (document == null || MarkdownChecks.deeperThan(document, MarkdownChecks.MAX_DEPTH)) {
			// The renderer walks the tree recursively; what the checks refuse is shown as
			// plain, escaped text instead of risking the page.
			return "<p>" + HtmlUtils.htmlEscape(markdown.length() > 200 ? markdown.substring(0, 200) + "…" : markdown)
					+ "</p>";
		}
		HtmlRenderer renderer = HtmlRenderer.builder()
			.extensions(List.of(TablesExtension.create()))
			.escapeHtml(true)
			.sanitizeUrls(true)
			.nodeRendererFactory(CalloutRenderer::new)
			.attributeProviderFactory((context) -> (node, tag, attributes) -> {
				if (node instanceof Image image) {
					String src = image.getDestination();
					if (src.startsWith("media/")) {
						attributes.put("src", mediaUrlPrefix + src.substring("media/".length()));
					}
					attributes.put("loading", "lazy");
				}
				if (node instanceof Link link && link.getDestination().startsWith("lesson:")) {
					String lesson = link.getDestination().substring("lesson:".length());
					if (LESSON_ID.matcher(lesson).matches()) {
						attributes.put("href", lessonUrlPrefix + lesson);
					}
					else {
						attributes.remove("href");
					}
				}
			})
			.build();
		return sanitize(renderer.render(document));
	}

	/**
	 * The OWASP sanitizer pass; public so tests can show that hostile HTML does not
	 * survive.
	 */
	public static String sanitize(String html) {
		return POLICY.sanitize(html);
	}

	/** Renders {@code > [!KEYFACT] ...} block quotes as labelled asides. */
	private static final class CalloutRenderer implements NodeRenderer {

		private final HtmlNodeRendererContext context;

		private final HtmlWriter html;

		CalloutRenderer(HtmlNodeRendererContext context) {
			this.context = context;
			this.html = context.getWriter();
		}

		@Override
		public Set<Class<? extends Node>> getNodeTypes() {
			return Set.of(BlockQuote.class);
		}

		@Override
		public void render(Node node) {
			String type = calloutType(node);
			if (type == null) {
				html.line();
				html.tag("blockquote");
				renderChildren(node);
				html.tag("/blockquote");
				html.line();
				return;
			}
			html.line();
			html.tag("aside", Map.of("class", "callout callout-" + type, "data-callout", type, "role", "note"));
			renderChildren(node);
			html.tag("/aside");
			html.line();
		}

		/** Strips the marker and returns the callout type, or null for a plain quote. */
		private static String calloutType(Node quote) {
			return CalloutMarkers.take(quote).orElse(null);
		}

		private void renderChildren(Node parent) {
			Node child = parent.getFirstChild();
			while (child != null) {
				Node next = child.getNext();
				context.render(child);
				child = next;
			}
		}

	}

}
