package org.lepha.academy.exams;

/** Where a session stands now. */
public enum ExamPhase {

	/** Opens later; cadets see a countdown. */
	SCHEDULED,
	/** Cadets may start. */
	OPEN,
	/** Past its end, or closed early. */
	CLOSED

}
