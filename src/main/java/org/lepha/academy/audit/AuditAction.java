package org.lepha.academy.audit;

/**
 * What was done. Stored by name; never rename a constant.
 */
public enum AuditAction {

	ENROLMENT, WITHDRAWAL, MOVE, ACCOUNTS_IMPORTED, ASSIGNMENT, ASSIGNMENT_REMOVED, DUE_DATE_CHANGED, JOIN_CODE_CHANGED,
	GRADE_OVERRIDE, CERTIFICATE_REVOKED, CERTIFICATE_REISSUED

}
