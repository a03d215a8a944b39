package org.lepha.academy.learning;

import java.time.Instant;
import java.util.Map;

import org.lepha.academy.base.SystemPort;

/**
 * The modules a cadet has completed and when, for system callers (certificates are issued
 * when a completion is recorded, with nobody signed in). Checks no caller: views use
 * {@link LearningService}.
 */
@SystemPort
public interface CadetCompletions {

	/** Module id to the moment of completion, oldest first. */
	Map<String, Instant> of(long cadetUserId);

}
