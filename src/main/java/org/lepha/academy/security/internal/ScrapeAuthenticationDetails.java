package org.lepha.academy.security.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Marks an HTTP Basic sign-in on the metrics endpoint. A Prometheus scraper signs in on
 * every scrape (every 15 s or so): its successes are not audited one by one, or they
 * would bury the people's sign-ins; its failures and locks are, like any others.
 */
class ScrapeAuthenticationDetails extends WebAuthenticationDetails {

	ScrapeAuthenticationDetails(HttpServletRequest request) {
		super(request);
	}

}
