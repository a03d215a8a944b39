package org.lepha.academy.base.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Long-lived, immutable caching for static files whose address changes with their content
 * (issue 18: a cadet's second visit should cost almost nothing on a slow line). Only such
 * addresses are cached for a year; everything else keeps the server's and Spring
 * Security's headers, so a changed file is never stuck in a browser:
 * <ul>
 * <li>{@code /VAADIN/build/**}: Vite's production bundle, every file name carries a
 * content hash;</li>
 * <li>any request with Vaadin's {@code v-c} parameter: the content hash Vaadin adds to
 * {@code @StyleSheet} addresses ({@code /lumo/lumo.css?v-c=…},
 * {@code /styles/app.css?v-c=…});</li>
 * <li>{@code /fonts/**} and {@code /images/**} with a {@code v} parameter of hex digits:
 * app.css names its fonts with the start of their SHA-256 (checked by a test).</li>
 * </ul>
 * Without this, Vaadin and Spring Security answered these with revalidation headers and a
 * returning visit asked again for every file (about 25 requests).
 */
@Configuration(proxyBeanMethods = false)
class StaticCaching {

	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	private static final Pattern VERSION = Pattern.compile("[0-9a-f]{8,64}");

	@Bean
	FilterRegistrationBean<ImmutableCachingFilter> staticCachingFilter() {
		FilterRegistrationBean<ImmutableCachingFilter> registration = new FilterRegistrationBean<>(
				new ImmutableCachingFilter());
		// Before Spring Security, whose header writer must see our Cache-Control.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.addUrlPatterns("/*");
		return registration;
	}

	/** Whether the address names one version of a file for good. */
	static boolean isVersioned(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/VAADIN/build/")) {
			return true;
		}
		String hash = request.getParameter("v-c");
		if (hash != null && !hash.isBlank()) {
			return true;
		}
		String version = request.getParameter("v");
		return (path.startsWith("/fonts/") || path.startsWith("/images/")) && version != null
				&& VERSION.matcher(version).matches();
	}

	static final class ImmutableCachingFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!isVersioned(request)) {
				chain.doFilter(request, response);
				return;
			}
			chain.doFilter(request, new ImmutableResponse(response));
		}

	}

	/**
	 * Marks the answer immutable once it turns out to be the file itself: a successful
	 * status and a content type that is not HTML (an unknown address gets Vaadin's page
	 * or an error, which must not be cached for a year). From then on it keeps our
	 * Cache-Control whatever the handlers after us write (Vaadin's static file server,
	 * Spring Security's "no-cache" defaults).
	 */
	private static final class ImmutableResponse extends HttpServletResponseWrapper {

		private boolean immutable;

		ImmutableResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void setContentType(String type) {
			super.setContentType(type);
			decide(type);
		}

		private void decide(String type) {
			if (type != null && !type.startsWith("text/html") && getStatus() < 300) {
				immutable = true;
				super.setHeader("Cache-Control", IMMUTABLE);
			}
		}

		private boolean ours(String name) {
			return immutable && ("Cache-Control".equalsIgnoreCase(name) || "Pragma".equalsIgnoreCase(name)
					|| "Expires".equalsIgnoreCase(name));
		}

		@Override
		public void setHeader(String name, String value) {
			if ("Content-Type".equalsIgnoreCase(name)) {
				setContentType(value);
			}
			else if (!ours(name)) {
				super.setHeader(name, value);
			}
		}

		@Override
		public void addHeader(String name, String value) {
			if ("Content-Type".equalsIgnoreCase(name)) {
				setContentType(value);
			}
			else if (!ours(name)) {
				super.addHeader(name, value);
			}
		}

		@Override
		public void setDateHeader(String name, long date) {
			if (!ours(name)) {
				super.setDateHeader(name, date);
			}
		}

		@Override
		public void addDateHeader(String name, long date) {
			if (!ours(name)) {
				super.addDateHeader(name, date);
			}
		}

		@Override
		public void setStatus(int status) {
			super.setStatus(status);
			// 304 answers for the same file; anything else is not the file.
			if (status >= 300 && status != 304) {
				revoke();
			}
		}

		@Override
		public void sendError(int status) throws IOException {
			revoke();
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			revoke();
			super.sendError(status, message);
		}

		private void revoke() {
			if (immutable) {
				immutable = false;
				super.setHeader("Cache-Control", "no-store");
			}
		}

	}

}
