package org.lepha.academy;

import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the over-HTTP tests read from a response (the session cookie, a redirect), and the
 * random client addresses they sign in from so that one test's failures never lock
 * another's address.
 */
public final class HttpResponses {

	private HttpResponses() {
	}

	/** The session id the response sets, if it sets one. */
	public static Optional<String> sessionCookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("JSESSIONID="))
			.map((c) -> c.substring("JSESSIONID=".length(), c.indexOf(';')))
			.findFirst();
	}

	/** The session id the response must set. */
	public static String requiredSessionCookie(HttpResponse<?> response) {
		return sessionCookie(response)
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
	}

	/** Where the response redirects to, or an empty string. */
	public static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	/** A random address in 10.0.0.0/8, as a trusted proxy would forward it. */
	public static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

}
