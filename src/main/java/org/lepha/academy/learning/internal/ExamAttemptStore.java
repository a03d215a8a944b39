package org.lepha.academy.learning.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.learning.ExamAttempts;
import org.lepha.academy.learning.LearningException;
import org.lepha.academy.learning.internal.QuizAttemptRepository.StoredAttempt;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attempts side of an exam session; joins the exams service's transaction.
 */
@Component
class ExamAttemptStore implements ExamAttempts {

	private final QuizAttemptRepository attempts;

	private final ContentCatalog content;

	private final AttemptGrading grading;

	private final Completion completion;

	private final QuizPresence presence;

	private final Clock clock;

	private final SplittableRandom random = new SplittableRandom();

	ExamAttemptStore(QuizAttemptRepository attempts, ContentCatalog content, AttemptGrading grading,
			Completion completion, QuizPresence presence, Clock clock) {
		this.attempts = attempts;
		this.content = content;
		this.grading = grading;
		this.completion = completion;
		this.presence = presence;
		this.clock = clock;
	}

	@Override
	@Transactional
	public int prepare(long sessionId, String moduleId, Collection<Long> cadetIds) {
		Module module = content.module(moduleId).orElseThrow(() -> new LearningException("learning.error.notFound"));
		attempts.deletePrepared(moduleId, cadetIds);
		Map<Long, List<StoredAttempt>> byCadet = new HashMap<>();
		for (StoredAttempt attempt : attempts.postAttempts(moduleId, cadetIds)) {
			byCadet.computeIfAbsent(attempt.userId(), (k) -> new ArrayList<>()).add(attempt);
		}
		Instant now = clock.instant();
		SplittableRandom draws;
		synchronized (random) {
			draws = random.split();
		}
		List<QuizAttemptRepository.PreparedAttempt> prepared = new ArrayList<>();
		for (Long cadet : cadetIds) {
			List<StoredAttempt> previous = byCadet.getOrDefault(cadet, List.of());
			boolean open = previous.stream().anyMatch((a) -> !a.submitted() && !QuizRules.expired(a, now));
			if (open || QuizRules.attemptsLeft(module.quiz(), previous) == 0) {
				continue;
			}
			int number = previous.stream().mapToInt(StoredAttempt::attemptNo).max().orElse(0) + 1;
			prepared.add(new QuizAttemptRepository.PreparedAttempt(cadet, moduleId, number, module.version(),
					QuizDrawing.draw(module.quiz(), QuizKind.POST, draws), sessionId));
		}
		attempts.insertPrepared(prepared);
		return prepared.size();
	}

	@Override
	@Transactional
	public int discardPrepared(long sessionId) {
		return attempts.deletePrepared(sessionId);
	}

	@Override
	@Transactional
	public boolean extendDeadline(long sessionId, long cadetId, int minutes) {
		Optional<StoredAttempt> latest = attempts.latestInSession(sessionId, cadetId)
			.filter((a) -> !a.submitted() && a.deadline() != null && !QuizRules.expired(a, clock.instant()));
		latest.ifPresent((a) -> attempts.moveDeadline(a.id(), a.deadline().plus(Duration.ofMinutes(minutes))));
		return latest.isPresent();
	}

	@Override
	@Transactional
	public boolean reopen(long sessionId, long cadetId, Instant deadline) {
		Optional<StoredAttempt> latest = attempts.latestInSession(sessionId, cadetId)
			.filter((a) -> a.submitted() || QuizRules.expired(a, clock.instant()));
		latest.ifPresent((a) -> attempts.reopen(a.id(), deadline));
		return latest.isPresent();
	}

	@Override
	@Transactional
	public int gradeOpen(long sessionId) {
		List<StoredAttempt> open = attempts.unsubmittedInSession(sessionId);
		for (StoredAttempt attempt : open) {
			Module module = content.module(attempt.moduleId()).orElse(null);
			grading.grade(attempt, module);
			presence.forget(attempt.id());
			if (module != null) {
				completion.check(attempt.userId(), module);
			}
		}
		return open.size();
	}

	@Override
	public Map<Long, Instant> lastSeen(Collection<Long> attemptIds) {
		return presence.lastSeen(attemptIds);
	}

}
