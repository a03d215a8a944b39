package org.lepha.academy.security.internal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.session.ConcurrentSessionFilter;

/**
 * The actuator's own filter chain, ahead of the application's: health for everyone (load
 * balancers, container health checks), the Prometheus scrape for administrators only,
 * every other endpoint for nobody. An administrator is recognised by a signed-in session
 * (a browser) or by HTTP Basic (a Prometheus scraper with an administrator account);
 * Basic goes through the same throttled authentication as the login form. Why here and
 * not only on a management port: docs/decisions/0007-metrics-access.md.
 * <p>
 * The chain matches the actuator's endpoints wherever they are served, so the same rules
 * hold when {@code MANAGEMENT_SERVER_PORT} moves them to a port of their own.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurityConfiguration {

	private static final String REALM = "lepha-academy metrics";

	@Bean
	@Order(1)
	SecurityFilterChain actuatorFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
			SessionRegistry sessionRegistry) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint());
		http.authorizeHttpRequests((auth) -> auth.requestMatchers(EndpointRequest.to("health"))
			.permitAll()
			.requestMatchers(EndpointRequest.to("prometheus"))
			.hasRole("ADMIN")
			.anyRequest()
			.denyAll());
		http.authenticationManager(authenticationManager);
		// Anonymous callers get 401 with a Basic challenge, signed-in non-administrators
		// 403. Both are set as plain statuses: an error dispatch (sendError) would run
		// through the application's chain, which sends anonymous callers to the login
		// page instead.
		AuthenticationEntryPoint challenge = (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		};
		AccessDeniedHandler refuse = (request, response, ex) -> response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		http.httpBasic((basic) -> basic.realmName(REALM)
			.authenticationEntryPoint(challenge)
			.authenticationDetailsSource(ScrapeAuthenticationDetails::new));
		http.exceptionHandling(
				(exceptions) -> exceptions.authenticationEntryPoint(challenge).accessDeniedHandler(refuse));
		// A scraper's Basic sign-in must not leave a session behind every 15 seconds; an
		// administrator's browser session is read as it is.
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER));
		// A session expired by a password change ("sign out everywhere") is refused here
		// as in the application's chain.
		http.addFilterAfter(new ConcurrentSessionFilter(sessionRegistry), SecurityContextHolderFilter.class);
		// Only GETs are allowed at all (everything else is denied), so there is no state
		// change for a CSRF token to protect.
		http.csrf((csrf) -> csrf.disable());
		return http.build();
	}

}
