package org.lepha.academy.certificates.internal;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import org.lepha.academy.base.pdf.GlyphWriter;
import org.lepha.academy.certificates.CertificateDesign;

/**
 * Draws the parts of a certificate an academy designs: its emblem and its signatories
 * (signature image, line, name, title). Names and titles go through the same shaping as
 * every other line: they are drawn as text, never interpreted.
 */
final class DesignDrawing {

	/** Printed emblem box, in points (the stored PNG is 300 dpi at this size). */
	static final float EMBLEM_SIZE = 64;

	/** Printed signature box, in points. */
	static final float SIGNATURE_WIDTH = 150;

	static final float SIGNATURE_HEIGHT = 40;

	/** Width of a signatory's line. */
	static final float LINE_WIDTH = 220;

	private DesignDrawing() {
	}

	/** The emblem centred on cx with its top at top, kept in proportion. */
	static void emblem(GlyphWriter out, PDDocument document, byte[] png, float cx, float top) throws IOException {
		PDImageXObject image = LosslessFactory.createFromImage(document, DesignImages.decode(png));
		float scale = Math.min(EMBLEM_SIZE / image.getWidth(), EMBLEM_SIZE / image.getHeight());
		float w = image.getWidth() * scale;
		float h = image.getHeight() * scale;
		out.graphics().drawImage(image, cx - w / 2, top + 6 - h, w, h);
	}

	/**
	 * The first signatory on the reading side, the second in the middle (the QR code
	 * takes the other side).
	 */
	static void signatories(GlyphWriter out, PDDocument document, List<CertificateDesign.Signatory> signatories,
			Locale locale, boolean rtl, float pageWidth, float margin, Color ink) throws IOException {
		for (int i = 0; i < signatories.size(); i++) {
			float x = i == 0 ? (rtl ? pageWidth - margin - LINE_WIDTH : margin + 20) : (pageWidth - LINE_WIDTH) / 2;
			signatory(out, document, signatories.get(i), locale, rtl, x, ink);
		}
	}

	private static void signatory(GlyphWriter out, PDDocument document, CertificateDesign.Signatory signatory,
			Locale locale, boolean rtl, float x, Color ink) throws IOException {
		if (signatory.signaturePng() != null) {
			PDImageXObject image = LosslessFactory.createFromImage(document,
					DesignImages.decode(signatory.signaturePng()));
			float scale = Math.min(SIGNATURE_WIDTH / image.getWidth(), SIGNATURE_HEIGHT / image.getHeight());
			float w = image.getWidth() * scale;
			float h = image.getHeight() * scale;
			out.graphics().drawImage(image, rtl ? x + LINE_WIDTH - w : x, 121, w, h);
		}
		out.graphics().setStrokingColor(ink);
		out.graphics().setLineWidth(0.8f);
		out.graphics().moveTo(x, 118);
		out.graphics().lineTo(x + LINE_WIDTH, 118);
		out.graphics().stroke();
		float anchor = rtl ? x + LINE_WIDTH : x;
		CertificateRenderer.aligned(out, signatory.name(), rtl, true, 12, ink, anchor, 102, rtl);
		String title = signatory.title(locale.toLanguageTag());
		if (!title.isBlank()) {
			CertificateRenderer.aligned(out, title, rtl, false, 10, ink, anchor, 88, rtl);
		}
	}

}
