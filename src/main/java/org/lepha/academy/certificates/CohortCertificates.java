package org.lepha.academy.certificates;

import java.util.List;

/** One cadet of a cohort and the certificates they hold (valid and revoked). */
public record CohortCertificates(long userId, String fullName, List<Certificate> certificates) {

	public boolean hasValid() {
		return certificates.stream().anyMatch((c) -> !c.revoked());
	}

}
