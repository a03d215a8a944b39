package org.lepha.academy.certificates.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/**
 * A page content stream that draws shaped glyph runs. PDFBox can only show text it
 * encodes itself from characters, which loses the shaper's choice of joined forms, so
 * glyph ids are written directly; each line is wrapped in a {@code /Span} with
 * {@code /ActualText} so that copying and text extraction give back the logical text.
 */
final class GlyphWriter implements Closeable {

	private static final COSName SPAN = COSName.getPDFName("Span");

	private final PDDocument document;

	private final PDPageContentStream graphics;

	private final OutputStream raw;

	private final Map<FontFace, PDType0Font> fonts = new EnumMap<>(FontFace.class);

	private final Map<FontFace, Set<Integer>> used = new EnumMap<>(FontFace.class);

	GlyphWriter(PDDocument document, PDPage page) throws IOException {
		this.document = document;
		PDStream contents = new PDStream(document);
		page.setContents(contents);
		PDResources resources = new PDResources();
		page.setResources(resources);
		this.raw = contents.createOutputStream(COSName.FLATE_DECODE);
		// PDPageContentStream is final and cannot show glyph ids; its appearance-stream
		// constructor writes straight into a stream we own, so glyph operators can be
		// interleaved with its graphics operators, and fonts land in the page resources.
		PDAppearanceStream holder = new PDAppearanceStream(document);
		holder.setResources(resources);
		this.graphics = new PDPageContentStream(document, holder, this.raw);
	}

	/** For lines, shapes and colours. */
	PDPageContentStream graphics() {
		return this.graphics;
	}

	@Override
	public void close() throws IOException {
		this.graphics.close();
		this.raw.close();
	}

	/** Draws a shaped line with its left edge at x and baseline at y. */
	void drawLine(TextShaper.ShapedLine line, float x, float y, float fontSize) throws IOException {
		COSDictionary span = new COSDictionary();
		// The text as typed, without the invisible bidi isolates added for layout.
		span.setItem(COSName.ACTUAL_TEXT, new COSString(line.text().replaceAll("[\u2066-\u2069]", "")));
		PDPageContentStream cs = this.graphics;
		cs.beginMarkedContent(SPAN, PDPropertyList.create(span));
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
			Set<Integer> glyphs = this.used.computeIfAbsent(run.face(), (f) -> new HashSet<>());
			for (int i = 0; i < run.glyphs().length; i++) {
				int glyph = run.glyphs()[i];
				glyphs.add(glyph);
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
			font = PDType0Font.load(this.document, face.parsed(), true);
			this.fonts.put(face, font);
		}
		return font;
	}

	/** Tells each font which glyphs to keep in its subset; call before saving. */
	void finishFonts() {
		this.used.forEach((face, glyphs) -> this.fonts.get(face).addGlyphsToSubset(glyphs));
	}

}
