package org.lepha.academy.cohorts;

import java.util.List;

import org.lepha.academy.cohorts.internal.CohortRepository;
import org.lepha.academy.security.UserAccountService;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Academies and cohorts. Trainers see and change only the cohorts they are assigned to;
 * administrators see all. Checked here, per object, not only in the views.
 */
@Service
public class CohortService {

	private final CohortRepository cohorts;

	public CohortService(CohortRepository cohorts) {
		this.cohorts = cohorts;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public Academy createAcademy(String name) {
		return cohorts.findAcademy(cohorts.insertAcademy(name.strip())).orElseThrow();
	}

	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public CohortSummary createCohort(NewCohort cohort) {
		if (cohort.endDate() != null && cohort.startDate() != null && cohort.endDate().isBefore(cohort.startDate())) {
			throw new IllegalArgumentException("A cohort cannot end before it starts");
		}
		return cohorts.find(cohorts.insertCohort(cohort)).orElseThrow();
	}

	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public void enrol(long cohortId, long cadetUserId) {
		requireAccess(cohortId);
		cohorts.enrol(cohortId, cadetUserId);
	}

	/** The cohorts the caller runs (all of them for an administrator). */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<CohortSummary> myCohorts() {
		return isAdmin() ? cohorts.all() : cohorts.forTrainer(UserAccountService.requireCurrentUserId());
	}

	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public CohortSummary cohort(long cohortId) {
		requireAccess(cohortId);
		return cohorts.find(cohortId).orElseThrow(() -> new AccessDeniedException("No such cohort"));
	}

	private void requireAccess(long cohortId) {
		if (!isAdmin() && !cohorts.isTrainerOf(cohortId, UserAccountService.requireCurrentUserId())) {
			// The same answer for "not yours" and "does not exist": ids are not probed.
			throw new AccessDeniedException("No such cohort");
		}
	}

	private static boolean isAdmin() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch((a) -> "ROLE_ADMIN".equals(a.getAuthority()));
	}

}
