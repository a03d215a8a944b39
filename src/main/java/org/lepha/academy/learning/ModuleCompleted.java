package org.lepha.academy.learning;

import java.time.Instant;

/**
 * Published once when a cadet completes a module; cohorts and certificates react to it.
 */
public record ModuleCompleted(long userId, String moduleId, Instant completedAt) {

}
