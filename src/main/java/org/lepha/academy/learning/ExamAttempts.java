package org.lepha.academy.learning;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import org.lepha.academy.base.SystemPort;

/**
 * What an exam session does to the attempts of its cadets, for the exams feature's
 * service after it has checked the trainer (decision 0014). Checks no caller: views use
 * the exams service.
 */
@SystemPort
public interface ExamAttempts {

	/**
	 * Draws and stores a not yet started post-test attempt for each of the cadets who has
	 * no open attempt and attempts left, in JDBC batches; prepared attempts of older
	 * sessions of these cadets in this module are dropped first.
	 * @return how many were prepared
	 */
	int prepare(long sessionId, String moduleId, Collection<Long> cadetIds);

	/**
	 * Drops the session's attempts that were prepared but never started.
	 * @return how many
	 */
	int discardPrepared(long sessionId);

	/**
	 * Moves the deadline of the cadet's started, unsubmitted attempt in the session.
	 * @return false when the cadet has no such attempt (the extra time then applies when
	 * they start)
	 */
	boolean extendDeadline(long sessionId, long cadetId, int minutes);

	/**
	 * Opens the cadet's latest attempt in the session again when it was submitted or its
	 * time ran out: the answers stay, the grade is cleared, the new deadline applies.
	 * @return false when there is nothing to reopen
	 */
	boolean reopen(long sessionId, long cadetId, Instant deadline);

	/**
	 * Grades every started, unsubmitted attempt of the session now.
	 * @return how many were graded
	 */
	int gradeOpen(long sessionId);

	/**
	 * When the cadets were last seen in these attempts (kept in memory); attempts nobody
	 * has been seen in since the server started are missing.
	 */
	Map<Long, Instant> lastSeen(Collection<Long> attemptIds);

}
