package org.lepha.academy.certificates.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Checks the signature of a certificate PDF (one the academy stored, or one uploaded by
 * anyone): whether the CMS verifies over the signed bytes, whether those bytes are the
 * whole file but the signature itself (nothing added after signing), and whether the
 * signer is one of the academy's published signing certificates.
 */
@Component
public class SignedPdfVerifier {

	/**
	 * What a PDF's (last) signature says.
	 *
	 * @param signed whether the file carries a signature at all
	 * @param intact whether the signature verifies over the bytes it covers
	 * @param wholeFile whether it covers the whole file (but its own value)
	 * @param signer the certificate that signed, if the signature names one
	 * @param academy whether that is one of the academy's signing certificates
	 */
	public record Result(boolean signed, boolean intact, boolean wholeFile, @Nullable X509Certificate signer,
			boolean academy) {

		static final Result UNSIGNED = new Result(false, false, false, null, false);

		/** Signed by the academy, and not a byte changed since. */
		public boolean valid() {
			return this.signed && this.intact && this.wholeFile && this.academy;
		}

	}

	private final AcademyKeys keys;

	public SignedPdfVerifier(AcademyKeys keys) {
		this.keys = keys;
	}

	/** Never throws on a bad file: an unreadable one is {@link Result#UNSIGNED}. */
	public Result verify(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<PDSignature> signatures = document.getSignatureDictionaries();
			if (signatures.isEmpty()) {
				return Result.UNSIGNED;
			}
			PDSignature signature = signatures.getLast();
			boolean wholeFile = coversWholeFile(signature.getByteRange(), pdf);
			CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
					withoutPadding(signature.getContents()));
			Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
			if (signers.size() != 1) {
				return new Result(true, false, wholeFile, null, false);
			}
			SignerInformation signer = signers.iterator().next();
			@SuppressWarnings("unchecked")
			Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
			if (matches.isEmpty()) {
				return new Result(true, false, wholeFile, null, false);
			}
			X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
			return new Result(true, intact(signer, certificate), wholeFile, certificate,
					this.keys.isAcademyCertificate(certificate));
		}
		// An uploaded file can be anything: whatever the parsers choke on (including
		// their
		// runtime exceptions on malformed structures) means "no signature we can read".
		catch (IOException | CMSException | GeneralSecurityException | RuntimeException ex) {
			return Result.UNSIGNED;
		}
	}

	/**
	 * The CMS without the zeros that pad it to the reserved size: BouncyCastle refuses
	 * bytes after the DER object.
	 */
	static byte[] withoutPadding(byte[] contents) {
		if (contents.length < 2) {
			return contents;
		}
		int first = contents[1] & 0xff;
		long length;
		int header;
		if (first < 0x80) {
			length = first;
			header = 2;
		}
		else {
			int octets = first & 0x7f;
			if (octets == 0 || octets > 4 || contents.length < 2 + octets) {
				return contents;
			}
			length = 0;
			for (int i = 0; i < octets; i++) {
				length = (length << 8) | (contents[2 + i] & 0xff);
			}
			header = 2 + octets;
		}
		return header + length <= contents.length ? Arrays.copyOf(contents, (int) (header + length)) : contents;
	}

	private static boolean intact(SignerInformation signer, X509Certificate certificate) {
		try {
			return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
		}
		catch (CMSException | OperatorCreationException ex) {
			// A digest that does not match (the bytes were changed) is reported this way.
			return false;
		}
	}

	/**
	 * [0, a, b, c] with a + (hex value) + c = the file: the signature is over everything
	 * but its own {@code <...>} value.
	 */
	static boolean coversWholeFile(int[] range, byte[] pdf) {
		if (range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1]
				|| (long) range[2] + range[3] != pdf.length) {
			return false;
		}
		if (pdf[range[1]] != '<' || pdf[range[2] - 1] != '>') {
			return false;
		}
		for (int i = range[1] + 1; i < range[2] - 1; i++) {
			if (Character.digit(pdf[i], 16) < 0) {
				return false;
			}
		}
		return true;
	}

}
