package org.lepha.academy.base.web;

import java.io.IOException;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission control: at most a few application requests are worked on at once, the others
 * wait their turn in arrival order. Requests run on virtual threads, so without a bound a
 * burst (a whole class pressing "Start the quiz" together) starts thousands of requests
 * at once; they all compete for the 2 cores and the database pool, connection holders
 * wait behind everyone else for a carrier thread, and after the pool's short timeout
 * (kept short on purpose, see DatabaseConfiguration) users get "database unreachable"
 * errors. Queued here instead, every request is served, in order. Static resources and
 * health checks are not counted. Measured with the load generator, see
 * docs/performance.md, "Load: simultaneous quiz takers".
 */
@Configuration(proxyBeanMethods = false)
class RequestAdmission {

	@Bean
	FilterRegistrationBean<AdmissionFilter> requestAdmissionFilter(
			@Value("${app.max-concurrent-requests:0}") int configured) {
		int permits = configured > 0 ? configured : 4 * Runtime.getRuntime().availableProcessors();
		FilterRegistrationBean<AdmissionFilter> registration = new FilterRegistrationBean<>(
				new AdmissionFilter(permits));
		// Before Spring Security: sign-ins (bcrypt) are application work too.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/*");
		return registration;
	}

	static final class AdmissionFilter extends OncePerRequestFilter {

		private final Semaphore permits;

		AdmissionFilter(int permits) {
			this.permits = new Semaphore(permits, true);
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return path.startsWith("/VAADIN/") || path.startsWith("/fonts/") || path.startsWith("/styles/")
					|| path.startsWith("/images/") || path.startsWith("/actuator/")
					|| "heartbeat".equals(request.getParameter("v-r"));
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			try {
				permits.acquire();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
				return;
			}
			try {
				chain.doFilter(request, response);
			}
			finally {
				permits.release();
			}
		}

	}

}
