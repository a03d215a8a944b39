package org.lepha.academy.exams;

/** A cadet's state in a session, as the trainer's monitor shows it. */
public enum ExamCadetStatus {

	NOT_STARTED, ANSWERING, SUBMITTED,
	/** Answering, but not seen for more than 60 seconds. */
	AWAY

}
