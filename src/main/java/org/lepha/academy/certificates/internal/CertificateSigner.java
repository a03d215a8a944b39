package org.lepha.academy.certificates.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import org.lepha.academy.base.i18n.UiTranslationProvider;

import org.springframework.stereotype.Component;

/**
 * Signs a rendered certificate with the academy's key: a PAdES baseline (B-B) signature
 * over the whole file, added as an incremental update together with what makes the file
 * PDF/A-2b ({@link PdfArchival}). The CMS is detached ({@code ETSI.CAdES.detached}) and
 * carries the chain and, as signed attributes, only the content type, the message digest
 * and the ESS signing-certificate-v2 (PAdES puts the signing time in the dictionary's
 * {@code /M}, not in the CMS).
 */
@Component
public class CertificateSigner {

	private static final COSName CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");

	private final AcademyKeys keys;

	private final UiTranslationProvider translations;

	private final Clock clock;

	private final DigestCalculatorProvider digests;

	private final JcaCertStore chain;

	private final Attribute signingCertificate;

	/**
	 * Bytes reserved for the CMS: the chain plus room for the signature and attributes.
	 */
	private final int reserved;

	public CertificateSigner(AcademyKeys keys, UiTranslationProvider translations, Clock clock) {
		this.keys = keys;
		this.translations = translations;
		this.clock = clock;
		try {
			this.digests = new JcaDigestCalculatorProviderBuilder().build();
			this.chain = new JcaCertStore(keys.chain());
			X509Certificate certificate = keys.signingCertificate();
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
			IssuerSerial issuerSerial = new IssuerSerial(
					new GeneralNames(
							new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
					certificate.getSerialNumber());
			this.signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
					new DERSet(new SigningCertificateV2(new ESSCertIDv2(hash, issuerSerial))));
			int chainBytes = 0;
			for (X509Certificate c : keys.chain()) {
				chainBytes += c.getEncoded().length;
			}
			this.reserved = chainBytes + 1024;
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot prepare certificate signing", ex);
		}
	}

	/**
	 * The signed PDF/A-2b file of a rendered certificate.
	 * @param pdf the renderer's output
	 * @param language its language (for the signature's reason)
	 */
	public byte[] sign(byte[] pdf, Locale language, String serial, String code) {
		Calendar now = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
		now.setTimeInMillis(this.clock.millis());
		try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
			Set<COSDictionary> changed = new HashSet<>(PdfArchival.apply(document, now, serial, code));
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(CADES_DETACHED);
			signature.setSignDate(now);
			signature.setReason(this.translations.getTranslation("certificate.sign.reason", language, serial));
			options.setPreferredSignatureSize(this.reserved);
			document.addSignature(signature, options);
			changed.forEach((dictionary) -> dictionary.setNeedToBeUpdated(true));
			ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * this.reserved + 16 * 1024);
			ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
			external.setSignature(cms(external.getContent().readAllBytes()));
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A detached CMS SignedData over the signed byte ranges. */
	byte[] cms(byte[] signedBytes) {
		try {
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			JcaSignerInfoGeneratorBuilder signerInfo = new JcaSignerInfoGeneratorBuilder(this.digests);
			signerInfo.setSignedAttributeGenerator(this::signedAttributes);
			generator.addSignerInfoGenerator(signerInfo.build(
					new JcaContentSignerBuilder(this.keys.signatureAlgorithm()).build(this.keys.signingKey()),
					this.keys.signingCertificate()));
			generator.addCertificates(this.chain);
			return generator.generate(new CMSProcessableByteArray(signedBytes), false).getEncoded("DER");
		}
		catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException ex) {
			throw new IllegalStateException("Cannot sign the certificate", ex);
		}
	}

	/**
	 * PAdES B-B: content type, message digest, signing certificate v2; no signing time.
	 */
	private AttributeTable signedAttributes(java.util.Map<String, Object> parameters) {
		ASN1EncodableVector attributes = new ASN1EncodableVector();
		attributes.add(new Attribute(CMSAttributes.contentType,
				new DERSet((ASN1ObjectIdentifier) parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
		attributes.add(new Attribute(CMSAttributes.messageDigest,
				new DERSet(new DEROctetString((byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST)))));
		attributes.add(this.signingCertificate);
		return new AttributeTable(attributes);
	}

}
