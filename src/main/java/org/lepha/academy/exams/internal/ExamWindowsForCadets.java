package org.lepha.academy.exams.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
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

	private final ExamSessionRepository sessions;

	private final Clock clock;

	ExamWindowsForCadets(ExamSessionRepository sessions, Clock clock) {
		this.sessions = sessions;
		this.clock = clock;
	}

	@Override
	public Optional<ExamWindow> forCurrentCadet(String moduleId) {
		Instant now = clock.instant();
		return sessions.windowFor(UserAccountService.requireCurrentUserId(), moduleId, now).map((w) -> {
			var s = w.session();
			boolean open = s.closedEarlyAt() == null && !now.isBefore(s.opensAt()) && now.isBefore(s.closesAt());
			return new ExamWindow(s.id(), s.opensAt(), s.closesAt(), s.accessCode() != null, open, w.extraMinutes());
		});
	}

	@Override
	public boolean accessCodeMatches(long sessionId, String code) {
		String typed = code.strip().toUpperCase(Locale.ROOT);
		return sessions.accessCode(sessionId)
			.map((expected) -> MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
					typed.getBytes(StandardCharsets.UTF_8)))
			.orElse(false);
	}

}
