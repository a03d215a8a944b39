package org.lepha.academy.learning;

import java.time.Instant;
import java.util.Optional;

/**
 * The exam session a cadet's quiz start is gated by, provided by the exams feature (which
 * depends on learning, not the other way round), as {@link CadetAssignments} is provided
 * by cohorts.
 */
public interface ExamWindows {

	/**
	 * The signed-in cadet's cohort's session for the module: the one open now, else the
	 * next scheduled one, else the latest closed one; empty when the cohort never had
	 * one.
	 */
	Optional<ExamWindow> forCurrentCadet(String moduleId);

	/**
	 * Whether the code is the session's access code (case and surrounding blanks do not
	 * matter).
	 */
	boolean accessCodeMatches(long sessionId, String code);

	/**
	 * A session's window as one cadet sees it.
	 *
	 * @param open whether a start is possible now (opened, not closed, not closed early)
	 * @param extraMinutes the cadet's accommodation, added to the time limit and to the
	 * window's end
	 */
	record ExamWindow(long sessionId, Instant opensAt, Instant closesAt, boolean needsAccessCode, boolean open,
			int extraMinutes) {

		/** Not opened yet at {@code now}: the countdown runs. */
		public boolean scheduledAt(Instant now) {
			return now.isBefore(opensAt);
		}

		/** Opened and over at {@code now} (its end passed, or closed early). */
		public boolean closedAt(Instant now) {
			return !scheduledAt(now) && !open;
		}

	}

}
