/**
 * Persistence of classroom sessions, rounds and votes; the per-session broadcaster; the
 * cohort analytics' view of classroom runs.
 */
@NullMarked
package org.lepha.academy.classroom.internal;

import org.jspecify.annotations.NullMarked;
