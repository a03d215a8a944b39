package org.lepha.academy.certificates;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.certificates.*}: see README, "Configuration".
 */
@ConfigurationProperties("app.certificates")
public record CertificateProperties(String publicUrl, String signatoryName, String signatoryTitle,
		Integer verificationsPerMinute) {

	public CertificateProperties {
		publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080"
				: publicUrl.replaceAll("/+$", "");
		verificationsPerMinute = verificationsPerMinute == null ? 30 : verificationsPerMinute;
	}

	public String verificationUrl(String code) {
		return publicUrl + "/verify/" + code;
	}

	public boolean hasConfiguredSignatory() {
		return signatoryName != null && !signatoryName.isBlank();
	}

}
