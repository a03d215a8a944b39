package org.lepha.academy.cohorts;

import java.time.Instant;
import java.util.Locale;

/**
 * A cadet currently enrolled in a cohort.
 */
public record EnrolledCadet(long userId, String username, String fullName, Locale locale, Instant enrolledAt) {

}
