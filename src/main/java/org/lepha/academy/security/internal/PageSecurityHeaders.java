package org.lepha.academy.security.internal;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;

import org.springframework.stereotype.Component;

/**
 * Puts the security headers on the page Vaadin serves (the same as
 * {@link SecurityConfiguration} configures for every other response). Vaadin writes its
 * page response itself, after Spring Security's header writer has run, so the headers are
 * set here as well.
 */
@Component
class PageSecurityHeaders implements VaadinServiceInitListener {

	@Override
	public void serviceInit(ServiceInitEvent event) {
		event.addIndexHtmlRequestListener((page) -> {
			VaadinResponse response = page.getVaadinResponse();
			response.setHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("Referrer-Policy", "same-origin");
			response.setHeader("X-Frame-Options", "DENY");
			// The page holds the session's CSRF token: no browser, proxy or back button
			// on a shared computer may keep a copy.
			response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
			response.setHeader("Pragma", "no-cache");
			response.setHeader("Expires", "0");
			VaadinRequest request = page.getVaadinRequest();
			if (request.isSecure()) {
				response.setHeader("Strict-Transport-Security", SecurityConfiguration.STRICT_TRANSPORT_SECURITY);
			}
		});
	}

}
