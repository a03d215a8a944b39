package org.lepha.academy.exams.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lepha.academy.learning.ExamWindows;
import org.lepha.academy.security.UserAccountService;

import org.springframework.stereotype.Component;

/**
 * The exam window of the signed-in cadet, for the learning feature's quiz start (which
 * runs it inside its own transaction).
 */
@Component
class ExamWindowsForCadets implements ExamWindows {

	/** How many sessions' access codes are remembered (a few sessions a day per node). */
	private static final int REMEMBERED_CODES = 512;

	private final ExamSessionRepository sessions;

	private final Clock clock;

	/**
	 * The access codes of sessions whose window was read lately, by session id. A
	 * session's code is set when it is opened and never changed, so a remembered code is
	 * never stale; it saves the start its own query when a whole academy presses Start
	 * together (docs/performance.md, "Exam day").
	 */
	private final Map<Long, String> codes = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
			return size() > REMEMBERED_CODES;
		}
	});

	ExamWindowsForCadets(ExamSessionRepository sessions, Clock clock) {
		this.sessions = sessions;
		this.clock = clock;
	}

	@Override
	public Optional<ExamWindow> forCurrentCadet(String moduleId) {
		Instant now = clock.instant();
		return sessions.windowFor(UserAccountService.requireCurrentUserId(), moduleId, now).map((w) -> {
			var s = w.session();
			if (s.accessCode() != null) {
				codes.put(s.id(), s.accessCode());
			}
			boolean open = s.closedEarlyAt() == null && !now.isBefore(s.opensAt()) && now.isBefore(s.closesAt());
			return new ExamWindow(s.id(), s.opensAt(), s.closesAt(), s.accessCode() != null, open, w.extraMinutes());
		});
	}

	@Override
	public boolean accessCodeMatches(long sessionId, String code) {
		String typed = code.strip().toUpperCase(Locale.ROOT);
		String remembered = codes.get(sessionId);
		return (remembered != null ? Optional.of(remembered) : sessions.accessCode(sessionId))
			.map((expected) -> MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
					typed.getBytes(StandardCharsets.UTF_8)))
			.orElse(false);
	}

}
