package org.lepha.academy.certificates.internal;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.lepha.academy.certificates.CertificateProperties;

import org.springframework.stereotype.Component;

/**
 * A fixed one-minute window of requests per client address for the public verification
 * endpoints, so that nobody can walk through codes. Kept in memory per node: with N nodes
 * a client gets at most N times the limit, still far too little to guess a 160-bit code.
 */
@Component
class ClientRateLimiter {

	private static final int MAX_TRACKED_CLIENTS = 100_000;

	private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	private final Clock clock;

	private final int perMinute;

	private volatile long window;

	ClientRateLimiter(Clock clock, CertificateProperties properties) {
		this.clock = clock;
		this.perMinute = properties.verificationsPerMinute();
	}

	/** Counts a request; false when the client is over the limit for this minute. */
	boolean tryAcquire(String clientAddress) {
		long minute = this.clock.millis() / 60_000;
		if (minute != this.window) {
			synchronized (this) {
				if (minute != this.window) {
					this.counts.clear();
					this.window = minute;
				}
			}
		}
		if (this.counts.size() > MAX_TRACKED_CLIENTS) {
			// A flood from very many addresses: refuse new ones until the window turns.
			return this.counts.containsKey(clientAddress)
					&& this.counts.get(clientAddress).incrementAndGet() <= this.perMinute;
		}
		return this.counts.computeIfAbsent(clientAddress, (k) -> new AtomicInteger())
			.incrementAndGet() <= this.perMinute;
	}

}
