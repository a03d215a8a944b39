package org.lepha.academy.learning.internal;

import java.time.Instant;
import java.util.Map;

import org.lepha.academy.learning.CadetCompletions;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The completions recorded by the learning feature, for system callers.
 */
@Component
class RecordedCompletions implements CadetCompletions {

	private final ProgressRepository progress;

	RecordedCompletions(ProgressRepository progress) {
		this.progress = progress;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Instant> of(long cadetUserId) {
		return progress.completions(cadetUserId);
	}

}
