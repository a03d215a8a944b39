package org.lepha.academy.cohorts;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.cohorts.internal.CadetDetailRepository;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One cadet's detailed progress for the trainers of a cohort the cadet is or was enrolled
 * in, and for administrators.
 */
@Service
public class CadetDetails {

	private final CohortService cohorts;

	private final CadetDetailRepository repository;

	public CadetDetails(CohortService cohorts, CadetDetailRepository repository) {
		this.cohorts = cohorts;
		this.repository = repository;
	}

	/**
	 * @throws AccessDeniedException if the caller does not run the cohort or the user was
	 * never a cadet of it (the same answer for both)
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public CadetDetail detail(long cohortId, long userId) {
		cohorts.requireAccess(cohortId);
		return repository.detail(cohortId, userId).orElseThrow(() -> new AccessDeniedException("No such cadet"));
	}

	/**
	 * Records a cadet's sex, or clears it with {@code null} (decision 0018: optional, for
	 * aggregate reports only).
	 * @throws AccessDeniedException as {@link #detail(long, long)}
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public void setSex(long cohortId, long userId, @Nullable CadetSex sex) {
		cohorts.requireAccess(cohortId);
		if (!repository.wasEnrolled(cohortId, userId)) {
			throw new AccessDeniedException("No such cadet");
		}
		repository.setSex(userId, sex);
	}

}
