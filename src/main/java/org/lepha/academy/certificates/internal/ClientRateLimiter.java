package org.lepha.academy.certificates.internal;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

import org.lepha.academy.certificates.CertificateProperties;

import org.springframework.stereotype.Component;

/**
 * Requests per client address and minute for the public verification endpoints, so that
 * nobody can walk through codes. A sliding window (this minute's count plus the share of
 * last minute's that still falls within the past 60 seconds): a fixed window would let a
 * client send twice the limit across a minute's turn. Kept in memory per node: with N
 * nodes a client gets at most N times the limit, still far too little to guess a 160-bit
 * code.
 */
@Component
class ClientRateLimiter {

	private static final int MAX_TRACKED_CLIENTS = 100_000;

	private static final long MINUTE = 60_000;

	private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

	private final Clock clock;

	private final int perMinute;

	/** One client's counts in the current and the previous minute. */
	private static final class Window {

		private long minute;

		private int current;

		private int previous;

		synchronized boolean tryAcquire(long now, int limit) {
			long at = now / MINUTE;
			if (at != this.minute) {
				this.previous = at == this.minute + 1 ? this.current : 0;
				this.current = 0;
				this.minute = at;
			}
			double elapsed = (now % MINUTE) / (double) MINUTE;
			if (this.current + this.previous * (1 - elapsed) >= limit) {
				return false;
			}
			this.current++;
			return true;
		}

		synchronized boolean idleSince(long minute) {
			return this.minute < minute - 1;
		}

	}

	ClientRateLimiter(Clock clock, CertificateProperties properties) {
		this.clock = clock;
		this.perMinute = properties.verificationsPerMinute();
	}

	/** Counts a request; false when the client is over the limit for the past minute. */
	boolean tryAcquire(String clientAddress) {
		long now = this.clock.millis();
		if (this.windows.size() > MAX_TRACKED_CLIENTS) {
			this.windows.values().removeIf((w) -> w.idleSince(now / MINUTE));
			if (this.windows.size() > MAX_TRACKED_CLIENTS && !this.windows.containsKey(clientAddress)) {
				// A flood from very many addresses: refuse new ones until old ones
				// expire.
				return false;
			}
		}
		return this.windows.computeIfAbsent(clientAddress, (k) -> new Window()).tryAcquire(now, this.perMinute);
	}

}
