package org.lepha.academy.learning.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Refuses exam access codes from a cadet who typed a wrong one 5 times within a minute.
 * Unlike the sign-in throttle this one is kept in memory: the codes are valid for one
 * session only, a cadet is already signed in, and 5 guesses a minute against 32^6 codes
 * give a guesser nothing, so surviving a restart is not worth a write per typo.
 */
@Component
public class AccessCodeThrottle {

	static final int MAX_WRONG = 5;

	static final Duration WINDOW = Duration.ofMinutes(1);

	private final Map<Long, Deque<Instant>> wrong = new ConcurrentHashMap<>();

	private final Clock clock;

	public AccessCodeThrottle(Clock clock) {
		this.clock = clock;
	}

	public boolean locked(long userId) {
		Deque<Instant> times = wrong.get(userId);
		if (times == null) {
			return false;
		}
		synchronized (times) {
			prune(times, clock.instant());
			return times.size() >= MAX_WRONG;
		}
	}

	public void recordWrong(long userId) {
		Deque<Instant> times = wrong.computeIfAbsent(userId, (k) -> new ArrayDeque<>());
		synchronized (times) {
			Instant now = clock.instant();
			prune(times, now);
			times.addLast(now);
		}
	}

	private static void prune(Deque<Instant> times, Instant now) {
		while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
			times.removeFirst();
		}
	}

}
