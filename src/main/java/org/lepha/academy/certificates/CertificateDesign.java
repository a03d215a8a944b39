package org.lepha.academy.certificates;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An academy's certificate design as an administrator edits it: the emblem, up to two
 * signatories and the wording per language. Images are PNG as
 * {@link CertificateDesigns#emblem} and {@link CertificateDesigns#signature} return them
 * (converted, checked, downscaled for print).
 *
 * @param emblemPng the emblem drawn above the academy's name, or null for the default
 * shield
 * @param wording per language tag, a pattern with {@code {0}} (the cadet's name) and
 * {@code {1}} (the module or programme); a language without one keeps the default wording
 */
public record CertificateDesign(byte @Nullable [] emblemPng, List<Signatory> signatories, Map<String, String> wording) {

	/** At most this many signatories sign a certificate. */
	public static final int MAX_SIGNATORIES = 2;

	public CertificateDesign {
		signatories = List.copyOf(signatories);
		wording = Map.copyOf(wording);
	}

	/**
	 * The look of certificates without any design: default emblem, wording, signatory.
	 */
	public static CertificateDesign empty() {
		return new CertificateDesign(null, List.of(), Map.of());
	}

	/**
	 * A person who signs the certificate.
	 *
	 * @param titles per language tag (a language without one shows the English title)
	 * @param signaturePng the signature drawn above the line, or null for none
	 */
	public record Signatory(String name, Map<String, String> titles, byte @Nullable [] signaturePng) {

		public Signatory {
			titles = Map.copyOf(titles);
		}

		/** The title in a language, else the English one, else none. */
		public String title(String languageTag) {
			String title = titles.get(languageTag);
			return title != null && !title.isBlank() ? title : titles.getOrDefault("en", "");
		}

	}

}
