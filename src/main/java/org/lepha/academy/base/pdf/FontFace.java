package org.lepha.academy.base.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The bundled OFL fonts: Noto Sans (Latin, Cyrillic) and Noto Naskh Arabic (Dari). Each
 * file is read once per JVM; the AWT font (immutable, used for shaping) is shared, the
 * FontBox parse (not thread-safe, used for subsetting) is kept per thread.
 */
public enum FontFace {

	LATIN("NotoSans-Regular.ttf"), LATIN_BOLD("NotoSans-Bold.ttf"), ARABIC("NotoNaskhArabic-Regular.ttf"),
	ARABIC_BOLD("NotoNaskhArabic-Bold.ttf");

	/** The zero-width non-joiner, which splits Dari compound words without a space. */
	public static final char ZWNJ = '\u200C';

	/** Glyphs are laid out at this size and scaled when drawn. */
	public static final float LAYOUT_SIZE = 1000f;

	private static final ThreadLocal<TrueTypeFont[]> PARSED = ThreadLocal
		.withInitial(() -> new TrueTypeFont[values().length]);

	private final byte[] bytes;

	private final Font awtFont;

	/** The font's own (empty, zero-width) glyph for the zero-width non-joiner, or 0. */
	private final int zeroWidthNonJoiner;

	FontFace(String file) {
		try (InputStream in = FontFace.class.getResourceAsStream("/certificates/fonts/" + file)) {
			if (in == null) {
				throw new IllegalStateException("font missing from the build: " + file);
			}
			this.bytes = in.readAllBytes();
			this.awtFont = Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(this.bytes))
				.deriveFont(LAYOUT_SIZE);
			this.zeroWidthNonJoiner = new TTFParser().parse(new RandomAccessReadBuffer(this.bytes))
				.getUnicodeCmapLookup()
				.getGlyphId(ZWNJ);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (FontFormatException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The font at {@link #LAYOUT_SIZE}, for shaping and measuring. */
	public Font awtFont() {
		return this.awtFont;
	}

	/** The font's own empty glyph for the zero-width non-joiner, or 0 if it has none. */
	public int zeroWidthNonJoiner() {
		return this.zeroWidthNonJoiner;
	}

	/** Whether this is one of the Arabic-script faces. */
	public boolean isArabic() {
		return this == ARABIC || this == ARABIC_BOLD;
	}

	/** The face for Arabic-script text or for Latin/Cyrillic text, regular or bold. */
	public static FontFace of(boolean arabic, boolean bold) {
		if (arabic) {
			return bold ? ARABIC_BOLD : ARABIC;
		}
		return bold ? LATIN_BOLD : LATIN;
	}

	/** This thread's parse of the font file, for embedding into a PDF. */
	public TrueTypeFont parsed() {
		TrueTypeFont[] fonts = PARSED.get();
		if (fonts[ordinal()] == null) {
			try {
				fonts[ordinal()] = new TTFParser().parse(new RandomAccessReadBuffer(this.bytes));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return fonts[ordinal()];
	}

}
