package org.lepha.academy.security.internal;

import java.time.Clock;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.lepha.academy.security.ui.LoginView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Spring Security with Vaadin's configurer: form login through {@link LoginView},
 * throttled; method security so that every application service checks roles itself.
 * <p>
 * Method security reads {@code @PreAuthorize} only, not the JSR-250 annotations: views
 * carry {@code @RolesAllowed} for Vaadin's navigation access control, and with JSR-250
 * method security on, every view instance became a CGLIB proxy whose advisors Spring
 * matched anew against all of the view's methods at each navigation (half of a quiz
 * start's CPU in the exam-day profile, see docs/decisions/0015-quiz-start-cost.md), and
 * every call on the view went through the authorization interceptor. Services use
 * {@code @PreAuthorize}; {@code ServiceAccessMatrixTests} checks them.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * What pages may load and run. Vaadin's client needs inline styles and evaluates the
	 * server's JavaScript calls ('unsafe-eval'); everything else is limited to this
	 * origin, and no site may frame the app. Lesson HTML is sanitized on the server, so
	 * the policy is a second line of defence, not the first. {@code connect-src 'self'}
	 * also covers a WebSocket to this same host (CSP Level 3 matches ws/wss against
	 * 'self'), so a bare {@code ws: wss:}, which allows any host, is not needed.
	 */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " + "frame-ancestors 'none'";

	/**
	 * One year of HTTPS only, for this host alone: an academy's other hosts on the same
	 * domain (an intranet, a printer) may well be plain HTTP, and
	 * {@code includeSubDomains} would cut them off.
	 */
	public static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

	/** The HSTS header value, sent only on responses to requests that came over HTTPS. */
	public static final String STRICT_TRANSPORT_SECURITY = "max-age=" + HSTS_MAX_AGE_SECONDS;

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
			RequestUtil vaadinRequests, SessionRegistry sessionRegistry) throws Exception {
		http.authorizeHttpRequests((auth) -> auth.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.denyAll()
			.requestMatchers("/fonts/**", "/styles/**", "/images/**")
			.permitAll()
			// Certificate verification is public by design (anyone holding a code), and
			// rate-limited per client address by the certificates feature.
			.requestMatchers("/verify", "/verify/**", "/api/certificates/**", "/.well-known/jwks.json")
			.permitAll()
			// Lesson and scenario images, for anyone signed in. Without this rule
			// Vaadin's
			// configurer treats the path as an unknown view and answers 403 to everyone.
			.requestMatchers("/content-media/**")
			.authenticated());
		http.authenticationManager(authenticationManager);
		// Vaadin's own CSRF setup exempts the login form's POST from the token check, so
		// a
		// foreign site could sign a victim in as the attacker (login CSRF). The form does
		// send the token (the login component copies it from the page's _csrf meta tags),
		// so CSRF is configured here instead: only Vaadin's internal requests, which
		// carry
		// Vaadin's own CSRF token, are exempt.
		http.with(VaadinSecurityConfigurer.vaadin(),
				(vaadin) -> vaadin.loginView(LoginView.class).enableCsrfConfiguration(false));
		// The public verification upload (a certificate PDF or credential, from the
		// page's
		// plain form or from other systems) carries no token either: it changes nothing,
		// answers the same to anyone, and a token would need a session for every visitor.
		http.csrf((csrf) -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest)
			.ignoringRequestMatchers(
					PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/verify/upload"),
					PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/certificates/verify")));
		// After Vaadin's configurer: tell a throttled user why, everyone else the same
		// generic error.
		http.formLogin((form) -> form.failureHandler(new LoginFailureHandler()));
		// A fresh session at login, keeping only Spring Security's own attributes: the
		// anonymous Vaadin session (with the login page's UI) is left behind instead of
		// being carried into every signed-in session, where it would hold heap until its
		// heartbeats time out.
		// Every signed-in session is registered (no limit on how many), so a password
		// change can expire the user's other sessions (UserAccountService); an expired
		// session's next request signs it out to the login page.
		http.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.newSession())
			.maximumSessions(-1)
			.sessionRegistry(sessionRegistry)
			.expiredUrl("/login"));
		// Pages carry the session's CSRF token, so nothing may be cached; HSTS is written
		// by
		// Spring Security only for requests that came over HTTPS (browsers ignore it over
		// HTTP, and promising HTTPS there would lock users out of a plain-HTTP install).
		http.headers((headers) -> headers.contentTypeOptions((c) -> {
		})
			.referrerPolicy((r) -> r.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((f) -> f.deny())
			.cacheControl((cache) -> {
			})
			.httpStrictTransportSecurity(
					(hsts) -> hsts.maxAgeInSeconds(HSTS_MAX_AGE_SECONDS).includeSubDomains(false)));

		return http.build();
	}

	/**
	 * No Micrometer observations of Spring Security's filters, authentications and
	 * authorization decisions. With Actuator on the class path Spring Security wraps each
	 * of its dozen filters in an observation on every request, which registers and looks
	 * up meters per filter: 8 % of the server's CPU in the exam-day burst
	 * (docs/performance.md, "Exam day"), for metrics nobody reads. Requests are still
	 * measured as a whole ({@code http.server.requests}), signed-in sessions by our own
	 * meters, and sign-ins in the audit log; the dashboard (docs/grafana) uses none of
	 * them.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** The signed-in sessions of this node. */
	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	/** Tells the session registry when sessions end, so it does not grow forever. */
	@Bean
	static HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt by default, with the {id} prefix so the algorithm can change without a
		// migration.
		return new BoundedPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
				BoundedPasswordEncoder.defaultConcurrency());
	}

	@Bean
	UserDetailsService userDetailsService(UserAccountRepository users) {
		return (username) -> users.findByUsername(username)
			.map((stored) -> new AcademyUserDetails(stored.account(), stored.passwordHash()))
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService userDetailsService, PasswordEncoder encoder,
			LoginThrottle throttle, ApplicationEventPublisher events) {
		DaoAuthenticationProvider dao = new DaoAuthenticationProvider(userDetailsService);
		dao.setPasswordEncoder(encoder);
		// A deactivated account is refused only after its password matched: checked
		// first (Spring's default), "deactivated" would tell anyone guessing which
		// accounts exist. We never use locked or expired accounts (throttling has its
		// own lock), so those checks are not needed.
		dao.setPreAuthenticationChecks((user) -> {
		});
		dao.setPostAuthenticationChecks((user) -> {
			if (!user.isEnabled()) {
				throw new DisabledException("Account deactivated");
			}
		});
		return new ProviderManager(new ThrottlingAuthenticationProvider(dao, throttle, events));
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
