package org.lepha.academy.base.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.util.NetMaskSet;
import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Forwarded headers ({@code X-Forwarded-For}, {@code -Proto}, {@code -Host},
 * {@code -Port}) are believed only from the reverse proxies listed in
 * {@code app.trusted-proxies} ({@code TRUSTED_PROXIES}: IP addresses or CIDR ranges,
 * comma-separated). By default nobody is trusted.
 * <p>
 * Why not Spring Boot's {@code forward-headers-strategy: native}: it trusts every private
 * and loopback address, so on an academy LAN without a proxy any workstation could claim
 * another client address (dodging the per-address sign-in throttle and the verification
 * rate limit, or locking out someone else's address), steer redirects to another host
 * with {@code X-Forwarded-Host}, or toggle the {@code Secure} cookie flag. The strategy
 * is therefore {@code none} and this valve takes its place: Tomcat's own
 * {@link RemoteIpValve}, restricted to the list, so the request's remote address, host,
 * scheme and {@code isSecure()} (which the session cookie and HSTS follow) change only
 * for requests a listed proxy sent. From anyone else the headers are removed before the
 * application sees them.
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxies {

	/** The headers a proxy sets; never believed from an unlisted client. */
	static final List<String> FORWARDED_HEADERS = List.of("X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host",
			"X-Forwarded-Port", "X-Forwarded-Server", "X-Forwarded-Prefix", "Forwarded");

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxiesValve(
			@Value("${app.trusted-proxies:}") String configured) {
		List<String> ranges = parse(configured);
		// With nobody listed the valve still runs: it removes spoofed headers.
		return (factory) -> factory.addEngineValves(new ListedProxiesValve(ranges));
	}

	/**
	 * The configured list as CIDR ranges; a bare address becomes a one-address range.
	 * @throws IllegalArgumentException naming the setting and the entry that is not an
	 * address or range (host names are refused: they would need a DNS lookup per request)
	 */
	static List<String> parse(String configured) {
		List<String> ranges = Arrays.stream(configured.split(","))
			.map(String::strip)
			.filter((entry) -> !entry.isEmpty())
			.map((entry) -> entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32"))
			.toList();
		for (String range : ranges) {
			String address = range.substring(0, range.indexOf('/'));
			boolean literal = address.contains(":") ? address.matches("[0-9a-fA-F:.]+")
					: address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
			try {
				if (!literal) {
					throw new IllegalArgumentException("not an IP address");
				}
				new NetMask(range);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("app.trusted-proxies (TRUSTED_PROXIES): \"" + range
						+ "\" is not an IP address or CIDR range: " + ex.getMessage(), ex);
			}
		}
		return ranges;
	}

	/** Tomcat's RemoteIpValve, applied only to requests from a listed proxy. */
	static final class ListedProxiesValve extends RemoteIpValve {

		private final NetMaskSet proxies;

		ListedProxiesValve(List<String> ranges) {
			this.proxies = NetMaskSet.parse(String.join(",", ranges));
			// A CIDR list (it holds a '/'): the listed proxies are skipped when reading
			// X-Forwarded-For from the right, the first unlisted address is the client.
			// Without a list, no address (the valve's default is every private range).
			setInternalProxies(ranges.isEmpty() ? null : String.join(",", ranges));
			setTrustedProxies(null);
			setRemoteIpHeader("X-Forwarded-For");
			setProtocolHeader("X-Forwarded-Proto");
			setHostHeader("X-Forwarded-Host");
			setPortHeader("X-Forwarded-Port");
			setProxiesHeader("X-Forwarded-By");
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			if (isListed(request.getRemoteAddr())) {
				super.invoke(request, response);
				return;
			}
			for (String header : FORWARDED_HEADERS) {
				request.getCoyoteRequest().getMimeHeaders().removeHeader(header);
			}
			getNext().invoke(request, response);
		}

		private boolean isListed(String remoteAddress) {
			if (this.proxies.isEmpty()) {
				return false;
			}
			try {
				// The connection's address is always a literal: no DNS lookup here.
				return this.proxies.contains(remoteAddress);
			}
			catch (java.net.UnknownHostException ex) {
				return false;
			}
		}

	}

}
