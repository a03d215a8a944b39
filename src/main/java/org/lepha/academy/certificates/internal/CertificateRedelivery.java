package org.lepha.academy.certificates.internal;

import java.time.Duration;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the events whose certificate listener did not finish (the PDF could not
 * be rendered, the database was away), so a certificate follows without waiting for a
 * restart. Only events older than {@link #PATIENCE} are taken: younger ones may still be
 * in their first delivery. Issuing is idempotent, so two nodes doing this at once, or a
 * delivery still running, issue nothing twice.
 */
@Component
class CertificateRedelivery {

	static final Duration PATIENCE = Duration.ofMinutes(1);

	private final IncompleteEventPublications publications;

	CertificateRedelivery(IncompleteEventPublications publications) {
		this.publications = publications;
	}

	@Scheduled(initialDelayString = "${app.certificates.redelivery-interval:PT5M}",
			fixedDelayString = "${app.certificates.redelivery-interval:PT5M}")
	void redeliver() {
		this.publications.resubmitIncompletePublicationsOlderThan(PATIENCE);
	}

}
