package org.lepha.academy.security;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.lepha.academy.AcademyFixture;
import org.lepha.academy.certificates.Certificate;
import org.lepha.academy.certificates.CertificateService;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.cohorts.NewCohort;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A small academy for the security tests, with fresh accounts for each test class: one
 * account per role, and a second trainer and a second cadet whose objects (cohort, quiz
 * attempt, scenario run, certificates) the first ones must not reach.
 */
public final class SecurityWorld {

	public static final String MODULE = "example-module";

	public static final String PASSWORD = "security-password-1";

	public static final Locale DARI = Locale.forLanguageTag("fa-AF");

	public static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	/** The five kinds of caller of the access matrices. */
	public enum Caller {

		ANONYMOUS, CADET, TRAINER, TRANSLATOR, ADMIN

	}

	private static final AtomicLong COUNTER = new AtomicLong(System.currentTimeMillis());

	private final UserAccountService accounts;

	private final CohortService cohorts;

	private final CertificateService certificates;

	private final AcademyFixture fixture;

	public final Map<Caller, UserAccount> users = new EnumMap<>(Caller.class);

	public Academy academy;

	public UserAccount otherTrainer;

	public UserAccount otherCadet;

	/** A cadet in no cohort, free for enrolment calls. */
	public UserAccount spareCadet;

	/** Run by {@link Caller#TRAINER}; {@link Caller#CADET} is in it. */
	public CohortSummary cohort;

	/** Also run by {@link Caller#TRAINER}, for moves. */
	public CohortSummary secondCohort;

	/** Run by {@link #otherTrainer}; {@link #otherCadet} is in it. */
	public CohortSummary otherCohort;

	public long attempt;

	public long run;

	public Certificate moduleCertificate;

	public Certificate programmeCertificate;

	public long otherAttempt;

	public long otherRun;

	public Certificate otherCertificate;

	public SecurityWorld(ApplicationContext context) {
		this.fixture = new AcademyFixture(context);
		this.accounts = context.getBean(UserAccountService.class);
		this.cohorts = context.getBean(CohortService.class);
		this.certificates = context.getBean(CertificateService.class);
	}

	public static String unique(String prefix) {
		return prefix + COUNTER.incrementAndGet();
	}

	/** Builds the academy; the cadets complete the module and so hold certificates. */
	public SecurityWorld build() {
		SystemAccess.asAdministrator(() -> {
			academy = cohorts.createAcademy(unique("Security academy "));
			users.put(Caller.CADET, user(Role.CADET, "Cadet One"));
			users.put(Caller.TRAINER, user(Role.TRAINER, "Trainer One"));
			users.put(Caller.ADMIN, user(Role.ADMIN, "Admin One"));
			UserAccount translator = user(Role.TRANSLATOR, "Translator Dari");
			accounts.assignTranslatorLocale(translator.id(), DARI);
			users.put(Caller.TRANSLATOR, translator);
			otherTrainer = user(Role.TRAINER, "Trainer Two");
			otherCadet = user(Role.CADET, "Cadet Two");
			spareCadet = user(Role.CADET, "Cadet Spare");
			cohort = cohort(users.get(Caller.TRAINER), users.get(Caller.CADET));
			secondCohort = cohort(users.get(Caller.TRAINER), null);
			otherCohort = cohort(otherTrainer, otherCadet);
			return null;
		});
		as(users.get(Caller.CADET), () -> {
			AcademyFixture.Completed done = fixture.completeTheModule();
			attempt = done.attemptId();
			run = done.runId();
			List<Certificate> mine = certificates.myCertificates();
			moduleCertificate = mine.stream()
				.filter((c) -> c.kind() == Certificate.Kind.MODULE)
				.findFirst()
				.orElseThrow();
			programmeCertificate = mine.stream()
				.filter((c) -> c.kind() == Certificate.Kind.PROGRAMME)
				.findFirst()
				.orElseThrow();
			return null;
		});
		as(otherCadet, () -> {
			AcademyFixture.Completed done = fixture.completeTheModule();
			otherAttempt = done.attemptId();
			otherRun = done.runId();
			otherCertificate = certificates.myCertificates().getFirst();
			return null;
		});
		return this;
	}

	private UserAccount user(Role role, String name) {
		return accounts.createUser(new NewUser(unique("sec." + role.name().toLowerCase(Locale.ROOT) + "."), name, null,
				Locale.ENGLISH, Set.of(role), role == Role.TRANSLATOR || role == Role.ADMIN ? null : academy.id(),
				PASSWORD, false));
	}

	private CohortSummary cohort(UserAccount trainer, UserAccount cadet) {
		CohortSummary created = cohorts.createCohort(new NewCohort(academy.id(), unique("Security cohort "),
				LocalDate.now().minusDays(1), null, Set.of(trainer.id())));
		cohorts.assign(created.id(), MODULE, LocalDate.now().plusDays(7));
		if (cadet != null) {
			cohorts.enrol(created.id(), cadet.id());
		}
		return created;
	}

	/** Completes the example module; returns the quiz attempt and scenario run. */
	public UserAccount user(Caller caller) {
		return users.get(caller);
	}

	/** Signs in (in this thread) as the caller; anonymous is Spring's anonymous token. */
	public void signInAs(Caller caller) {
		if (caller == Caller.ANONYMOUS) {
			SecurityContextHolder.getContext()
				.setAuthentication(new AnonymousAuthenticationToken("security-tests", "anonymousUser",
						AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
			return;
		}
		signInAs(users.get(caller));
	}

	public void signInAs(UserAccount user) {
		fixture.signInAs(user);
	}

	public <T> T as(UserAccount user, Supplier<T> work) {
		signInAs(user);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
