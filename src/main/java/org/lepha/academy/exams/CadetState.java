package org.lepha.academy.exams;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One cadet in the monitor.
 *
 * @param answered questions answered in the cadet's attempt in this session
 * @param questions questions drawn (or to be drawn)
 * @param extraMinutes the accommodation given in this session
 * @param deadline of the started attempt; null before the start
 * @param lastSeen last heartbeat or answer (the start when none since the server
 * started); null before the start
 */
public record CadetState(long cadetId, String displayName, ExamCadetStatus status, int answered, int questions,
		int extraMinutes, @Nullable Instant deadline, @Nullable Instant lastSeen) {

}
