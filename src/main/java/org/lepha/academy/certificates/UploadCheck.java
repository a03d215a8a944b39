package org.lepha.academy.certificates;

/**
 * What the verification page says about an uploaded file: three separate answers, since
 * each can fail on its own (an unsigned copy of an old certificate may still match the
 * record; a genuine file may be revoked since).
 *
 * @param format what the file was taken for
 * @param signature whether the academy signed exactly these contents
 * @param matchesRecord whether it is what the academy issued (PDF: byte for byte; a
 * credential: its claims are the record's)
 * @param verification the live status of the certificate it belongs to (UNKNOWN when it
 * belongs to none)
 */
public record UploadCheck(Format format, Signature signature, boolean matchesRecord, Verification verification) {

	/** How the file was read. */
	public enum Format {

		/** A PDF document. */
		PDF,
		/** An Open Badges 3.0 credential secured as a JWT. */
		CREDENTIAL,
		/** Neither (or a damaged one): nothing could be checked. */
		UNREADABLE,
		/** Over {@link #MAX_BYTES}: not read at all. */
		TOO_LARGE,
		/** No file, or an empty one. */
		EMPTY

	}

	/** The signature's verdict. */
	public enum Signature {

		/** Valid, made with one of the academy's published signing keys. */
		ACADEMY,
		/**
		 * Does not match the contents: changed after signing, or forged with the
		 * academy's key id.
		 */
		ALTERED,
		/** A valid signature, but not the academy's. */
		OTHER_SIGNER,
		/** No signature at all. */
		UNSIGNED,
		/** The file could not be read. */
		NOT_CHECKED

	}

	/**
	 * Uploads larger than this are refused: certificates and credentials are far smaller.
	 */
	public static final int MAX_BYTES = 2 * 1024 * 1024;

	public static UploadCheck unreadable(Format format) {
		return new UploadCheck(format, Signature.NOT_CHECKED, false, Verification.unknown());
	}

	/** Signed by the academy, as issued, and not revoked. */
	public boolean confirmed() {
		return this.signature == Signature.ACADEMY && this.matchesRecord
				&& this.verification.status() == Verification.Status.VALID;
	}

}
