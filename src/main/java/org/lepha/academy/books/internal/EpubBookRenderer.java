package org.lepha.academy.books.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.lepha.academy.base.text.XmlText;
import org.lepha.academy.books.BookBlock;
import org.lepha.academy.books.BookBlock.Inline;
import org.lepha.academy.books.BookChapter;
import org.lepha.academy.books.BookFormat;
import org.lepha.academy.books.BookLabels;
import org.lepha.academy.books.CourseBook;

import org.springframework.stereotype.Component;

/**
 * Writes a course book as EPUB 3 (decision 0012): the {@code mimetype} entry first and
 * stored, {@code META-INF/container.xml}, a package document with language, identifier
 * and modification date, a navigation document, one XHTML page per chapter with
 * {@code lang}, {@code xml:lang} and {@code dir}, a style sheet, the images (SVG diagrams
 * as they are: SVG is an EPUB core media type) and the QR code. Dari books embed Noto
 * Naskh Arabic (SIL Open Font Licence, which allows embedding; its licence travels in the
 * book), because many phones lack a Naskh font with the Persian letters; English and
 * Russian use the reader's fonts, since Noto Sans alone would exceed the size budget.
 */
@Component
class EpubBookRenderer implements BookRenderer {

	static final String NASKH = "NotoNaskhArabic-Regular.ttf";

	private static final String FONTS = "/certificates/fonts/";

	/** DOS time of every entry, so the same book gives the same bytes. */
	private static final long ENTRY_TIME = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

	private final Clock clock;

	EpubBookRenderer(Clock clock) {
		this.clock = clock;
	}

	@Override
	public BookFormat format() {
		return BookFormat.EPUB;
	}

	@Override
	public byte[] render(CourseBook book) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		List<ManifestItem> manifest = new ArrayList<>();
		List<String> spine = new ArrayList<>();
		Images images = new Images();
		boolean embedFont = book.rightToLeft();

		files.put("OEBPS/style.css", css(embedFont).getBytes(StandardCharsets.UTF_8));
		manifest.add(new ManifestItem("css", "style.css", "text/css", null));
		if (embedFont) {
			files.put("OEBPS/fonts/" + NASKH, resource(FONTS + NASKH));
			manifest.add(new ManifestItem("font-naskh", "fonts/" + NASKH, "font/ttf", null));
		}
		files.put("OEBPS/images/qr-code.png", book.qrCodePng());
		manifest.add(new ManifestItem("qr-code", "images/qr-code.png", "image/png", null));

		files.put("OEBPS/title.xhtml", page(book, book.title(), titlePage(book)));
		manifest.add(new ManifestItem("title", "title.xhtml", "application/xhtml+xml", null));
		spine.add("title");
		files.put("OEBPS/nav.xhtml", page(book, book.labels().contents(), nav(book, embedFont)));
		manifest.add(new ManifestItem("nav", "nav.xhtml", "application/xhtml+xml", "nav"));
		spine.add("nav");
		for (BookChapter chapter : book.chapters()) {
			StringBuilder body = new StringBuilder();
			new ChapterWriter(body, book.labels(), images, chapter.kind()).chapter(chapter);
			files.put("OEBPS/" + chapter.id() + ".xhtml", page(book, chapter.title(), body.toString()));
			manifest.add(new ManifestItem(chapter.id(), chapter.id() + ".xhtml", "application/xhtml+xml", null));
			spine.add(chapter.id());
		}
		if (embedFont) {
			files.put("OEBPS/font-licence.xhtml", fontLicence(book));
			manifest.add(new ManifestItem("font-licence", "font-licence.xhtml", "application/xhtml+xml", null));
			spine.add("font-licence");
		}
		images.all().forEach((name, image) -> {
			files.put("OEBPS/images/" + name, image.bytes());
			manifest.add(new ManifestItem("img-" + name.replaceAll("[^A-Za-z0-9-]", "-"), "images/" + name,
					image.mediaType(), null));
		});
		files.put("OEBPS/content.opf", opf(book, manifest, spine).getBytes(StandardCharsets.UTF_8));
		return zip(files);
	}

	private String opf(CourseBook book, List<ManifestItem> manifest, List<String> spine) {
		String lang = XmlText.escape(book.languageTag());
		String identifier = UUID
			.nameUUIDFromBytes(
					(book.moduleId() + "/" + book.moduleVersion() + "/" + book.languageTag() + "/" + book.edition())
						.getBytes(StandardCharsets.UTF_8))
			.toString();
		StringBuilder opf = new StringBuilder();
		opf.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"book-id\"")
			.append(" xml:lang=\"")
			.append(lang)
			.append("\" dir=\"")
			.append(book.rightToLeft() ? "rtl" : "ltr")
			.append("\">\n")
			.append("<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
			.append("<dc:identifier id=\"book-id\">urn:uuid:")
			.append(identifier)
			.append("</dc:identifier>\n")
			.append("<dc:title>")
			.append(XmlText.escape(book.title()))
			.append("</dc:title>\n")
			.append("<dc:language>")
			.append(lang)
			.append("</dc:language>\n")
			.append("<dc:description>")
			.append(XmlText.escape(book.summary()))
			.append("</dc:description>\n")
			.append("<dc:source>")
			.append(XmlText.escape(book.onlineUrl()))
			.append("</dc:source>\n")
			.append("<meta property=\"dcterms:modified\">")
			.append(Instant.now(this.clock).truncatedTo(ChronoUnit.SECONDS))
			.append("</meta>\n")
			.append("</metadata>\n<manifest>\n");
		for (ManifestItem item : manifest) {
			opf.append("<item id=\"")
				.append(XmlText.escape(item.id()))
				.append("\" href=\"")
				.append(XmlText.escape(item.href()))
				.append("\" media-type=\"")
				.append(item.mediaType())
				.append('"');
			if (item.properties() != null) {
				opf.append(" properties=\"").append(item.properties()).append('"');
			}
			opf.append("/>\n");
		}
		opf.append("</manifest>\n<spine");
		if (book.rightToLeft()) {
			opf.append(" page-progression-direction=\"rtl\"");
		}
		opf.append(">\n");
		spine.forEach((id) -> opf.append("<itemref idref=\"").append(XmlText.escape(id)).append("\"/>\n"));
		return opf.append("</spine>\n</package>\n").toString();
	}

	private static byte[] page(CourseBook book, String title, String body) {
		String lang = XmlText.escape(book.languageTag());
		return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
				+ "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\""
				+ lang + "\" xml:lang=\"" + lang + "\" dir=\"" + (book.rightToLeft() ? "rtl" : "ltr") + "\">\n"
				+ "<head>\n<meta charset=\"UTF-8\"/>\n<title>" + XmlText.escape(title) + "</title>\n"
				+ "<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n<body>\n" + body
				+ "</body>\n</html>\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static String titlePage(CourseBook book) {
		BookLabels labels = book.labels();
		String url = XmlText.escape(book.onlineUrl());
		return "<section class=\"title-page\" epub:type=\"titlepage\">\n<h1>" + XmlText.escape(book.title())
				+ "</h1>\n<p class=\"summary\">" + XmlText.escape(book.summary()) + "</p>\n<p class=\"edition\">"
				+ XmlText.escape(labels.edition()) + "</p>\n<aside class=\"notice\" role=\"note\"><p>"
				+ XmlText.escape(book.notice())
				+ "</p></aside>\n<figure class=\"qr-code\"><img src=\"images/qr-code.png\" alt=\""
				+ XmlText.escape(labels.scanToOpen()) + "\"/>\n<figcaption>" + XmlText.escape(labels.scanToOpen())
				+ "<br/><a href=\"" + url + "\" dir=\"ltr\">" + url + "</a></figcaption></figure>\n</section>\n";
	}

	private static String nav(CourseBook book, boolean fontLicence) {
		StringBuilder nav = new StringBuilder("<nav epub:type=\"toc\" id=\"toc\">\n<h1>")
			.append(XmlText.escape(book.labels().contents()))
			.append("</h1>\n<ol>\n<li><a href=\"title.xhtml\">")
			.append(XmlText.escape(book.title()))
			.append("</a></li>\n");
		for (BookChapter chapter : book.chapters()) {
			nav.append("<li><a href=\"")
				.append(chapter.id())
				.append(".xhtml\">")
				.append(XmlText.escape(chapter.title()))
				.append("</a></li>\n");
		}
		if (fontLicence) {
			nav.append(
					"<li><a href=\"font-licence.xhtml\" lang=\"en\" xml:lang=\"en\" dir=\"ltr\">Font licence</a></li>\n");
		}
		return nav.append("</ol>\n</nav>\n").toString();
	}

	/**
	 * The OFL requires the copyright notice and the licence to accompany the font; they
	 * are legal text in English, marked as such.
	 */
	private static byte[] fontLicence(CourseBook book) {
		String licence = new String(resource(FONTS + "LICENSE-OFL.txt"), StandardCharsets.UTF_8);
		return page(book, "Font licence",
				"<section lang=\"en\" xml:lang=\"en\" dir=\"ltr\">\n<h1>Font licence</h1>\n<p>Noto Naskh Arabic. "
						+ "Copyright 2022 The Noto Project Authors.</p>\n<pre>" + XmlText.escape(licence)
						+ "</pre>\n</section>\n");
	}

	private static String css(boolean naskh) {
		StringBuilder css = new StringBuilder();
		if (naskh) {
			css.append("@font-face { font-family: \"Noto Naskh Arabic\"; src: url(\"fonts/")
				.append(NASKH)
				.append("\"); }\n")
				.append("body { font-family: \"Noto Naskh Arabic\", serif; line-height: 1.8; }\n");
		}
		else {
			css.append("body { font-family: sans-serif; line-height: 1.5; }\n");
		}
		css.append("""
				h1 { font-size: 1.5em; margin: 0.5em 0; }
				h2 { font-size: 1.25em; margin: 1em 0 0.4em; }
				h3, h4, h5, h6 { font-size: 1.05em; margin: 0.8em 0 0.3em; }
				figure { margin: 1em 0; text-align: center; }
				figure img { max-width: 100%; }
				figcaption { font-size: 0.9em; }
				.qr-code img { width: 8em; height: 8em; }
				.notice, .callout { border: 1px solid #888; padding: 0.3em 0.8em; margin: 1em 0; }
				.callout-warning { border-color: #b00; }
				.callout-keyfact { border-color: #036; }
				.callout-field { border-color: #060; }
				.callout-title { font-weight: bold; margin: 0.3em 0; }
				table { border-collapse: collapse; margin: 1em 0; }
				th, td { border: 1px solid #888; padding: 0.2em 0.4em; vertical-align: top; }
				.align-center { text-align: center; }
				.align-right { text-align: right; }
				.align-left { text-align: left; }
				.choices, .options, .matches, .sources ul { list-style: none; padding-inline-start: 1em; }
				.label { font-weight: bold; }
				.hint, .explanation { font-style: italic; }
				pre { white-space: pre-wrap; font-size: 0.8em; }
				""");
		return css.toString();
	}

	private static byte[] resource(String path) {
		try (InputStream in = EpubBookRenderer.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] zip(Map<String, byte[]> files) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			byte[] mimetype = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
			ZipEntry first = new ZipEntry("mimetype");
			first.setMethod(ZipEntry.STORED);
			first.setSize(mimetype.length);
			first.setCompressedSize(mimetype.length);
			CRC32 crc = new CRC32();
			crc.update(mimetype);
			first.setCrc(crc.getValue());
			first.setTime(ENTRY_TIME);
			zip.putNextEntry(first);
			zip.write(mimetype);
			zip.closeEntry();
			put(zip, "META-INF/container.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
					+ "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
					+ "<rootfiles><rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/>"
					+ "</rootfiles>\n</container>\n")
				.getBytes(StandardCharsets.UTF_8));
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				put(zip, file.getKey(), file.getValue());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
		ZipEntry entry = new ZipEntry(name);
		entry.setTime(ENTRY_TIME);
		zip.putNextEntry(entry);
		zip.write(content);
		zip.closeEntry();
	}

	private record ManifestItem(String id, String href, String mediaType, String properties) {
	}

	/** The images a book uses, each stored once under its file name. */
	static final class Images {

		private final Map<String, BookBlock.Image> byName = new LinkedHashMap<>();

		String add(BookBlock.Image image) {
			String name = image.fileName().replaceAll("[^A-Za-z0-9._-]", "-");
			this.byName.putIfAbsent(name, image);
			return "images/" + name;
		}

		Map<String, BookBlock.Image> all() {
			return this.byName;
		}

	}

	/** Writes the blocks of one chapter as XHTML. */
	private static final class ChapterWriter {

		private final StringBuilder out;

		private final BookLabels labels;

		private final Images images;

		private final BookChapter.Kind kind;

		ChapterWriter(StringBuilder out, BookLabels labels, Images images, BookChapter.Kind kind) {
			this.out = out;
			this.labels = labels;
			this.images = images;
			this.kind = kind;
		}

		void chapter(BookChapter chapter) {
			this.out.append("<section epub:type=\"chapter\" class=\"")
				.append(chapter.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
				.append("\">\n<h1>")
				.append(XmlText.escape(chapter.title()))
				.append("</h1>\n");
			blocks(chapter.blocks(), 0);
			this.out.append("</section>\n");
		}

		private void blocks(List<BookBlock> blocks, int headingShift) {
			blocks.forEach((block) -> block(block, headingShift));
		}

		private void block(BookBlock block, int headingShift) {
			switch (block) {
				case BookBlock.Heading heading -> heading(heading.level() + headingShift, heading.text());
				case BookBlock.Paragraph paragraph -> {
					this.out.append("<p>");
					inlines(paragraph.inlines());
					this.out.append("</p>\n");
				}
				case BookBlock.BulletList list -> {
					this.out.append("<ul>\n");
					list.items().forEach(this::item);
					this.out.append("</ul>\n");
				}
				case BookBlock.NumberedList list -> {
					this.out.append(list.start() == 1 ? "<ol>\n" : "<ol start=\"" + list.start() + "\">\n");
					list.items().forEach(this::item);
					this.out.append("</ol>\n");
				}
				case BookBlock.Callout callout -> callout(callout, headingShift);
				case BookBlock.Table table -> table(table);
				case BookBlock.Image image -> image(image);
				case BookBlock.SourceList sources -> sources(sources);
				case BookBlock.ScenarioExercise exercise -> scenario(exercise);
				case BookBlock.SelfCheck selfCheck -> selfCheck(selfCheck);
				case BookBlock.AnswerKey key -> answerKey(key);
			}
		}

		private void heading(int level, String text) {
			int h = Math.min(Math.max(level, 2), 6);
			this.out.append("<h")
				.append(h)
				.append('>')
				.append(XmlText.escape(text))
				.append("</h")
				.append(h)
				.append(">\n");
		}

		private void item(BookBlock.ListItem item) {
			this.out.append("<li>");
			// A tight list item of one paragraph is written without the <p>, as lists
			// read.
			if (item.blocks().size() == 1 && item.blocks().getFirst() instanceof BookBlock.Paragraph paragraph) {
				inlines(paragraph.inlines());
			}
			else {
				blocks(item.blocks(), 0);
			}
			this.out.append("</li>\n");
		}

		private void callout(BookBlock.Callout callout, int headingShift) {
			if (callout.kind() == BookBlock.CalloutKind.NOTE) {
				this.out.append("<blockquote>\n");
				blocks(callout.blocks(), headingShift);
				this.out.append("</blockquote>\n");
				return;
			}
			this.out.append("<aside class=\"callout callout-")
				.append(callout.kind().name().toLowerCase(Locale.ROOT))
				.append("\" role=\"note\">\n<p class=\"callout-title\">")
				.append(XmlText.escape(callout.title()))
				.append("</p>\n");
			blocks(callout.blocks(), headingShift);
			this.out.append("</aside>\n");
		}

		private void table(BookBlock.Table table) {
			this.out.append("<table>\n<thead>\n<tr>");
			for (int i = 0; i < table.header().size(); i++) {
				cell("th", table, i, table.header().get(i));
			}
			this.out.append("</tr>\n</thead>\n<tbody>\n");
			for (List<List<Inline>> row : table.rows()) {
				this.out.append("<tr>");
				for (int i = 0; i < row.size(); i++) {
					cell("td", table, i, row.get(i));
				}
				this.out.append("</tr>\n");
			}
			this.out.append("</tbody>\n</table>\n");
		}

		private void cell(String tag, BookBlock.Table table, int column, List<Inline> inlines) {
			BookBlock.Alignment alignment = column < table.alignments().size() ? table.alignments().get(column)
					: BookBlock.Alignment.NONE;
			this.out.append('<').append(tag);
			if (alignment != BookBlock.Alignment.NONE) {
				this.out.append(" class=\"align-").append(alignment.name().toLowerCase(Locale.ROOT)).append('"');
			}
			this.out.append('>');
			inlines(inlines);
			this.out.append("</").append(tag).append('>');
		}

		private void image(BookBlock.Image image) {
			this.out.append("<figure>\n<img src=\"")
				.append(XmlText.escape(this.images.add(image)))
				.append("\" alt=\"")
				.append(XmlText.escape(image.alt()))
				.append("\"/>\n");
			if (image.caption() != null) {
				this.out.append("<figcaption>").append(XmlText.escape(image.caption())).append("</figcaption>\n");
			}
			this.out.append("</figure>\n");
		}

		private void sources(BookBlock.SourceList sources) {
			this.out.append("<section class=\"sources\">\n");
			if (this.kind != BookChapter.Kind.SOURCES) {
				heading(2, sources.title());
			}
			this.out.append("<ul>\n");
			for (BookBlock.BookSource source : sources.sources()) {
				// Titles are in the language of publication, whatever the book's
				// direction.
				this.out.append("<li dir=\"auto\">").append(XmlText.escape(source.text()));
				if (source.url() != null) {
					String url = XmlText.escape(source.url());
					this.out.append(" <a href=\"").append(url).append("\" dir=\"ltr\">").append(url).append("</a>");
				}
				this.out.append("</li>\n");
			}
			this.out.append("</ul>\n</section>\n");
		}

		private void scenario(BookBlock.ScenarioExercise exercise) {
			if (exercise.summary() != null) {
				this.out.append("<p class=\"summary\">").append(XmlText.escape(exercise.summary())).append("</p>\n");
			}
			for (BookBlock.Situation situation : exercise.situations()) {
				this.out.append("<section class=\"situation\" id=\"situation-")
					.append(situation.number())
					.append("\">\n");
				heading(2, numbered(this.labels.situation(), situation.number()));
				blocks(situation.text(), 1);
				if (situation.image() != null) {
					image(situation.image());
				}
				this.out.append("<ul class=\"choices\">\n");
				for (BookBlock.ScenarioChoice choice : situation.choices()) {
					this.out.append("<li><span class=\"label\">")
						.append(choice.label())
						.append(".</span> ")
						.append(XmlText.escape(choice.text()))
						.append(" (");
					String target = choice.nextSituation() > 0
							? numbered(this.labels.situation(), choice.nextSituation())
							: numbered(this.labels.outcome(), choice.nextOutcome());
					String anchor = choice.nextSituation() > 0 ? "situation-" + choice.nextSituation()
							: "outcome-" + choice.nextOutcome();
					this.out.append(XmlText.escape(this.labels.goTo().replace("{0}", "")))
						.append("<a href=\"#")
						.append(anchor)
						.append("\">")
						.append(XmlText.escape(target))
						.append("</a>)</li>\n");
				}
				this.out.append("</ul>\n</section>\n");
			}
			for (BookBlock.Outcome outcome : exercise.outcomes()) {
				this.out.append("<section class=\"outcome\" id=\"outcome-").append(outcome.number()).append("\">\n");
				heading(2, numbered(this.labels.outcome(), outcome.number()) + ": " + outcome.title());
				blocks(outcome.text(), 1);
				this.out.append("</section>\n");
			}
		}

		private void selfCheck(BookBlock.SelfCheck selfCheck) {
			for (BookBlock.SelfCheckQuestion question : selfCheck.questions()) {
				this.out.append("<div class=\"question\" id=\"question-")
					.append(question.number())
					.append("\">\n<p><span class=\"label\">")
					.append(question.number())
					.append(".</span> ")
					.append(XmlText.escape(question.text()))
					.append("</p>\n");
				if (question.hint() != null) {
					this.out.append("<p class=\"hint\">").append(XmlText.escape(question.hint())).append("</p>\n");
				}
				this.out.append("<ul class=\"options\">\n");
				for (int i = 0; i < question.options().size(); i++) {
					this.out.append("<li><span class=\"label\">")
						.append(BookBuilder.letter(i))
						.append(")</span> ")
						.append(XmlText.escape(question.options().get(i)))
						.append("</li>\n");
				}
				this.out.append("</ul>\n");
				if (!question.matches().isEmpty()) {
					this.out.append("<ul class=\"matches\">\n");
					for (int i = 0; i < question.matches().size(); i++) {
						this.out.append("<li><span class=\"label\">")
							.append(i + 1)
							.append(".</span> ")
							.append(XmlText.escape(question.matches().get(i)))
							.append("</li>\n");
					}
					this.out.append("</ul>\n");
				}
				this.out.append("</div>\n");
			}
		}

		private void answerKey(BookBlock.AnswerKey key) {
			if (!key.answers().isEmpty()) {
				heading(2, this.labels.selfCheck());
				for (BookBlock.Answer answer : key.answers()) {
					this.out.append("<div class=\"answer\">\n<p><span class=\"label\">")
						.append(answer.questionNumber())
						.append(".</span> ")
						.append(XmlText.escape(this.labels.answer()))
						.append(": <strong dir=\"ltr\">")
						.append(XmlText.escape(answer.answer()))
						.append("</strong></p>\n<p class=\"explanation\">")
						.append(XmlText.escape(this.labels.explanation()))
						.append(": ")
						.append(XmlText.escape(answer.explanation()))
						.append("</p>\n</div>\n");
				}
			}
			for (BookBlock.Debrief debrief : key.debriefs()) {
				heading(2, this.labels.scenario() + ": " + debrief.scenarioTitle());
				for (BookBlock.OutcomeDebrief outcome : debrief.outcomes()) {
					heading(3, numbered(this.labels.outcome(), outcome.outcomeNumber()) + ": " + outcome.title() + " ("
							+ outcome.rating() + ")");
					this.out.append("<p class=\"label\">")
						.append(XmlText.escape(this.labels.debrief()))
						.append("</p>\n");
					blocks(outcome.debrief(), 2);
				}
				if (!debrief.discussions().isEmpty()) {
					heading(3, this.labels.discussion());
					for (BookBlock.Discussion discussion : debrief.discussions()) {
						heading(4, numbered(this.labels.situation(), discussion.situationNumber()));
						blocks(discussion.prompt(), 3);
					}
				}
			}
		}

		private void inlines(List<Inline> inlines) {
			for (Inline inline : inlines) {
				if ("\n".equals(inline.text())) {
					this.out.append("<br/>");
					continue;
				}
				StringBuilder open = new StringBuilder();
				StringBuilder close = new StringBuilder();
				if (inline.href() != null) {
					open.append("<a href=\"").append(XmlText.escape(inline.href())).append("\">");
					close.insert(0, "</a>");
				}
				if (inline.bold()) {
					open.append("<strong>");
					close.insert(0, "</strong>");
				}
				if (inline.italic()) {
					open.append("<em>");
					close.insert(0, "</em>");
				}
				if (inline.code()) {
					open.append("<code>");
					close.insert(0, "</code>");
				}
				this.out.append(open).append(XmlText.escape(inline.text())).append(close);
			}
		}

		private static String numbered(String pattern, int number) {
			return pattern.replace("{0}", Integer.toString(number));
		}

	}

}
