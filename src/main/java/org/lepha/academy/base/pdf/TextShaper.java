package org.lepha.academy.base.pdf;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one line of text into glyph runs in visual order.
 *
 * <p>
 * ICU's {@code ArabicShaping} does not know the Persian letters (پ چ ژ ک گ ی), so Dari
 * needs a real OpenType shaper; the JDK has one (HarfBuzz behind
 * {@link Font#layoutGlyphVector}). A whole mixed line laid out right to left would
 * reverse digits and lose Latin letters, so the line is first split into bidi runs (and
 * into runs of one font), each shaped in its own direction, then the runs are put in
 * visual order.
 */
public final class TextShaper {

	private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

	/** AWT's codes for glyphs that draw nothing (e.g. for a zero-width non-joiner). */
	private static final int INVISIBLE_GLYPH = 0xFFFE;

	private TextShaper() {
	}

	/**
	 * Glyphs of one font, with x positions in layout units (1/1000 em) and, for each
	 * glyph, the characters it stands for (its cluster: two for a ligature, none for the
	 * second glyph of a character drawn with two). {@code start} is the index in the
	 * line's text of the run's first char, so callers can style runs (e.g. colour).
	 */
	public record GlyphRun(FontFace face, int[] glyphs, float[] x, float advance, String[] text, int start) {
	}

	/** A shaped line: runs left to right, total advance in layout units. */
	public record ShapedLine(String text, List<GlyphRun> runs, float advance) {

		/** The width of the line drawn at the given font size, in points. */
		public float width(float fontSize) {
			return this.advance * fontSize / FontFace.LAYOUT_SIZE;
		}

	}

	/**
	 * Shapes one line in the given base direction (the direction of the paragraph it
	 * belongs to), in the bold faces if asked.
	 */
	public static ShapedLine shape(String text, boolean rightToLeft, boolean bold) {
		boolean[] allBold = new boolean[text.length()];
		Arrays.fill(allBold, bold);
		return shape(text, rightToLeft, allBold, new int[text.length()]);
	}

	/**
	 * Shapes one line whose chars are bold where {@code bold} says so and carry the
	 * caller's {@code styles} (e.g. a colour): a line of mixed styles is reordered as one
	 * line (bidi runs across style changes), and each run of one style, font and
	 * direction is shaped on its own, so that a run has one style.
	 */
	public static ShapedLine shape(String text, boolean rightToLeft, boolean[] bold, int[] styles) {
		char[] chars = text.toCharArray();
		FontFace[] faces = faces(text, bold);
		Bidi bidi = new Bidi(text, rightToLeft ? Bidi.DIRECTION_RIGHT_TO_LEFT : Bidi.DIRECTION_LEFT_TO_RIGHT);
		List<int[]> segments = new ArrayList<>();
		for (int r = 0; r < bidi.getRunCount(); r++) {
			int start = bidi.getRunStart(r);
			int limit = bidi.getRunLimit(r);
			int level = bidi.getRunLevel(r);
			int from = start;
			for (int i = start + 1; i <= limit; i++) {
				if (i == limit || faces[i] != faces[from] || styles[i] != styles[from]) {
					segments.add(new int[] { from, i, level });
					from = i;
				}
			}
		}
		Object[] visual = segments.toArray();
		byte[] levels = new byte[visual.length];
		for (int i = 0; i < visual.length; i++) {
			levels[i] = (byte) ((int[]) visual[i])[2];
		}
		Bidi.reorderVisually(levels, 0, visual, 0, visual.length);
		List<GlyphRun> runs = new ArrayList<>();
		float advance = 0;
		for (Object o : visual) {
			int[] segment = (int[]) o;
			GlyphRun run = layout(chars, segment[0], segment[1], (segment[2] & 1) == 1, faces[segment[0]]);
			runs.add(run);
			advance += run.advance();
		}
		return new ShapedLine(text, List.copyOf(runs), advance);
	}

	private static GlyphRun layout(char[] chars, int start, int limit, boolean rtl, FontFace face) {
		int flags = rtl ? Font.LAYOUT_RIGHT_TO_LEFT : Font.LAYOUT_LEFT_TO_RIGHT;
		GlyphVector vector = face.awtFont().layoutGlyphVector(FRC, chars, start, limit, flags);
		int n = vector.getNumGlyphs();
		int[] codes = vector.getGlyphCodes(0, n, null);
		float[] positions = vector.getGlyphPositions(0, n + 1, null);
		String[] clusters = clusters(chars, start, limit, vector.getGlyphCharIndices(0, n, null));
		// The shaper draws a zero-width non-joiner as an invisible code that cannot be
		// embedded; the font's own empty glyph for it is drawn instead, so that
		// extractors
		// reading glyphs (not /ActualText) keep it: without it "گل‌چهره" reads "گلچهره".
		for (int i = 0; i < n; i++) {
			if (codes[i] >= INVISIBLE_GLYPH && face.zeroWidthNonJoiner() > 0
					&& clusters[i].equals(String.valueOf(FontFace.ZWNJ))) {
				codes[i] = face.zeroWidthNonJoiner();
			}
		}
		int visible = 0;
		for (int code : codes) {
			if (code < INVISIBLE_GLYPH) {
				visible++;
			}
		}
		int[] glyphs = new int[visible];
		float[] x = new float[visible];
		String[] text = new String[visible];
		int k = 0;
		for (int i = 0; i < n; i++) {
			if (codes[i] < INVISIBLE_GLYPH) {
				glyphs[k] = codes[i];
				x[k] = positions[2 * i];
				text[k] = clusters[i];
				k++;
			}
		}
		return new GlyphRun(face, glyphs, x, positions[2 * n], text, start);
	}

	/**
	 * The characters each glyph stands for, from the shaper's glyph-to-char indices
	 * (relative to start): a glyph covers the chars from its index up to the next index
	 * any glyph starts at, so a ligature gets all of its chars. Where several glyphs
	 * start at the same char, only the first gets it, so no char is counted twice.
	 */
	private static String[] clusters(char[] chars, int start, int limit, int[] charIndices) {
		int length = limit - start;
		boolean[] starts = new boolean[length + 1];
		for (int index : charIndices) {
			starts[index] = true;
		}
		starts[length] = true;
		boolean[] taken = new boolean[length];
		String[] clusters = new String[charIndices.length];
		for (int i = 0; i < charIndices.length; i++) {
			int from = charIndices[i];
			if (taken[from]) {
				clusters[i] = "";
				continue;
			}
			taken[from] = true;
			int to = from + 1;
			while (!starts[to]) {
				to++;
			}
			clusters[i] = new String(chars, start + from, to - from);
		}
		return clusters;
	}

	/**
	 * The font of each char: Arabic script in the Arabic font, other letters in the
	 * Latin/Cyrillic one; spaces, digits and punctuation follow their neighbours so that
	 * they do not break a run (a zero-width non-joiner must stay inside its Dari word).
	 */
	private static FontFace[] faces(String text, boolean[] bold) {
		int length = text.length();
		Boolean[] arabic = new Boolean[length];
		for (int i = 0; i < length;) {
			int cp = text.codePointAt(i);
			Character.UnicodeScript script = Character.UnicodeScript.of(cp);
			Boolean value = switch (script) {
				case ARABIC -> Boolean.TRUE;
				case COMMON, INHERITED -> null;
				default -> Boolean.FALSE;
			};
			for (int j = 0; j < Character.charCount(cp); j++) {
				arabic[i + j] = value;
			}
			i += Character.charCount(cp);
		}
		Boolean previous = null;
		for (int i = 0; i < length; i++) {
			if (arabic[i] == null) {
				arabic[i] = previous;
			}
			else {
				previous = arabic[i];
			}
		}
		Boolean next = Boolean.FALSE;
		for (int i = length - 1; i >= 0; i--) {
			if (arabic[i] == null) {
				arabic[i] = next;
			}
			else {
				next = arabic[i];
			}
		}
		FontFace[] faces = new FontFace[length];
		for (int i = 0; i < length; i++) {
			FontFace face = FontFace.of(arabic[i], bold[i]);
			// A neutral the Arabic font lacks (rare punctuation) is drawn from Noto Sans.
			if (face.isArabic() && !face.awtFont().canDisplay(text.charAt(i))) {
				face = FontFace.of(false, bold[i]);
			}
			faces[i] = face;
		}
		return faces;
	}

}
