package org.lepha.academy.certificates.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.lepha.academy.certificates.CertificateContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The stored certificate PDFs are PAdES-signed by the academy and PDF/A-2b: poppler's
 * {@code pdfsig} and our own PDFBox + BouncyCastle check agree that the signature is
 * valid and covers the whole file, and both say so no longer once a byte changes.
 */
class SignedCertificateTests {

	/**
	 * The same generated keys as the application under test ({@code @IntegrationTest}
	 * keeps its data in target/test-data): generated once per build.
	 */
	static final AcademyKeys KEYS = AcademyKeys.inFolder(Path.of("target/test-data/keys"), "LEPHA Academy");

	static final CertificateSigner SIGNER = new CertificateSigner(KEYS, CertificateRendererTests.TRANSLATIONS,
			Clock.systemUTC());

	private static final SignedPdfVerifier VERIFIER = new SignedPdfVerifier(KEYS);

	private static final String CODE = "k7q2m9x4w8c3v6b1n5z0a2s4d6f8g0h2";

	@TempDir
	Path folder;

	static byte[] signed(String tag) {
		CertificateContent content = CertificateRendererTests.content(tag);
		Locale locale = Locale.forLanguageTag(tag);
		return SIGNER.sign(CertificateRendererTests.RENDERER.render(content, locale), locale, content.serial(), CODE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "ru", "fa-AF" })
	void pdfsigAndPdfBoxFindTheAcademysSignatureOverTheWholeFile(String tag) throws Exception {
		byte[] pdf = signed(tag);
		Path file = write("signed-" + tag + ".pdf", pdf);

		String pdfsig = pdfsig(file);
		assertThat(pdfsig).contains("Signature Validation: Signature is Valid.")
			.contains("Total document signed")
			.contains("Signature Type: ETSI.CAdES.detached")
			.contains("Signer Certificate Common Name: LEPHA Academy Certificate Signing");

		SignedPdfVerifier.Result result = VERIFIER.verify(pdf);
		assertThat(result.valid()).isTrue();
		assertThat(result.signer()).isEqualTo(KEYS.signingCertificate());
		assertThat(pdf.length).as("size").isLessThanOrEqualTo(80 * 1024);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "ru", "fa-AF" })
	void oneChangedByteMakesBothReportTheSignatureInvalid(String tag) throws Exception {
		byte[] pdf = signed(tag);
		// A byte of the binary comment under the header: inside the signed range, and
		// every reader still parses the file.
		assertThat(new String(pdf, 0, 10, StandardCharsets.ISO_8859_1)).matches("%PDF-1\\.\\d\\s%");
		int at = 11;
		assertThat(byteRange(pdf)[1]).isGreaterThan(at);
		pdf[at] ^= 0x01;
		Path file = write("tampered-" + tag + ".pdf", pdf);

		assertThat(pdfsig(file)).doesNotContain("Signature is Valid.").containsAnyOf("Digest Mismatch", "Invalid");
		SignedPdfVerifier.Result result = VERIFIER.verify(pdf);
		assertThat(result.signed()).isTrue();
		assertThat(result.intact()).isFalse();
		assertThat(result.valid()).isFalse();
	}

	@Test
	void theCmsIsPadesBaselineWithTheChainAndTheSigningTimeInTheDictionary() throws Exception {
		byte[] pdf = signed("fa-AF");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDSignature signature = document.getLastSignatureDictionary();
			assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
			assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
			assertThat(signature.getSignDate()).isNotNull();
			assertThat(signature.getReason()).contains("2026-000042");
			int[] range = signature.getByteRange();
			assertThat(range[0]).isZero();
			assertThat(range[2] + range[3]).isEqualTo(pdf.length);

			CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
					SignedPdfVerifier.withoutPadding(signature.getContents()));
			assertThat(cms.isDetachedSignature()).isTrue();
			assertThat(cms.getCertificates().getMatches(null)).extracting(X509CertificateHolder::getEncoded)
				.containsExactlyInAnyOrderElementsOf(
						KEYS.chain().stream().map(SignedCertificateTests::encoded).toList());
			SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
			AttributeTable attributes = signer.getSignedAttributes();
			assertThat(attributes.get(CMSAttributes.contentType)).isNotNull();
			assertThat(attributes.get(CMSAttributes.messageDigest)).isNotNull();
			assertThat(attributes.get(CMSAttributes.signingTime)).as("PAdES: the time is in /M").isNull();
			SigningCertificateV2 essCertificate = SigningCertificateV2.getInstance(
					attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2).getAttrValues().getObjectAt(0));
			assertThat(essCertificate.getCerts()[0].getCertHash())
				.isEqualTo(MessageDigest.getInstance("SHA-256").digest(KEYS.signingCertificate().getEncoded()));
			assertThat(signer.getEncryptionAlgOID()).as("ECDSA with SHA-256").isEqualTo("1.2.840.10045.4.3.2");
		}
	}

	@Test
	void aFileSignedWithAnotherKeyIsNotTheAcademysAndAnUnsignedOrBrokenFileIsNotSigned() throws Exception {
		AcademyKeys other = AcademyKeys.inFolder(this.folder.resolve("keys"), "LEPHA Academy");
		CertificateSigner forger = new CertificateSigner(other, CertificateRendererTests.TRANSLATIONS,
				Clock.systemUTC());
		CertificateContent content = CertificateRendererTests.content("en");
		byte[] rendered = CertificateRendererTests.RENDERER.render(content, Locale.ENGLISH);

		SignedPdfVerifier.Result forged = VERIFIER
			.verify(forger.sign(rendered, Locale.ENGLISH, content.serial(), CODE));
		assertThat(forged.intact()).isTrue();
		assertThat(forged.academy()).isFalse();
		assertThat(forged.valid()).isFalse();
		assertThat(VERIFIER.verify(rendered).signed()).isFalse();
		assertThat(VERIFIER.verify("%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII)).signed()).isFalse();

		// Bytes appended after signing (an incremental update) leave the signature intact
		// but it no longer covers the whole file.
		byte[] signed = signed("en");
		byte[] appended = java.util.Arrays.copyOf(signed, signed.length + 9);
		System.arraycopy("\n% extra\n".getBytes(StandardCharsets.US_ASCII), 0, appended, signed.length, 9);
		SignedPdfVerifier.Result longer = VERIFIER.verify(appended);
		assertThat(longer.intact()).isTrue();
		assertThat(longer.wholeFile()).isFalse();
		assertThat(longer.valid()).isFalse();
	}

	/**
	 * PDF/A-2b as far as PDFBox can check it (no free validator resolves here, see
	 * docs/decisions/0009): XMP present and parseable with part 2, conformance B and the
	 * information dictionary's values; an sRGB output intent; every font embedded with a
	 * ToUnicode map; no encryption, JavaScript or actions; a document ID; the signature
	 * widget printed and without a visible area.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "en", "ru", "fa-AF" })
	void theSignedFileIsPdfA2b(String tag) throws Exception {
		byte[] pdf = signed(tag);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDDocumentCatalog catalog = document.getDocumentCatalog();
			PDDocumentInformation info = document.getDocumentInformation();
			assertThat(catalog.getMetadata().getCOSObject().containsKey(COSName.FILTER)).as("metadata uncompressed")
				.isFalse();
			XMPMetadata xmp = new DomXmpParser().parse(catalog.getMetadata().exportXMPMetadata().readAllBytes());
			assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(2);
			assertThat(xmp.getPDFAIdentificationSchema().getConformance()).isEqualTo("B");
			assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo(info.getTitle()).contains("2026-000042");
			assertThat(xmp.getDublinCoreSchema().getIdentifier()).isEqualTo(CODE);
			assertThat(xmp.getAdobePDFSchema().getProducer()).isEqualTo(info.getProducer());
			assertSameInstant(xmp.getXMPBasicSchema().getCreateDate(), info.getCreationDate());
			assertSameInstant(xmp.getXMPBasicSchema().getModifyDate(), info.getModificationDate());
			assertThat(xmp.getXMPBasicSchema().getIdentifiers()).containsExactlyInAnyOrder("2026-000042", CODE);
			assertThat(info.getAuthor()).as("no Author without dc:creator").isNull();
			assertThat(info.getCreator()).as("no Creator without xmp:CreatorTool").isNull();

			List<PDOutputIntent> intents = catalog.getOutputIntents();
			assertThat(intents).hasSize(1);
			assertThat(intents.getFirst().getCOSObject().getNameAsString(COSName.S)).isEqualTo("GTS_PDFA1");
			assertThat(intents.getFirst().getCOSObject().getCOSStream(COSName.DEST_OUTPUT_PROFILE).getInt(COSName.N))
				.isEqualTo(3);
			assertThat(intents.getFirst().getOutputConditionIdentifier()).isNotBlank();

			assertThat(document.isEncrypted()).isFalse();
			assertThat(catalog.getCOSObject().containsKey(COSName.OPEN_ACTION)).isFalse();
			assertThat(catalog.getCOSObject().containsKey(COSName.AA)).isFalse();
			assertThat(catalog.getNames() == null || catalog.getNames().getJavaScript() == null).isTrue();
			assertThat(catalog.getAcroForm().getNeedAppearances()).isFalse();
			COSArray id = document.getDocument().getTrailer().getCOSArray(COSName.ID);
			assertThat(id).isNotNull();
			assertThat(id.size()).isEqualTo(2);

			PDPage page = document.getPage(0);
			assertThat(page.getResources().getFontNames()).isNotEmpty();
			for (COSName name : page.getResources().getFontNames()) {
				PDFont font = page.getResources().getFont(name);
				assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
				assertThat(font.getCOSObject().containsKey(COSName.TO_UNICODE)).as(font.getName() + " ToUnicode")
					.isTrue();
				if (font instanceof PDType0Font type0) {
					COSDictionary descendant = type0.getDescendantFont().getCOSObject();
					assertThat(descendant.containsKey(COSName.CID_TO_GID_MAP)).as(font.getName() + " CIDToGIDMap")
						.isTrue();
				}
			}
			for (PDAnnotation annotation : page.getAnnotations()) {
				assertThat(annotation.isPrinted()).as("printed annotation").isTrue();
				assertThat(annotation.isHidden() || annotation.isInvisible() || annotation.isNoView()).isFalse();
				assertThat(annotation.getCOSObject().containsKey(COSName.A)).as("no action").isFalse();
			}
		}
	}

	@Test
	void theXmpEscapesWhatItRepeatsAndDropsWhatXmlCannotHold() throws Exception {
		Calendar created = Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"));
		String xmp = PdfArchival.xmp("A & <B> \"q\" 'r'\u0001 ژیلا", "fa-AF", "P&P", created, created, "2026-<1>",
				"c&d");

		XMPMetadata parsed = new DomXmpParser().parse(xmp.getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.getDublinCoreSchema().getTitle()).isEqualTo("A & <B> \"q\" 'r' ژیلا");
		assertThat(parsed.getAdobePDFSchema().getProducer()).isEqualTo("P&P");
		assertThat(parsed.getXMPBasicSchema().getIdentifiers()).containsExactly("2026-<1>", "c&d");
		assertThat(parsed.getDublinCoreSchema().getLanguages()).containsExactly("fa-AF");
	}

	private static void assertSameInstant(Calendar xmp, Calendar info) {
		assertThat(xmp).isNotNull();
		assertThat(info).isNotNull();
		// The information dictionary keeps whole seconds.
		assertThat(xmp.getTimeInMillis() / 1000).isEqualTo(info.getTimeInMillis() / 1000);
	}

	private static int[] byteRange(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getLastSignatureDictionary().getByteRange();
		}
	}

	private static byte[] encoded(X509Certificate certificate) {
		try {
			return certificate.getEncoded();
		}
		catch (java.security.cert.CertificateEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Path write(String name, byte[] pdf) throws IOException {
		Files.createDirectories(CertificateRendererTests.OUTPUT);
		return Files.write(CertificateRendererTests.OUTPUT.resolve(name), pdf);
	}

	/** poppler's pdfsig output (it exits non-zero for an invalid signature). */
	private static String pdfsig(Path file) throws InterruptedException {
		try {
			Process process = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor();
			return output;
		}
		catch (IOException ex) {
			return fail("pdfsig (poppler-utils) is needed by this test: apt-get install poppler-utils", ex);
		}
	}

}
