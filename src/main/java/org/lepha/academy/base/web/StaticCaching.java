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
			response.setHeader("Cache-Control", IMMUTABLE);
			chain.doFilter(request, new ImmutableResponse(response));
		}

	}

	/**
	 * Keeps our Cache-Control whatever the handlers after us write (Vaadin's static file
	 * server, Spring Security's "no-cache" defaults), but only on successful answers: an
	 * error page for a versioned address must not be cached for a year.
	 */
	private static final class ImmutableResponse extends HttpServletResponseWrapper {

		ImmutableResponse(HttpServletResponse response) {
			super(response);
		}

		private boolean ours(String name) {
			return getStatus() < 400 && ("Cache-Control".equalsIgnoreCase(name) || "Pragma".equalsIgnoreCase(name)
					|| "Expires".equalsIgnoreCase(name));
		}

		@Override
		public void setHeader(String name, String value) {
			if (!ours(name)) {
				super.setHeader(name, value);
			}
		}

		@Override
		public void addHeader(String name, String value) {
			if (!ours(name)) {
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
			dropOnError(status);
		}

		@Override
		public void sendError(int status) throws IOException {
			dropOnError(status);
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			dropOnError(status);
			super.sendError(status, message);
		}

		private void dropOnError(int status) {
			if (status >= 400) {
				super.setHeader("Cache-Control", "no-store");
			}
		}

	}

}
