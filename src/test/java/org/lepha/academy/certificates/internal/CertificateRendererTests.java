package org.lepha.academy.certificates.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.certificates.CertificateContent;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateRendererTests {

	/** Uses every Persian-only letter (پ چ ژ ک گ ی) and a zero-width non-joiner. */
	static final String DARI_NAME = "ژیلا گل\u200Cچهره پیکان\u200Cگر";

	static final UiTranslationProvider TRANSLATIONS = new UiTranslationProvider(
			new Languages(List.of("en", "ru", "fa-AF")), Path.of("translations/ui"));

	static final CertificateRenderer RENDERER = new CertificateRenderer(TRANSLATIONS, new LocalizedFormats());

	static final Path OUTPUT = Path.of("target/certificates");

	@ParameterizedTest
	@ValueSource(strings = { "en", "ru", "fa-AF" })
	void theExtractedTextGivesBackEveryFieldAndTheQrCodeLeadsToTheVerificationPage(String tag) throws Exception {
		Locale locale = Locale.forLanguageTag(tag);
		CertificateContent content = content(tag);
		byte[] pdf = RENDERER.render(content, locale);
		Files.createDirectories(OUTPUT);
		Files.write(OUTPUT.resolve("certificate-" + tag + ".pdf"), pdf);

		assertThat(pdf.length).as("PDF size").isLessThanOrEqualTo(80 * 1024);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isOne();
			assertThat(document.getPage(0).getMediaBox().getWidth())
				.isGreaterThan(document.getPage(0).getMediaBox().getHeight());
			List<String> lines = extractedLines(document);
			assertThat(lines).contains(content.academyName(), content.cadetName(), content.title(),
					content.verificationUrl(), TRANSLATIONS.getTranslation("certificate.pdf.heading", locale),
					TRANSLATIONS.getTranslation("certificate.pdf.cohort", locale, content.cohortName()),
					TRANSLATIONS.getTranslation("certificate.pdf.serial", locale, content.serial()),
					content.signatoryName());
			for (var fontName : document.getPage(0).getResources().getFontNames()) {
				PDFont font = document.getPage(0).getResources().getFont(fontName);
				assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
				assertThat(font.getName()).as("subset tag").matches("[A-Z]{6}\\+.*");
			}
			BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150);
			ImageIO.write(image, "png", OUTPUT.resolve("certificate-" + tag + ".png").toFile());
			assertThat(decodeQr(image)).isEqualTo(content.verificationUrl());
		}
	}

	@Test
	void dariDatesAreSolarHijriWithPersianDigitsAndTheGregorianDateBeside() throws IOException {
		Locale dari = Locale.forLanguageTag("fa-AF");
		try (PDDocument document = Loader.loadPDF(RENDERER.render(content("fa-AF"), dari))) {
			String dateLine = extractedLines(document).stream()
				.filter((l) -> l.startsWith("تاریخ تکمیل"))
				.findFirst()
				.orElseThrow();
			// 22 November 2026 is 1 Qaws 1405 in the Afghan Solar Hijri calendar.
			assertThat(dateLine).contains("۱ قوس ۱۴۰۵").contains("۲۰۲۶");
		}
		try (PDDocument document = Loader.loadPDF(RENDERER.render(content("ru"), Locale.forLanguageTag("ru")))) {
			assertThat(extractedLines(document)).anyMatch((l) -> l.contains("22 ноября 2026"));
		}
	}

	@Test
	void theLayoutIsMirroredForDari() throws IOException {
		// The signatory's name sits on the reading side: left in English, right in Dari.
		assertThat(xOf("en", "Amina Karimova")).isLessThan(300);
		assertThat(xOf("fa-AF", "Amina Karimova")).isGreaterThan(500);
	}

	private static float xOf(String tag, String text) throws IOException {
		try (PDDocument document = Loader.loadPDF(RENDERER.render(content(tag), Locale.forLanguageTag(tag)))) {
			PositionStripper stripper = new PositionStripper(text);
			stripper.getText(document);
			return stripper.x;
		}
	}

	static CertificateContent content(String tag) {
		String name = switch (tag) {
			case "ru" -> "Айгерим Сейткали-кызы";
			case "fa-AF" -> DARI_NAME;
			default -> "Maria O'Neil";
		};
		String title = switch (tag) {
			case "ru" -> "Полиция и снижение вреда";
			case "fa-AF" -> "پولیس و کاهش آسیب (ماژول ۳)";
			default -> "Harm reduction policing";
		};
		return new CertificateContent("Academy of the Ministry of Internal Affairs", name, title, false,
				"Cohort 2026-A", LocalDate.of(2026, 11, 22), "2026-000042",
				"https://academy.example.org/verify/k7q2m9x4w8c3v6b1n5z0a2s4d6f8g0h2", "Amina Karimova",
				"Head of the academy");
	}

	static List<String> extractedLines(PDDocument document) throws IOException {
		return org.lepha.academy.certificates.PdfText.lines(document);
	}

	private static String decodeQr(BufferedImage image) throws NotFoundException {
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
		return new MultiFormatReader().decode(bitmap).getText();
	}

	/** Finds where a text starts on the page by its first glyph. */
	static final class PositionStripper extends org.apache.pdfbox.text.PDFTextStripper {

		private final String wanted;

		float x = -1;

		PositionStripper(String wanted) throws IOException {
			this.wanted = wanted;
		}

		@Override
		protected void processTextPosition(org.apache.pdfbox.text.TextPosition text) {
			super.processTextPosition(text);
		}

		@Override
		public void processPage(org.apache.pdfbox.pdmodel.PDPage page) throws IOException {
			PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
			extractor.processPage(page);
			for (PDMarkedContent content : extractor.getMarkedContents()) {
				if (this.wanted.equals(content.getActualText()) && !content.getContents().isEmpty()
						&& content.getContents().get(0) instanceof org.apache.pdfbox.text.TextPosition first) {
					this.x = first.getXDirAdj();
				}
			}
		}

	}

}
