package org.lepha.academy.translation;

/** Where the translation of one segment stands. */
public enum SegmentStatus {

	/** No translation. */
	MISSING,
	/** Translated, not yet approved. */
	DRAFT,
	/** Approved by a second translator or an administrator. */
	APPROVED,
	/** Translated from an English text that has changed since. */
	STALE

}
