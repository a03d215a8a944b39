package org.lepha.academy.certificates;

import java.time.LocalDate;

/**
 * What a certificate says, in the language it is rendered in (the title is already
 * translated; names are as the academy registered them).
 *
 * @param programme whether this certifies a whole programme rather than one module
 */
public record CertificateContent(String academyName, String cadetName, String title, boolean programme,
		String cohortName, LocalDate completedOn, String serial, String verificationUrl, String signatoryName,
		String signatoryTitle) {

}
