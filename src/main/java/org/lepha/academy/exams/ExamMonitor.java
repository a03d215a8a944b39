package org.lepha.academy.exams;

import java.util.List;

/**
 * The live monitor of a session: counts at the top, one row per active cadet of the
 * cohort.
 */
public record ExamMonitor(ExamSession session, int notStarted, int answering, int submitted, int away,
		List<CadetState> cadets) {

	public ExamMonitor {
		cadets = List.copyOf(cadets);
	}

}
