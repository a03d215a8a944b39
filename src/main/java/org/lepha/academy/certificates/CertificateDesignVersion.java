package org.lepha.academy.certificates;

import java.time.Instant;

/**
 * One saved version of an academy's certificate design; never changed once saved.
 */
public record CertificateDesignVersion(long id, long academyId, int version, Instant createdAt,
		CertificateDesign design) {

}
