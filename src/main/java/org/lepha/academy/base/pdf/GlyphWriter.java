package org.lepha.academy.base.pdf;

import java.awt.Color;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.jspecify.annotations.Nullable;

/**
 * A page content stream that draws shaped glyph runs. PDFBox can only show text it
 * encodes itself from characters, which loses the shaper's choice of joined forms, so
 * glyph ids are written directly; each line is wrapped in a {@code /Span} with
 * {@code /ActualText} so that copying and text extraction give back the logical text.
 *
 * <p>
 * Extractors that ignore {@code /ActualText} (poppler's {@code pdftotext}, many search
 * engines) read each glyph through the font's {@code /ToUnicode} map instead. PDFBox
 * builds that map from the font's cmap, which knows nothing of shaped glyphs: the
 * lam-alef pair, the Persian digit four and other contextual forms had no entry, and
 * glyphs shared by two characters (Persian ۶ and Arabic ٦) got the wrong one. So the map
 * is written here from what the shaper says each glyph stands for.
 */
public final class GlyphWriter implements Closeable {

	private static final COSName SPAN = COSName.getPDFName("Span");

	private static final COSName ARTIFACT = COSName.getPDFName("Artifact");

	private final PDDocument document;

	/** One resource dictionary for every page, so each font is embedded once. */
	private final PDResources resources = new PDResources();

	private PDPageContentStream graphics;

	private OutputStream raw;

	private final Map<FontFace, PDType0Font> fonts = new EnumMap<>(FontFace.class);

	/** Per font, the text of each glyph drawn (glyph id to the chars it stands for). */
	private final Map<FontFace, Map<Integer, String>> used = new EnumMap<>(FontFace.class);

	/**
	 * Fonts are loaded into this side document so that they are subset here, before the
	 * ToUnicode map is replaced, and not again by the page's document when it is saved
	 * (which would overwrite the map). Their objects are written with the page's
	 * document; this one only holds their buffers until then.
	 */
	private final PDDocument fontDocument = new PDDocument();

	private boolean finished;

	/**
	 * Starts the content of a page; fonts are added to the page's resources as they are
	 * used.
	 */
	public GlyphWriter(PDDocument document, PDPage page) throws IOException {
		this.document = document;
		open(page);
	}

	/**
	 * Ends the current page's content and starts the next page's: pages written by one
	 * writer share their fonts (one subset per font for the whole document).
	 */
	public void nextPage(PDPage page) throws IOException {
		this.graphics.close();
		this.raw.close();
		open(page);
	}

	private void open(PDPage page) throws IOException {
		PDStream contents = new PDStream(this.document);
		page.setContents(contents);
		page.setResources(this.resources);
		this.raw = contents.createOutputStream(COSName.FLATE_DECODE);
		// PDPageContentStream is final and cannot show glyph ids; its appearance-stream
		// constructor writes straight into a stream we own, so glyph operators can be
		// interleaved with its graphics operators, and fonts land in the page resources.
		PDAppearanceStream holder = new PDAppearanceStream(this.document);
		holder.setResources(this.resources);
		// Given the font document, not the page's: setting a font registers it for
		// subsetting with the content stream's document, and the page's must not subset
		// again when saved.
		this.graphics = new PDPageContentStream(this.fontDocument, holder, this.raw);
	}

	/** For lines, shapes and colours. */
	public PDPageContentStream graphics() {
		return this.graphics;
	}

	/** Ends the page's content and completes the fonts; call before saving. */
	public void finish() throws IOException {
		this.graphics.close();
		this.raw.close();
		this.finished = true;
		for (Map.Entry<FontFace, Map<Integer, String>> entry : this.used.entrySet()) {
			PDType0Font font = this.fonts.get(entry.getKey());
			font.addGlyphsToSubset(entry.getValue().keySet());
			font.subset();
			font.getCOSObject().setItem(COSName.TO_UNICODE, toUnicode(font, entry.getValue()));
		}
	}

	/** Frees the fonts' buffers; call after the page's document has been saved. */
	@Override
	public void close() throws IOException {
		try {
			if (!this.finished) {
				this.graphics.close();
				this.raw.close();
			}
		}
		finally {
			this.fontDocument.close();
		}
	}

	/** Draws a shaped line with its left edge at x and baseline at y. */
	public void drawLine(TextShaper.ShapedLine line, float x, float y, float fontSize) throws IOException {
		drawLine(line, x, y, fontSize, false, null);
	}

	/**
	 * Draws a shaped line with its left edge at x and baseline at y, as content (a
	 * {@code /Span}) or as a pagination artifact (running header, page number: an
	 * {@code /Artifact}, which readers and extractors of the document's text may skip).
	 * {@code colourOfRun} (null: the current colour) gives each run's colour from the
	 * index of its first char in the line's text.
	 */
	public void drawLine(TextShaper.ShapedLine line, float x, float y, float fontSize, boolean artifact,
			@Nullable IntFunction<Color> colourOfRun) throws IOException {
		COSDictionary span = new COSDictionary();
		// The text as typed, without the invisible bidi isolates added for layout.
		span.setItem(COSName.ACTUAL_TEXT, new COSString(line.text().replaceAll("[\u2066-\u2069]", "")));
		PDPageContentStream cs = this.graphics;
		cs.beginMarkedContent(artifact ? ARTIFACT : SPAN, PDPropertyList.create(span));
		cs.beginText();
		float scale = fontSize / FontFace.LAYOUT_SIZE;
		float runX = x;
		// Td moves relative to the previous glyph's start: two numbers per glyph instead
		// of the six of a full text matrix.
		float lastX = 0;
		float lastY = 0;
		for (TextShaper.GlyphRun run : line.runs()) {
			PDType0Font font = font(run.face());
			cs.setFont(font, fontSize);
			if (colourOfRun != null) {
				cs.setNonStrokingColor(colourOfRun.apply(run.start()));
			}
			Map<Integer, String> glyphs = this.used.computeIfAbsent(run.face(), (f) -> new HashMap<>());
			for (int i = 0; i < run.glyphs().length; i++) {
				int glyph = run.glyphs()[i];
				// A glyph keeps the first text seen for it; an empty one (second glyph of
				// a
				// char) gives way to a real one.
				glyphs.merge(glyph, run.text()[i], (old, text) -> old.isEmpty() ? text : old);
				float glyphX = runX + run.x()[i] * scale;
				cs.newLineAtOffset(glyphX - lastX, y - lastY);
				lastX = glyphX;
				lastY = y;
				showGlyph(font.encodeGlyphId(glyph));
			}
			runX += run.advance() * scale;
		}
		cs.endText();
		cs.endMarkedContent();
	}

	private void showGlyph(byte[] code) throws IOException {
		StringBuilder hex = new StringBuilder(code.length * 2 + 2).append('<');
		for (byte b : code) {
			hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
		}
		this.raw.write(hex.append("> Tj\n").toString().getBytes(StandardCharsets.US_ASCII));
	}

	private PDType0Font font(FontFace face) throws IOException {
		PDType0Font font = this.fonts.get(face);
		if (font == null) {
			font = PDType0Font.load(this.fontDocument, face.parsed(), true);
			this.fonts.put(face, font);
		}
		return font;
	}

	/**
	 * A ToUnicode CMap with one entry per glyph drawn that stands for any text. Codes are
	 * what {@link PDType0Font#encodeGlyphId} wrote into the content, values UTF-16BE.
	 */
	private COSStream toUnicode(PDType0Font font, Map<Integer, String> glyphs) throws IOException {
		Map<String, String> entries = new TreeMap<>();
		glyphs.forEach((glyph, text) -> {
			if (!text.isEmpty()) {
				entries.put(hex(font.encodeGlyphId(glyph)), hex(text.getBytes(StandardCharsets.UTF_16BE)));
			}
		});
		StringBuilder cmap = new StringBuilder(64 + entries.size() * 16);
		cmap.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
			.append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
			.append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
			.append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
		// A bfchar block may hold at most 100 entries.
		int left = entries.size();
		int inBlock = 0;
		for (Map.Entry<String, String> entry : entries.entrySet()) {
			if (inBlock == 0) {
				cmap.append(Math.min(100, left)).append(" beginbfchar\n");
			}
			cmap.append('<').append(entry.getKey()).append("> <").append(entry.getValue()).append(">\n");
			left--;
			if (++inBlock == 100 || left == 0) {
				cmap.append("endbfchar\n");
				inBlock = 0;
			}
		}
		cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
		COSStream stream = this.document.getDocument().createCOSStream();
		try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
			out.write(cmap.toString().getBytes(StandardCharsets.US_ASCII));
		}
		return stream;
	}

	private static String hex(byte[] bytes) {
		StringBuilder hex = new StringBuilder(bytes.length * 2);
		for (byte b : bytes) {
			hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
		}
		return hex.toString().toUpperCase(Locale.ROOT);
	}

}
