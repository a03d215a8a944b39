package org.lepha.academy.certificates.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.jspecify.annotations.Nullable;

import org.lepha.academy.base.text.XmlText;

/**
 * What makes a rendered certificate PDF/A-2b (archival): XMP metadata that repeats the
 * document information (title, producer, dates) and says "PDF/A-2, conformance B", and an
 * sRGB output intent for the device colours the certificate is drawn in. The fonts are
 * embedded by the renderer already. The certificate's serial number and verification code
 * go into the XMP too, so that an archive can index the file without reading the page.
 */
final class PdfArchival {

	/** The JDK's sRGB profile (about 3 KB): the colours are sRGB values. */
	private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

	private PdfArchival() {
	}

	/**
	 * Adds the metadata and output intent; the document's information dictionary gets the
	 * modification date, so both say the same.
	 * @return the dictionaries changed (for an incremental save)
	 */
	static List<org.apache.pdfbox.cos.COSDictionary> apply(PDDocument document, Calendar modified, String serial,
			String code) throws IOException {
		PDDocumentCatalog catalog = document.getDocumentCatalog();
		PDDocumentInformation info = document.getDocumentInformation();
		info.setModificationDate(modified);

		String xmp = xmp(info.getTitle(), catalog.getLanguage(), info.getProducer(), info.getCreationDate(), modified,
				serial, code);
		// Not compressed: PDF/A wants metadata any tool can read as it is.
		PDMetadata metadata = new PDMetadata(document);
		metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
		catalog.setMetadata(metadata);

		PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(SRGB));
		intent.setInfo("sRGB IEC61966-2.1");
		intent.setOutputCondition("sRGB IEC61966-2.1");
		intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
		intent.setRegistryName("http://www.color.org");
		catalog.addOutputIntent(intent);
		return List.of(catalog.getCOSObject(), info.getCOSObject(), metadata.getCOSObject(), intent.getCOSObject());
	}

	/**
	 * The XMP packet, written as text: xmpbox's serializer (a new XML transformer each
	 * time) cost more than the signature itself. Tests parse it back with xmpbox.
	 */
	static String xmp(@Nullable String title, @Nullable String language, @Nullable String producer,
			@Nullable Calendar created, Calendar modified, String serial, String code) {
		StringBuilder x = new StringBuilder(2048);
		x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
			.append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
			.append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
			.append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
			.append("<dc:format>application/pdf</dc:format>\n");
		if (title != null) {
			x.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">")
				.append(XmlText.escape(title))
				.append("</rdf:li></rdf:Alt></dc:title>\n");
		}
		if (language != null) {
			x.append("<dc:language><rdf:Bag><rdf:li>")
				.append(XmlText.escape(language))
				.append("</rdf:li></rdf:Bag></dc:language>\n");
		}
		x.append("<dc:identifier>")
			.append(XmlText.escape(code))
			.append("</dc:identifier>\n")
			.append("</rdf:Description>\n");
		if (producer != null) {
			x.append("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">")
				.append("<pdf:Producer>")
				.append(XmlText.escape(producer))
				.append("</pdf:Producer></rdf:Description>\n");
		}
		x.append("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
		if (created != null) {
			x.append("<xmp:CreateDate>").append(date(created)).append("</xmp:CreateDate>\n");
		}
		x.append("<xmp:ModifyDate>").append(date(modified)).append("</xmp:ModifyDate>\n");
		x.append("<xmp:MetadataDate>").append(date(modified)).append("</xmp:MetadataDate>\n");
		x.append("<xmp:Identifier><rdf:Bag><rdf:li>")
			.append(XmlText.escape(serial))
			.append("</rdf:li><rdf:li>")
			.append(XmlText.escape(code))
			.append("</rdf:li></rdf:Bag></xmp:Identifier>\n")
			.append("</rdf:Description>\n");
		x.append("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">")
			.append("<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>\n")
			.append("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
		return x.toString();
	}

	private static String date(Calendar calendar) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(calendar.toInstant().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
	}

}
