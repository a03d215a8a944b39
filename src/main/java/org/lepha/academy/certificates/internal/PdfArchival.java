package org.lepha.academy.certificates.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

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

		XMPMetadata xmp = XMPMetadata.createXMPMetadata();
		DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
		dc.setFormat("application/pdf");
		if (info.getTitle() != null) {
			dc.setTitle(info.getTitle());
		}
		if (catalog.getLanguage() != null) {
			dc.addLanguage(catalog.getLanguage());
		}
		dc.setIdentifier(code);
		AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
		if (info.getProducer() != null) {
			pdf.setProducer(info.getProducer());
		}
		XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
		if (info.getCreationDate() != null) {
			basic.setCreateDate(info.getCreationDate());
		}
		basic.setModifyDate(modified);
		basic.setMetadataDate(modified);
		basic.addIdentifier(serial);
		basic.addIdentifier(code);
		PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
		try {
			pdfa.setPart(2);
			pdfa.setConformance("B");
		}
		catch (BadFieldValueException ex) {
			throw new IllegalStateException(ex);
		}
		ByteArrayOutputStream serialized = new ByteArrayOutputStream(2048);
		try {
			new XmpSerializer().serialize(xmp, serialized, true);
		}
		catch (javax.xml.transform.TransformerException ex) {
			throw new IOException("Cannot write the XMP metadata", ex);
		}
		// Not compressed: PDF/A wants metadata any tool can read as it is.
		PDMetadata metadata = new PDMetadata(document);
		metadata.importXMPMetadata(serialized.toByteArray());
		catalog.setMetadata(metadata);

		PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(SRGB));
		intent.setInfo("sRGB IEC61966-2.1");
		intent.setOutputCondition("sRGB IEC61966-2.1");
		intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
		intent.setRegistryName("http://www.color.org");
		catalog.addOutputIntent(intent);
		return List.of(catalog.getCOSObject(), info.getCOSObject(), metadata.getCOSObject(), intent.getCOSObject());
	}

}
