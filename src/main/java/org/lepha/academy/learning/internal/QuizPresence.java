package org.lepha.academy.learning.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * When each cadet was last seen in an open attempt, kept in memory only: a heartbeat
 * every few seconds from hundreds of cadets must cost no SQL, and losing it in a restart
 * only makes the monitor fall back to the attempt's start time. It also remembers whose
 * attempt it is, so that a heartbeat is checked without a query.
 */
@Component
public class QuizPresence {

	private record Seen(long userId, Instant at) {
	}

	private final Map<Long, Seen> seen = new ConcurrentHashMap<>();

	public void seen(long attemptId, long userId, Instant at) {
		seen.put(attemptId, new Seen(userId, at));
	}

	/** The attempt's owner, if the attempt was seen since the server started. */
	public @Nullable Long owner(long attemptId) {
		Seen last = seen.get(attemptId);
		return last == null ? null : last.userId();
	}

	public Map<Long, Instant> lastSeen(Collection<Long> attemptIds) {
		Map<Long, Instant> result = new HashMap<>();
		for (Long id : attemptIds) {
			Seen last = seen.get(id);
			if (last != null) {
				result.put(id, last.at());
			}
		}
		return result;
	}

	/** A graded attempt needs no presence any more. */
	public void forget(long attemptId) {
		seen.remove(attemptId);
	}

}
