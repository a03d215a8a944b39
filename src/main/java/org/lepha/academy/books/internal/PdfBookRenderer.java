package org.lepha.academy.books.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.pdf.GlyphWriter;
import org.lepha.academy.base.pdf.TextShaper;
import org.lepha.academy.books.BookChapter;
import org.lepha.academy.books.BookFormat;
import org.lepha.academy.books.CourseBook;

import org.springframework.stereotype.Component;

/**
 * Course books as A4 PDF for printing. Text goes through the certificates' path
 * ({@link TextShaper}, {@link GlyphWriter}): Dari shaped by HarfBuzz and laid out right
 * to left, each line with its {@code /ActualText}, one subset per font for the whole
 * book. The book is laid out first ({@link PdfLayout}), then written: the table of
 * contents is laid out twice, once to count its pages and once with the page numbers.
 *
 * <p>
 * The bundled fonts have bold but no italic: emphasis is drawn in a different colour,
 * code in another, links in blue.
 */
@Component
class PdfBookRenderer implements BookRenderer {

	static final Color INK = new Color(0x20, 0x20, 0x20);

	static final Color NAVY = new Color(0x1F, 0x3A, 0x5F);

	static final Color MUTED = new Color(0x5A, 0x5A, 0x5A);

	/** By style value / 2: ink, emphasis, code, link, muted, heading. */
	private static final Color[] COLOURS = { INK, new Color(0x6B, 0x2F, 0x6B), new Color(0x8A, 0x3B, 0x12),
			new Color(0x1A, 0x4F, 0xB0), MUTED, NAVY };

	static Color[] colours() {
		return COLOURS.clone();
	}

	static final int EMPHASIS = 2;

	static final int CODE = 4;

	static final int LINK = 6;

	static final int GREY = 8;

	static final int HEADING = 10;

	static final float BODY = 10.5f;

	private final LocalizedFormats formats;

	PdfBookRenderer(LocalizedFormats formats) {
		this.formats = formats;
	}

	@Override
	public BookFormat format() {
		return BookFormat.PDF;
	}

	@Override
	public byte[] render(CourseBook book) {
		try {
			return write(book);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private byte[] write(CourseBook book) throws IOException {
		PdfLayout title = new PdfLayout(book.rightToLeft(), book.language(), COLOURS);
		float qrBottom = PdfBookContent.titlePage(book, title);
		PdfLayout body = new PdfLayout(book.rightToLeft(), book.language(), COLOURS);
		List<Integer> starts = new PdfBookContent(book, body, this.formats).chapters();
		// Two passes: the contents' length does not depend on the numbers (their column
		// has a fixed width), so it is laid out once to count its pages, then again.
		int front = title.pages().size();
		PdfBookContent.Toc counted = PdfBookContent.toc(book, starts, 0, this.formats);
		int offset = front + counted.layout().pages().size();
		PdfBookContent.Toc toc = PdfBookContent.toc(book, starts, offset, this.formats);
		List<List<PdfLayout.Step>> pages = new ArrayList<>(title.pages());
		pages.addAll(toc.layout().pages());
		pages.addAll(body.pages());
		try (PDDocument document = new PDDocument()) {
			document.getDocumentCatalog().setLanguage(book.languageTag());
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(book.title());
			info.setSubject(book.labels().edition());
			info.setProducer("LEPHA Academy");
			PDImageXObject qr = PDImageXObject.createFromByteArray(document, book.qrCodePng(), "qr.png");
			try (GlyphWriter out = new GlyphWriter(document, newPage(document))) {
				for (int i = 0; i < pages.size(); i++) {
					if (i > 0) {
						out.nextPage(newPage(document));
					}
					if (i == 0) {
						drawQr(out, qr, qrBottom);
					}
					else {
						header(out, book);
					}
					footer(out, book, i + 1, pages.size());
					for (PdfLayout.Step step : pages.get(i)) {
						step.draw(out, document);
					}
				}
				out.finish();
				links(document, toc, offset, front, starts);
				outline(document, book, starts, offset);
				ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
				document.save(bytes);
				return bytes.toByteArray();
			}
		}
	}

	private static PDPage newPage(PDDocument document) {
		PDPage page = new PDPage(PDRectangle.A4);
		document.addPage(page);
		return page;
	}

	/** The QR code back to the module online, under the title page's text. */
	private static void drawQr(GlyphWriter out, PDImageXObject qr, float bottom) throws IOException {
		out.graphics().drawImage(qr, PdfBookContent.qrX(), bottom, PdfBookContent.qrSize(), PdfBookContent.qrSize());
	}

	/** The module's title at the top of every page but the first, as an artifact. */
	private static void header(GlyphWriter out, CourseBook book) throws IOException {
		float size = 8.5f;
		TextShaper.ShapedLine line = TextShaper.shape(book.title(), book.rightToLeft(), false);
		float width = PdfLayout.PAGE_WIDTH - 2 * PdfLayout.MARGIN;
		float fitted = Math.min(size, size * width / Math.max(1, line.width(size)));
		float x = book.rightToLeft() ? PdfLayout.PAGE_WIDTH - PdfLayout.MARGIN - line.width(fitted) : PdfLayout.MARGIN;
		float y = PdfLayout.PAGE_HEIGHT - 48;
		out.graphics().setNonStrokingColor(MUTED);
		out.drawLine(line, x, y, fitted, true, null);
		out.graphics().setStrokingColor(MUTED);
		out.graphics().setLineWidth(0.5f);
		out.graphics().moveTo(PdfLayout.MARGIN, y - 6);
		out.graphics().lineTo(PdfLayout.PAGE_WIDTH - PdfLayout.MARGIN, y - 6);
		out.graphics().stroke();
	}

	/** "Page 3 of 40", in the book's digits, centred at the foot, as an artifact. */
	private void footer(GlyphWriter out, CourseBook book, int page, int pages) throws IOException {
		String text = pageLabel(book, page, pages, this.formats);
		TextShaper.ShapedLine line = TextShaper.shape(text, book.rightToLeft(), false);
		out.graphics().setNonStrokingColor(MUTED);
		out.drawLine(line, (PdfLayout.PAGE_WIDTH - line.width(9)) / 2, 36, 9, true, null);
	}

	static String pageLabel(CourseBook book, int page, int pages, LocalizedFormats formats) {
		return book.labels()
			.pageOf()
			.replace("{0}", formats.number(page, book.language()))
			.replace("{1}", formats.number(pages, book.language()));
	}

	/** Each entry of the contents is a link to its chapter's first page. */
	private static void links(PDDocument document, PdfBookContent.Toc toc, int offset, int front, List<Integer> starts)
			throws IOException {
		for (PdfBookContent.TocEntry entry : toc.entries()) {
			PDAnnotationLink link = new PDAnnotationLink();
			link.setRectangle(new PDRectangle(PdfLayout.MARGIN, entry.bottom(),
					PdfLayout.PAGE_WIDTH - 2 * PdfLayout.MARGIN, entry.top() - entry.bottom()));
			PDBorderStyleDictionary border = new PDBorderStyleDictionary();
			border.setWidth(0);
			link.setBorderStyle(border);
			PDPageFitWidthDestination destination = new PDPageFitWidthDestination();
			destination.setPage(document.getPage(offset + starts.get(entry.chapter())));
			PDActionGoTo action = new PDActionGoTo();
			action.setDestination(destination);
			link.setAction(action);
			document.getPage(front + entry.page()).getAnnotations().add(link);
		}
	}

	/** Bookmarks, one per chapter, for viewers' side panels. */
	private static void outline(PDDocument document, CourseBook book, List<Integer> starts, int offset) {
		PDDocumentOutline outline = new PDDocumentOutline();
		document.getDocumentCatalog().setDocumentOutline(outline);
		List<BookChapter> chapters = book.chapters();
		for (int i = 0; i < chapters.size(); i++) {
			PDOutlineItem item = new PDOutlineItem();
			item.setTitle(chapters.get(i).title());
			PDPageFitWidthDestination destination = new PDPageFitWidthDestination();
			destination.setPage(document.getPage(offset + starts.get(i)));
			item.setDestination(destination);
			outline.addLast(item);
		}
	}

}
