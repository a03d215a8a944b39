package org.lepha.academy.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lock rule itself: the fifth failure inside 15 minutes locks for 15 minutes from
 * that failure.
 */
class LoginThrottleTests {

	private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

	@Test
	void fourFailuresDoNotLock() {
		assertThat(LoginThrottle.lockedUntil(failuresAt(0, 1, 2, 3), T0.plus(Duration.ofMinutes(4)))).isEmpty();
	}

	@Test
	void theFifthFailureWithinFifteenMinutesLocksForFifteenMinutes() {
		List<Instant> failures = failuresAt(0, 2, 4, 6, 8);
		assertThat(LoginThrottle.lockedUntil(failures, T0.plus(Duration.ofMinutes(9))))
			.contains(T0.plus(Duration.ofMinutes(23)));
		assertThat(LoginThrottle.lockedUntil(failures, T0.plus(Duration.ofMinutes(23)))).isEmpty();
	}

	@Test
	void fiveFailuresSpreadOverMoreThanFifteenMinutesDoNotLock() {
		assertThat(LoginThrottle.lockedUntil(failuresAt(0, 5, 10, 15, 16), T0.plus(Duration.ofMinutes(17)))).isEmpty();
	}

	private static List<Instant> failuresAt(int... minutes) {
		List<Instant> list = new ArrayList<>();
		for (int m : minutes) {
			list.add(T0.plus(Duration.ofMinutes(m)));
		}
		return list;
	}

}
