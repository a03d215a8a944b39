package org.lepha.academy.books.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.pdf.Poppler;
import org.lepha.academy.books.BookBlock;
import org.lepha.academy.books.BookChapter;
import org.lepha.academy.books.BookEdition;
import org.lepha.academy.books.CourseBook;
import org.lepha.academy.books.internal.ShippedBooks.Case;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped module's PDF book in every language and both editions: within 1.5 MB;
 * every text of the book model (each paragraph, heading, list item, table cell, question,
 * source...) found whole and in order in what PDFBox extracts (the lines'
 * {@code /ActualText}, NFKC), and every word of each page read alike by poppler's
 * {@code pdftotext} (through the fonts' ToUnicode maps); page numbers in the book's
 * digits and the running header on every page; contents entries that link to the page
 * their chapter starts on and print its number; the QR code decodes to the module's
 * address; and Dari shaped, checked on a rendered page.
 */
class PdfBooksTests {

	static final int MAX_BYTES = 1536 * 1024;

	static final Path OUTPUT = Path.of("target", "pdf-books");

	static final PdfBookRenderer RENDERER = new PdfBookRenderer(new LocalizedFormats());

	static Stream<Case> books() {
		return ShippedBooks.cases().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("books")
	void theBookReadsBackAsItsSourceWithPageNumbersContentsAndQrCode(Case c) throws Exception {
		CourseBook book = ShippedBooks.BUILDER.build(c.module(), c.language(), c.edition());
		byte[] pdf = RENDERER.render(book);
		assertThat(pdf.length).as("size of %s", c).isLessThanOrEqualTo(MAX_BYTES);
		Path file = OUTPUT.resolve(c.module().id() + "-" + c.language().toLanguageTag() + "-" + c.edition() + ".pdf");
		Files.createDirectories(OUTPUT);
		Files.write(file, pdf);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo(book.languageTag());
			List<PageText> pages = new ArrayList<>();
			for (PDPage page : document.getPages()) {
				pages.add(PageText.of(page));
			}

			// Every text of the model, whole and in order.
			// Lines keep their end spaces, so they are joined as they are, across pages
			// too.
			String content = normalize(String.join("", pages.stream().flatMap((p) -> p.spans().stream()).toList()));
			int from = 0;
			for (String expected : expectedTexts(book)) {
				int at = content.indexOf(expected, from);
				assertThat(at)
					.as("\"%s\" in %s (first found at %d), in the extracted text after: %s", expected, c,
							content.indexOf(expected), content.substring(from, Math.min(content.length(), from + 300)))
					.isGreaterThanOrEqualTo(0);
				from = at + expected.length();
			}
			boolean trainer = c.edition() == BookEdition.TRAINER;
			assertThat(content.contains(normalize(book.labels().answerKey()))).as("answer key in %s", c)
				.isEqualTo(trainer);

			// Page numbers in the book's digits, and the running header but on the cover.
			for (int i = 0; i < pages.size(); i++) {
				assertThat(pages.get(i).artifacts())
					.contains(normalize(PdfBookRenderer.pageLabel(book, i + 1, pages.size(), new LocalizedFormats())));
				if (i > 0) {
					assertThat(pages.get(i).artifacts()).contains(normalize(book.title()));
				}
			}
			if (c.language().toLanguageTag().equals("fa-AF")) {
				String last = normalize(
						PdfBookRenderer.pageLabel(book, pages.size(), pages.size(), new LocalizedFormats()));
				assertThat(last).containsPattern("[۰-۹]").doesNotContainPattern("[0-9]");
				assertThat(pages.get(pages.size() - 1).artifacts()).contains(last);
			}

			contentsLinkToTheirChapters(document, book, pages, c);
			popplerReadsTheSameWords(file, pages, c);
			assertThat(qrCode(document)).isEqualTo(book.onlineUrl());
		}
	}

	/**
	 * Each contents entry is a link to the page its chapter starts on, and the entry
	 * prints that page's number; the links come in the chapters' order.
	 */
	private static void contentsLinkToTheirChapters(PDDocument document, CourseBook book, List<PageText> pages, Case c)
			throws IOException {
		List<Integer> targets = new ArrayList<>();
		List<Integer> linkPages = new ArrayList<>();
		for (int i = 0; i < document.getNumberOfPages(); i++) {
			for (PDAnnotation annotation : document.getPage(i).getAnnotations()) {
				if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionGoTo goTo
						&& goTo.getDestination() instanceof PDPageDestination destination) {
					targets.add(destination.retrievePageNumber());
					linkPages.add(i);
				}
			}
		}
		List<BookChapter> chapters = book.chapters();
		assertThat(targets).as("contents links of %s", c).hasSameSizeAs(chapters).isSorted();
		LocalizedFormats formats = new LocalizedFormats();
		for (int k = 0; k < chapters.size(); k++) {
			int target = targets.get(k);
			assertThat(pages.get(target).content()).as("page %d, where contents entry %d points", target + 1, k + 1)
				.startsWith(normalize(chapters.get(k).title()));
			String number = normalize(formats.number(target + 1, book.language()));
			assertThat(pages.get(linkPages.get(k)).spans()).as("contents entry %d of %s", k + 1, c).contains(number);
		}
	}

	/**
	 * pdftotext reads every glyph through the fonts' ToUnicode maps: each page must give
	 * the same letters and digits as PDFBox's {@code /ActualText}, each as often. They
	 * are compared one by one, not as words: pdftotext guesses word boundaries from the
	 * gaps between glyphs and its order of right-to-left lines by its own rule (see
	 * CertificateTextExtractionTests), and with the real Dari text it splits a word
	 * before a final alef carrying a tanween (تقریباً read as «تقریب اً», مثلاً as «مث
	 * لاً») and joins a few Cyrillic words across a gap. A glyph with a missing or wrong
	 * ToUnicode entry, which this check is for (the Persian ۴, the lam-alef), still shows
	 * as a difference.
	 */
	private static void popplerReadsTheSameWords(Path file, List<PageText> pages, Case c) throws Exception {
		List<String> poppler = Poppler.pages(file);
		assertThat(poppler).as("pages read by pdftotext in %s", c).hasSameSizeAs(pages);
		for (int i = 0; i < pages.size(); i++) {
			String pdfbox = String.join("\n", pages.get(i).spans().stream().map(String::strip).toList()) + "\n"
					+ String.join("\n", pages.get(i).artifacts());
			Map<String, Integer> read = letters(poppler.get(i));
			Map<String, Integer> written = letters(pdfbox);
			Map<String, String> differences = new TreeMap<>();
			for (String letter : union(read.keySet(), written.keySet())) {
				if (!Objects.equals(read.get(letter), written.get(letter))) {
					differences.put(letter,
							read.get(letter) + " read by pdftotext, " + written.get(letter) + " by PDFBox");
				}
			}
			assertThat(differences).as("letters of page %d of %s", i + 1, c).isEmpty();
		}
	}

	/**
	 * Letters and digits (with the non-joiner) and how often each occurs. Marks are left
	 * out: pdftotext puts a mark drawn over a final letter (the hamza of "صفحهٔ") before
	 * or after it as it pleases.
	 */
	private static Map<String, Integer> letters(String text) {
		Map<String, Integer> letters = new TreeMap<>();
		text.codePoints()
			.filter((ch) -> Character.getType(ch) != Character.NON_SPACING_MARK)
			.filter((ch) -> ch == '\u200C' || Character.isLetterOrDigit(ch))
			.forEach((ch) -> letters.merge(Character.toString(ch), 1, Integer::sum));
		return letters;
	}

	private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
		java.util.Set<String> all = new java.util.TreeSet<>(a);
		all.addAll(b);
		return List.copyOf(all);
	}

	private static String qrCode(PDDocument document) throws Exception {
		BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150);
		return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
			.getText();
	}

	/**
	 * Dari is shaped: a Dari word of the book's notice, drawn as the book's title, is
	 * narrower on the rendered page than the same letters kept apart (isolated forms, as
	 * ICU's ArabicShaping leaves پ چ ژ ک گ ی), and the two renderings differ.
	 */
	@Test
	void dariWordsAreDrawnJoinedOnTheRenderedPage() throws Exception {
		Case c = new Case(ShippedBooks.CONTENT.modules().get(0), Locale.forLanguageTag("fa-AF"), BookEdition.CADET);
		CourseBook book = ShippedBooks.BUILDER.build(c.module(), c.language(), c.edition());
		String word = Stream.of(book.notice().split("[\\s\\p{Punct}،؛]+"))
			.filter((w) -> w.matches("[\\u0620-\\u064A\\u067E\\u0686\\u0698\\u06A9\\u06AF\\u06CC]{4,}"))
			.filter((w) -> w.matches(".*[پچژکگی].*"))
			.findFirst()
			.orElseThrow();
		String isolated = String.join("\u200C", word.split(""));
		TitleInk joined = titleInk(book, word);
		TitleInk apart = titleInk(book, isolated);
		assertThat(joined.text()).isEqualTo(word);
		assertThat(joined.width()).as("width of %s joined vs apart", word).isLessThan(apart.width());
		assertThat(joined.pixels()).isNotEqualTo(apart.pixels());
	}

	private record TitleInk(String text, int width, String pixels) {
	}

	/** Renders the book's cover with the given title and measures the title's ink. */
	private static TitleInk titleInk(CourseBook book, String title) throws IOException {
		CourseBook variant = new CourseBook(book.moduleId(), book.moduleVersion(), book.language(), book.rightToLeft(),
				title, book.summary(), book.edition(), book.onlineUrl(), book.qrCodePng(), book.notice(), book.labels(),
				book.chapters());
		try (PDDocument document = Loader.loadPDF(RENDERER.render(variant))) {
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 100);
			// The title is the first ink from the top of the cover (no running header).
			int top = 0;
			while (top < page.getHeight() && blank(page, top)) {
				top++;
			}
			int bottom = top;
			while (bottom < page.getHeight() && !blank(page, bottom)) {
				bottom++;
			}
			int left = page.getWidth();
			int right = 0;
			StringBuilder pixels = new StringBuilder();
			for (int y = top; y < bottom; y++) {
				for (int x = 0; x < page.getWidth(); x++) {
					boolean ink = dark(page.getRGB(x, y));
					pixels.append(ink ? '#' : '.');
					if (ink) {
						left = Math.min(left, x);
						right = Math.max(right, x);
					}
				}
			}
			String text = PageText.of(document.getPage(0)).spans().get(0);
			return new TitleInk(text, right - left, pixels.toString());
		}
	}

	private static boolean blank(BufferedImage image, int y) {
		for (int x = 0; x < image.getWidth(); x++) {
			if (dark(image.getRGB(x, y))) {
				return false;
			}
		}
		return true;
	}

	private static boolean dark(int rgb) {
		return ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 600;
	}

	/** A page's text as PDFBox reads it: content lines and pagination artifacts apart. */
	record PageText(List<String> spans, List<String> artifacts) {

		static PageText of(PDPage page) throws IOException {
			PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
			extractor.processPage(page);
			List<String> spans = new ArrayList<>();
			List<String> artifacts = new ArrayList<>();
			for (PDMarkedContent content : extractor.getMarkedContents()) {
				if (content.getActualText() == null) {
					continue;
				}
				String text = Normalizer.normalize(content.getActualText(), Normalizer.Form.NFKC);
				("Artifact".equals(content.getTag()) ? artifacts : spans).add(text);
			}
			return new PageText(spans, artifacts.stream().map(PdfBooksTests::normalize).toList());
		}

		/** The content lines one after the other (each line keeps its end spaces). */
		String content() {
			return normalize(String.join("", this.spans));
		}

	}

	/** NFKC, whitespace runs as one space: line breaks inside a paragraph disappear. */
	static String normalize(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC)
			.replaceAll("[\u2066-\u2069]", "")
			.replaceAll("\\s+", " ")
			.strip();
	}

	/** Every text of the book, in the order it is printed. */
	static List<String> expectedTexts(CourseBook book) {
		List<String> texts = new ArrayList<>();
		texts.add(book.title());
		texts.add(book.summary());
		texts.add(book.labels().edition());
		texts.add(book.notice());
		texts.add(book.labels().scanToOpen());
		texts.add(book.onlineUrl());
		texts.add(book.labels().contents());
		book.chapters().forEach((chapter) -> texts.add(chapter.title()));
		for (BookChapter chapter : book.chapters()) {
			texts.add(chapter.title());
			blocks(chapter.blocks(), texts);
		}
		return texts.stream().map(PdfBooksTests::normalize).filter((t) -> !t.isEmpty()).toList();
	}

	private static void blocks(List<BookBlock> blocks, List<String> texts) {
		for (BookBlock block : blocks) {
			switch (block) {
				case BookBlock.Heading h -> texts.add(h.text());
				case BookBlock.Paragraph p -> texts.add(p.plainText());
				case BookBlock.BulletList l -> l.items().forEach((item) -> blocks(item.blocks(), texts));
				case BookBlock.NumberedList l -> l.items().forEach((item) -> blocks(item.blocks(), texts));
				case BookBlock.Callout callout -> {
					texts.add(callout.title());
					blocks(callout.blocks(), texts);
				}
				case BookBlock.Table table -> {
					table.header().forEach((cell) -> texts.add(plain(cell)));
					table.rows().forEach((row) -> row.forEach((cell) -> texts.add(plain(cell))));
				}
				case BookBlock.Image image -> {
					if (image.caption() != null) {
						texts.add(image.caption());
					}
				}
				case BookBlock.SourceList list -> {
					texts.add(list.title());
					for (BookBlock.BookSource source : list.sources()) {
						texts.add(source.text());
						if (source.url() != null) {
							texts.add(source.url());
						}
					}
				}
				case BookBlock.ScenarioExercise exercise -> {
					if (exercise.summary() != null) {
						texts.add(exercise.summary());
					}
					for (BookBlock.Situation situation : exercise.situations()) {
						blocks(situation.text(), texts);
						if (situation.image() != null) {
							blocks(List.of(situation.image()), texts);
						}
						situation.choices().forEach((choice) -> texts.add(choice.text()));
					}
					for (BookBlock.Outcome outcome : exercise.outcomes()) {
						texts.add(outcome.title());
						blocks(outcome.text(), texts);
					}
				}
				case BookBlock.SelfCheck check -> {
					for (BookBlock.SelfCheckQuestion question : check.questions()) {
						texts.add(question.text());
						if (question.hint() != null) {
							texts.add(question.hint());
						}
						texts.addAll(question.options());
						texts.addAll(question.matches());
					}
				}
				case BookBlock.AnswerKey key -> {
					for (BookBlock.Answer answer : key.answers()) {
						texts.add(answer.answer());
						texts.add(answer.explanation());
					}
					for (BookBlock.Debrief debrief : key.debriefs()) {
						texts.add(debrief.scenarioTitle());
						for (BookBlock.OutcomeDebrief outcome : debrief.outcomes()) {
							texts.add(outcome.title());
							texts.add(outcome.rating());
							blocks(outcome.debrief(), texts);
						}
						for (BookBlock.Discussion discussion : debrief.discussions()) {
							blocks(discussion.prompt(), texts);
						}
					}
				}
			}
		}
	}

	private static String plain(List<BookBlock.Inline> cell) {
		return new BookBlock.Paragraph(cell).plainText();
	}

}
