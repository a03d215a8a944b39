package org.lepha.academy.books.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.WriterReportImpl;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lepha.academy.base.text.XmlText;
import org.lepha.academy.books.BookEdition;
import org.lepha.academy.books.CourseBook;
import org.lepha.academy.books.internal.ShippedBooks.Case;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped module's EPUB in every language and both editions: valid for EPUBCheck
 * 5.2.1 (no error, no fatal error), within 400 KB, and what EPUBCheck does not check: the
 * language and direction of the package and of every page (right to left for Dari), the
 * embedded font for Dari, the translated notice that reading counts for nothing, a QR
 * code that decodes to the module's address, and the answer key in the trainer's edition
 * only.
 */
class EpubBooksTests {

	static final int MAX_BYTES = 400 * 1024;

	@TempDir
	Path folder;

	static Stream<Case> books() {
		return ShippedBooks.cases().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("books")
	void theEpubIsValidAndCarriesLanguageDirectionNoticeAndQrCode(Case c) throws Exception {
		CourseBook book = ShippedBooks.BUILDER.build(c.module(), c.language(), c.edition());
		byte[] epub = ShippedBooks.EPUB.render(book);

		assertThat(epub.length).as("size of %s", c).isLessThanOrEqualTo(MAX_BYTES);
		assertValid(epub, c);

		// The mimetype entry comes first, stored, with no extra field (byte offsets of
		// the
		// ZIP local header), so readers can sniff the type.
		assertThat(new String(epub, 30, 8, StandardCharsets.US_ASCII)).isEqualTo("mimetype");
		assertThat(epub[8] | epub[9] << 8).as("compression method").isZero();
		assertThat(epub[28] | epub[29] << 8).as("extra field length").isZero();
		assertThat(new String(epub, 38, 20, StandardCharsets.US_ASCII)).isEqualTo("application/epub+zip");

		Map<String, byte[]> files = unzip(epub);
		String tag = c.language().toLanguageTag();
		boolean dari = "fa-AF".equals(tag);
		String opf = text(files, "OEBPS/content.opf");
		assertThat(opf).contains("<dc:language>" + tag + "</dc:language>")
			.contains("<dc:identifier id=\"book-id\">urn:uuid:")
			.contains("<meta property=\"dcterms:modified\">2026-12-01T10:00:00Z</meta>");
		assertThat(opf.contains("page-progression-direction=\"rtl\"")).isEqualTo(dari);
		assertThat(opf.contains("fonts/" + EpubBookRenderer.NASKH)).isEqualTo(dari);
		assertThat(files.containsKey("OEBPS/fonts/" + EpubBookRenderer.NASKH)).isEqualTo(dari);

		String direction = dari ? "rtl" : "ltr";
		files.keySet().stream().filter((name) -> name.endsWith(".xhtml")).forEach((name) -> {
			String page = text(files, name);
			assertThat(page).as(name)
				.contains(
						"<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\""
								+ tag + "\" xml:lang=\"" + tag + "\" dir=\"" + direction + "\">");
		});

		String title = text(files, "OEBPS/title.xhtml");
		String notice = ShippedBooks.STRINGS.getTranslation("book.notice", c.language());
		assertThat(notice).isNotBlank().isNotEqualTo("book.notice");
		assertThat(title).contains(XmlText.escape(notice)).contains("images/qr-code.png");
		var qr = ImageIO.read(new ByteArrayInputStream(files.get("OEBPS/images/qr-code.png")));
		String decoded = new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(qr))))
			.getText();
		assertThat(decoded).isEqualTo(ShippedBooks.PUBLIC_URL + "/learn/" + c.module().id());

		String nav = text(files, "OEBPS/nav.xhtml");
		assertThat(nav).contains("epub:type=\"toc\"");
		book.chapters().forEach((chapter) -> assertThat(nav).contains(chapter.id() + ".xhtml"));

		boolean trainer = c.edition() == BookEdition.TRAINER;
		assertThat(files.containsKey("OEBPS/answer-key.xhtml")).as("answer key in %s", c).isEqualTo(trainer);
		String all = files.entrySet()
			.stream()
			.filter((e) -> e.getKey().endsWith(".xhtml"))
			.map((e) -> new String(e.getValue(), StandardCharsets.UTF_8))
			.reduce("", String::concat);
		String explanationLine = "<p class=\"explanation\">" + XmlText.escape(book.labels().explanation()) + ": ";
		assertThat(all.contains(explanationLine)).as("explanations in %s", c).isEqualTo(trainer);
	}

	private void assertValid(byte[] epub, Case c) throws IOException {
		Path file = this.folder
			.resolve(c.module().id() + "-" + c.language().toLanguageTag() + "-" + c.edition() + ".epub");
		Files.write(file, epub);
		StringWriter messages = new StringWriter();
		WriterReportImpl report = new WriterReportImpl(new PrintWriter(messages), file.getFileName().toString(), true);
		new EpubCheck(file.toFile(), report).check();
		assertThat(report.getFatalErrorCount() + report.getErrorCount()).as("EPUBCheck on %s:%n%s", c, messages)
			.isZero();
	}

	static Map<String, byte[]> unzip(byte[] epub) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(epub), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				files.put(entry.getName(), zip.readAllBytes());
			}
		}
		return files;
	}

	static String text(Map<String, byte[]> files, String name) {
		assertThat(files).containsKey(name);
		return new String(files.get(name), StandardCharsets.UTF_8);
	}

	static String firstMatch(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		return m.find() ? m.group(1) : "";
	}

}
