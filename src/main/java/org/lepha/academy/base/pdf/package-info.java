/**
 * PDF text that survives printing and extraction in every language: Dari shaped right to
 * left with the JDK's HarfBuzz ({@link org.lepha.academy.base.pdf.TextShaper}), glyph ids
 * written with subset fonts and a ToUnicode map built from the shaper's clusters
 * ({@link org.lepha.academy.base.pdf.GlyphWriter}), SVG drawings as vectors
 * ({@link org.lepha.academy.base.pdf.SvgDrawing}), and the bundled fonts
 * ({@link org.lepha.academy.base.pdf.FontFace}). Used by certificates, course books and
 * programme reports.
 */
@NullMarked
package org.lepha.academy.base.pdf;

import org.jspecify.annotations.NullMarked;
