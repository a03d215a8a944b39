package org.lepha.academy.base.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

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
			@Value("${app.max-concurrent-requests:0}") int configured, MeterRegistry meters) {
		int permits = configured > 0 ? configured : 4 * Runtime.getRuntime().availableProcessors();
		AdmissionFilter filter = new AdmissionFilter(permits, meters);
		FilterRegistrationBean<AdmissionFilter> registration = new FilterRegistrationBean<>(filter);
		// Before Spring Security: sign-ins (bcrypt) are application work too.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/*");
		return registration;
	}

	static final class AdmissionFilter extends OncePerRequestFilter {

		private final Semaphore permits;

		/** {@code academy.admission.wait}: time from arrival to being let in. */
		private final Timer waiting;

		/**
		 * Besides the wait, {@code academy.admission.queue} (requests waiting now) and
		 * {@code academy.admission.active} (requests being served now), read at scrape
		 * time from the semaphore: recording costs no allocation per request.
		 */
		AdmissionFilter(int permits, MeterRegistry meters) {
			this.permits = new Semaphore(permits, true);
			this.waiting = Timer.builder("academy.admission.wait")
				.description("Time application requests waited for their turn")
				.publishPercentileHistogram()
				.minimumExpectedValue(Duration.ofMillis(1))
				.maximumExpectedValue(Duration.ofSeconds(30))
				.register(meters);
			Gauge.builder("academy.admission.queue", this.permits, Semaphore::getQueueLength)
				.description("Application requests waiting for their turn")
				.register(meters);
			Gauge.builder("academy.admission.active", this.permits, (s) -> permits - s.availablePermits())
				.description("Application requests being served")
				.register(meters);
			Gauge.builder("academy.admission.limit", () -> permits)
				.description("Application requests served at once (APP_MAX_CONCURRENT_REQUESTS)")
				.register(meters);
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
			long arrived = System.nanoTime();
			try {
				permits.acquire();
				waiting.record(System.nanoTime() - arrived, TimeUnit.NANOSECONDS);
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
