package org.lepha.academy.cohorts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.audit.AuditLog;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.base.ui.UserFacingErrorHandler;
import org.lepha.academy.cohorts.internal.CadetDetailRepository;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/**
 * The database connection is lost at the third enrolment of a four-cadet import: nothing
 * of the import is left (no account, no enrolment), and the trainer is told, in their
 * language, that the database cannot be reached and nothing was saved. The cohorts
 * service is the real one behind a Mockito delegate that fails on that one call; the
 * importer runs in a transaction exactly as its {@code @Transactional} asks, on the real
 * MariaDB.
 */
@IntegrationTest
class CadetImportFaultTests {

	@Autowired
	AcademyFixture fixture;

	@Autowired
	CohortService cohorts;

	@Autowired
	UserAccountService accounts;

	@Autowired
	Languages languages;

	@Autowired
	AuditLog audit;

	@Autowired
	CadetDetailRepository profiles;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	UiTranslationProvider translations;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	@Test
	void aConnectionLostAtTheThirdEnrolmentLeavesNothingAndSaysSo() {
		Academy academy = fixture.academy();
		UserAccount trainer = fixture.user(Role.TRAINER, academy, "Fault Trainer");
		CohortSummary cohort = fixture.cohort(academy, trainer);
		List<String> usernames = List.of(AcademyFixture.unique("fault.a."), AcademyFixture.unique("fault.b."),
				AcademyFixture.unique("fault.c."), AcademyFixture.unique("fault.d."));
		StringBuilder csv = new StringBuilder("full_name,username,email,language\n");
		usernames
			.forEach((u) -> csv.append("Cadet ").append(u.replace(".", " ")).append(',').append(u).append(",,en\n"));
		fixture.signInAs(trainer);

		Throwable failure = catchThrowable(() -> importerFailingAtEnrolment(3).importCadets(cohort.id(),
				csv.toString().getBytes(StandardCharsets.UTF_8)));

		assertThat(failure).isInstanceOf(DataAccessResourceFailureException.class);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username IN (?, ?, ?, ?)")
			.params(usernames.toArray())
			.query(Long.class)
			.single()).as("accounts left behind").isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM enrolment WHERE cohort_id = ?")
			.param(cohort.id())
			.query(Long.class)
			.single()).as("enrolments left behind").isZero();
		String key = UserFacingErrorHandler.messageKey(failure);
		assertThat(key).isEqualTo("error.database");
		assertThat(translations.getTranslation(key, Locale.ENGLISH)).contains("was not saved");
		assertThat(translations.getTranslation(key, Locale.forLanguageTag("ru"))).isNotEqualTo(key)
			.isNotEqualTo(translations.getTranslation(key, Locale.ENGLISH));
	}

	/**
	 * An importer like the application's bean, but whose cohorts service loses the
	 * connection at the n-th enrolment.
	 */
	private CadetImport importerFailingAtEnrolment(int n) {
		CohortService failing = mock(CohortService.class, delegatesTo(cohorts));
		AtomicInteger enrolments = new AtomicInteger();
		doAnswer((call) -> {
			if (enrolments.incrementAndGet() == n) {
				throw new DataAccessResourceFailureException("Connection lost");
			}
			cohorts.enrol(call.getArgument(0), call.getArgument(1));
			return null;
		}).when(failing).enrol(anyLong(), anyLong());
		ProxyFactory proxy = new ProxyFactory(new CadetImport(failing, accounts, languages, audit, profiles));
		proxy.setProxyTargetClass(true);
		proxy.addAdvice(new TransactionInterceptor(transactionManager, new AnnotationTransactionAttributeSource()));
		return (CadetImport) proxy.getProxy();
	}

}
