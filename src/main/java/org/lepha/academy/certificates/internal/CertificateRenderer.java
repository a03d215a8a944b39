package org.lepha.academy.certificates.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jspecify.annotations.Nullable;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.base.pdf.GlyphWriter;
import org.lepha.academy.base.pdf.TextShaper;
import org.lepha.academy.certificates.CertificateContent;
import org.lepha.academy.certificates.CertificateDesign;

import org.springframework.stereotype.Component;

/**
 * Draws a certificate: one A4 landscape page, text shaped with the bundled fonts (only
 * the glyphs used are embedded), layout mirrored for right-to-left languages, and a QR
 * code of the verification address drawn as vector squares.
 */
@Component
public class CertificateRenderer {

	private static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(),
			PDRectangle.A4.getWidth());

	private static final Color NAVY = new Color(0x1F, 0x3A, 0x5F);

	private static final Color GOLD = new Color(0xB8, 0x86, 0x0B);

	private static final Color INK = new Color(0x20, 0x20, 0x20);

	private static final float MARGIN = 60f;

	private final UiTranslationProvider translations;

	private final LocalizedFormats formats;

	public CertificateRenderer(UiTranslationProvider translations, LocalizedFormats formats) {
		this.translations = translations;
		this.formats = formats;
	}

	public byte[] render(CertificateContent content, Locale locale) {
		return render(content, locale, null);
	}

	/**
	 * With an academy's design: its emblem, signatories and wording replace the default
	 * ones (see {@link DesignDrawing}).
	 */
	public byte[] render(CertificateContent content, Locale locale, @Nullable CertificateDesign design) {
		boolean rtl = Languages.isRightToLeft(locale);
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(A4_LANDSCAPE);
			document.addPage(page);
			document.getDocumentCatalog().setLanguage(locale.toLanguageTag());
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(t(locale, "certificate.pdf.heading") + " " + content.serial());
			info.setProducer("LEPHA Academy");
			Calendar created = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
			created.clear();
			created.set(content.completedOn().getYear(), content.completedOn().getMonthValue() - 1,
					content.completedOn().getDayOfMonth());
			info.setCreationDate(created);
			try (GlyphWriter out = new GlyphWriter(document, page)) {
				frame(out);
				if (design != null && design.emblemPng() != null) {
					DesignDrawing.emblem(out, document, design.emblemPng(), A4_LANDSCAPE.getWidth() / 2, 535);
				}
				else {
					emblem(out, A4_LANDSCAPE.getWidth() / 2, 535);
				}
				String wording = design == null ? null : design.wording().get(locale.toLanguageTag());
				List<String> pieces = wording == null ? null : DesignWording.pieces(wording);
				float width = A4_LANDSCAPE.getWidth();
				center(out, content.academyName(), rtl, false, 16, NAVY, 458);
				center(out,
						t(locale,
								content.programme() ? "certificate.pdf.heading.programme" : "certificate.pdf.heading"),
						rtl, true, 30, NAVY, 416);
				center(out, pieces != null ? pieces.get(0) : t(locale, "certificate.pdf.certifies"), rtl, false, 13,
						INK, 382);
				center(out, content.cadetName(), rtl, true, 26, INK, 344);
				center(out,
						pieces != null ? pieces.get(1) : t(locale, content.programme()
								? "certificate.pdf.completed.programme" : "certificate.pdf.completed.module"),
						rtl, false, 13, INK, 310);
				center(out, content.title(), rtl, true, 20, NAVY, 276);
				if (pieces != null && !pieces.get(2).isEmpty()) {
					center(out, pieces.get(2), rtl, false, 12, INK, 258);
				}
				center(out, t(locale, "certificate.pdf.cohort", isolate(content.cohortName())), rtl, false, 12, INK,
						242);
				center(out, t(locale, "certificate.pdf.date", completionDate(content, locale)), rtl, false, 12, INK,
						222);
				// Signature on the reading side, QR code on the other: mirrored for RTL.
				float signatureX = rtl ? width - MARGIN - 220 : MARGIN + 20;
				float qrSize = 92;
				float qrX = rtl ? MARGIN + 20 : width - MARGIN - 20 - qrSize;
				if (design != null && !design.signatories().isEmpty()) {
					DesignDrawing.signatories(out, document, design.signatories(), locale, rtl, width, MARGIN, INK);
				}
				else {
					signature(out, content, rtl, signatureX, 220);
				}
				qr(out, content.verificationUrl(), qrX, 70, qrSize);
				float infoX = rtl ? qrX + qrSize + 12 : qrX - 12;
				aligned(out, t(locale, "certificate.pdf.serial", isolate(content.serial())), rtl, false, 9, INK, infoX,
						120, !rtl);
				aligned(out, t(locale, "certificate.pdf.verify"), rtl, false, 9, INK, infoX, 106, !rtl);
				aligned(out, content.verificationUrl(), false, false, 7, INK, infoX, 94, !rtl);
				out.finish();
				ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
				document.save(bytes);
				return bytes.toByteArray();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String completionDate(CertificateContent content, Locale locale) {
		String gregorian = this.formats.gregorianDate(content.completedOn(), locale);
		String local = this.formats.date(content.completedOn(), locale);
		// Dari: the Solar Hijri date people use, with the Gregorian one beside it.
		return local.equals(gregorian) ? gregorian : local + " (" + gregorian + ")";
	}

	/**
	 * Keeps a name, number or code in its own direction inside a sentence of the other
	 * direction ("2026-000042" must not become "000042-2026" in Dari).
	 */
	private static String isolate(String text) {
		return "\u2068" + text + "\u2069";
	}

	private String t(Locale locale, String key, Object... params) {
		return this.translations.getTranslation(key, locale, params);
	}

	private static void center(GlyphWriter out, String text, boolean rtl, boolean bold, float size, Color color,
			float y) throws IOException {
		if (text.isEmpty()) {
			// A design's wording may begin with the name or end with the title.
			return;
		}
		float available = A4_LANDSCAPE.getWidth() - 2 * MARGIN - 40;
		TextShaper.ShapedLine line = TextShaper.shape(text, rtl, bold);
		// Long titles shrink to fit rather than run over the frame.
		float fitted = Math.min(size, size * available / Math.max(1, line.width(size)));
		out.graphics().setNonStrokingColor(color);
		out.drawLine(line, (A4_LANDSCAPE.getWidth() - line.width(fitted)) / 2, y, fitted);
	}

	/** Draws text ending at x (alignRight) or starting at x. */
	static void aligned(GlyphWriter out, String text, boolean rtl, boolean bold, float size, Color color, float x,
			float y, boolean alignRight) throws IOException {
		TextShaper.ShapedLine line = TextShaper.shape(text, rtl, bold);
		out.graphics().setNonStrokingColor(color);
		out.drawLine(line, alignRight ? x - line.width(size) : x, y, size);
	}

	private static void signature(GlyphWriter out, CertificateContent content, boolean rtl, float x, float width)
			throws IOException {
		out.graphics().setStrokingColor(INK);
		out.graphics().setLineWidth(0.8f);
		out.graphics().moveTo(x, 118);
		out.graphics().lineTo(x + width, 118);
		out.graphics().stroke();
		float anchor = rtl ? x + width : x;
		aligned(out, content.signatoryName(), rtl, true, 12, INK, anchor, 102, rtl);
		aligned(out, content.signatoryTitle(), rtl, false, 10, INK, anchor, 88, rtl);
	}

	private static void frame(GlyphWriter out) throws IOException {
		float w = A4_LANDSCAPE.getWidth();
		float h = A4_LANDSCAPE.getHeight();
		out.graphics().setStrokingColor(NAVY);
		out.graphics().setLineWidth(3f);
		out.graphics().addRect(22, 22, w - 44, h - 44);
		out.graphics().stroke();
		out.graphics().setStrokingColor(GOLD);
		out.graphics().setLineWidth(1f);
		out.graphics().addRect(30, 30, w - 60, h - 60);
		out.graphics().stroke();
	}

	/** A plain shield with a star: the default emblem, drawn as vectors (a few bytes). */
	private static void emblem(GlyphWriter out, float cx, float top) throws IOException {
		float w = 44;
		float h = 52;
		out.graphics().setNonStrokingColor(NAVY);
		out.graphics().moveTo(cx - w / 2, top);
		out.graphics().lineTo(cx + w / 2, top);
		out.graphics().lineTo(cx + w / 2, top - h * 0.45f);
		out.graphics().curveTo(cx + w / 2, top - h * 0.8f, cx + w * 0.15f, top - h * 0.92f, cx, top - h);
		out.graphics()
			.curveTo(cx - w * 0.15f, top - h * 0.92f, cx - w / 2, top - h * 0.8f, cx - w / 2, top - h * 0.45f);
		out.graphics().closePath();
		out.graphics().fill();
		out.graphics().setNonStrokingColor(GOLD);
		float r = 13;
		float cy = top - h * 0.42f;
		for (int i = 0; i < 10; i++) {
			double angle = Math.PI / 2 + i * Math.PI / 5;
			float radius = (i % 2 == 0) ? r : r * 0.42f;
			float px = cx + (float) (radius * Math.cos(angle));
			float py = cy + (float) (radius * Math.sin(angle));
			if (i == 0) {
				out.graphics().moveTo(px, py);
			}
			else {
				out.graphics().lineTo(px, py);
			}
		}
		out.graphics().closePath();
		out.graphics().fill();
	}

	private static void qr(GlyphWriter out, String url, float x, float y, float size) throws IOException {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(url, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
					new EnumMap<>(
							Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
									// A fixed mask: choosing the "best" of eight was most
									// of the
									// cost of a certificate, and any mask scans.
									EncodeHintType.QR_MASK_PATTERN, 2)));
		}
		catch (WriterException ex) {
			throw new IllegalStateException(ex);
		}
		int modules = matrix.getWidth();
		// A quiet zone of white around the code so scanners find it on any background.
		float quiet = size * 0.08f;
		out.graphics().setNonStrokingColor(Color.WHITE);
		out.graphics().addRect(x - quiet, y - quiet, size + 2 * quiet, size + 2 * quiet);
		out.graphics().fill();
		float cell = size / modules;
		out.graphics().setNonStrokingColor(Color.BLACK);
		for (int row = 0; row < modules; row++) {
			int col = 0;
			while (col < modules) {
				if (!matrix.get(col, row)) {
					col++;
					continue;
				}
				int start = col;
				while (col < modules && matrix.get(col, row)) {
					col++;
				}
				out.graphics().addRect(x + start * cell, y + size - (row + 1) * cell, (col - start) * cell, cell);
			}
		}
		out.graphics().fill();
	}

}
