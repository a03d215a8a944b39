/**
 * Persistence of cohorts, enrolments and assignments, the demo academy, and the ports
 * cohorts implements for other modules.
 */
@NullMarked
package org.lepha.academy.cohorts.internal;

import org.jspecify.annotations.NullMarked;
