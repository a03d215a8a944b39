package org.lepha.academy.cohorts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.audit.AuditLog;
import org.lepha.academy.cohorts.internal.CohortRepository;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.internal.AcademyUserDetails;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A join code valid until a moment, used on either side of that moment: the last
 * millisecond before it still enrols, the moment itself no longer does. The clock is
 * fixed and the repository a mock, so the boundary is exact.
 */
class JoinCodeDeadlineTests {

	private static final Instant EXPIRES = Instant.parse("2026-12-01T08:00:00Z");

	private static final long COHORT = 5;

	private static final long CADET = 42;

	private final CohortRepository repository = mock(CohortRepository.class);

	private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

	@BeforeEach
	void aCohortWithACodeAndASignedInCadetInNoCohort() {
		when(this.repository.cohortByJoinCode("ABCD2345")).thenReturn(Optional.of(COHORT));
		when(this.repository.joinCode(COHORT)).thenReturn(new JoinCode("ABCD2345", true, EXPIRES));
		when(this.repository.activeCohortOf(CADET)).thenReturn(Optional.empty());
		when(this.repository.find(COHORT))
			.thenReturn(Optional.of(new CohortSummary(COHORT, 1, "Academy", "Cohort", null, null, 0)));
		UserAccount cadet = new UserAccount(CADET, "cadet", "Cadet", null, Locale.ENGLISH, Set.of(Role.CADET), 1L, true,
				false);
		AcademyUserDetails details = new AcademyUserDetails(cadet, "hash");
		SecurityContextHolder.getContext()
			.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theLastMillisecondBeforeTheDeadlineStillEnrols() {
		assertThat(service(EXPIRES.minusMillis(1)).joinWithCode(" abcd2345 ").id()).isEqualTo(COHORT);
		verify(this.repository).enrol(COHORT, CADET, CADET);
		verify(this.events).publishEvent(new CadetEnrolled(CADET, COHORT));
	}

	@Test
	void atTheDeadlineTheCodeIsRefusedAndNothingIsWritten() {
		assertThatThrownBy(() -> service(EXPIRES).joinWithCode("ABCD2345")).isInstanceOf(CohortException.class)
			.hasMessage("join.error.invalid");
		verify(this.repository, never()).enrol(anyLong(), anyLong(), any());
		verify(this.events, never()).publishEvent(any(Object.class));
	}

	private CohortService service(Instant now) {
		return new CohortService(this.repository, mock(AuditLog.class), Clock.fixed(now, ZoneOffset.UTC),
				mock(ContentCatalog.class), this.events);
	}

}
