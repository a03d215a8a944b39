package org.lepha.academy.failure;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.Application;
import org.lepha.academy.TestTags;
import org.lepha.academy.base.db.EmbeddedMariaDb;
import org.lepha.academy.certificates.Certificate;
import org.lepha.academy.certificates.CertificateService;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.NewCohort;
import org.lepha.academy.learning.GivenAnswer;
import org.lepha.academy.learning.LearningService;
import org.lepha.academy.learning.LessonReader;
import org.lepha.academy.learning.QuizService;
import org.lepha.academy.learning.ModuleCompleted;
import org.lepha.academy.learning.ModuleOverview;
import org.lepha.academy.learning.QuizSession;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one MariaDB, as behind a load balancer: what one node writes
 * the other reads, a cadet completing the same module on both nodes at the same instant
 * gets exactly one certificate, and certificates issued concurrently on both nodes get
 * unique serial numbers and codes.
 * <p>
 * The two nodes are two Spring contexts in this JVM rather than two child JVMs: each has
 * its own beans, connection pool, web server and Vaadin servlet, so they can coordinate
 * only through the database, as two machines would. What they share is the JVM's static
 * state: the application keeps none that carries data (its one mutable static, the shared
 * embedded server, is not used with an external database URL), and the security context
 * holder is dealt with below. In-JVM nodes start in half the time of two JVMs on this
 * two-core machine and let threads call both nodes' services at one instant (a
 * {@link CyclicBarrier}), which HTTP round trips would blur. The kill test
 * ({@link KillNineTests}) covers the separate process.
 */
@Tag(TestTags.FAILURE)
class TwoNodesTests {

	private static final String SCHEMA = "two_nodes";

	private static final String MODULE = "example-module";

	private static final AtomicLong COUNTER = new AtomicLong();

	/**
	 * Who is signed in on a thread, for both nodes. Spring Security keeps it in a
	 * JVM-wide static holder, and Vaadin gives each context its own holder strategy (each
	 * with its own thread-local) and makes the static holder point at the latest one:
	 * with two contexts, node A's method security would look in one thread-local and the
	 * code that signs in (the test, the application's own system access) would write to
	 * another. Two machines have one JVM each and never meet this, so both nodes here get
	 * the same strategy; it carries no data between them, only the current thread's
	 * identity.
	 */
	private static final SecurityContextHolderStrategy ONE_SECURITY_CONTEXT_PER_THREAD = new VaadinAwareSecurityContextHolderStrategy();

	private static SecurityContextHolderStrategy before;

	private static EmbeddedMariaDb database;

	private static ConfigurableApplicationContext nodeA;

	private static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void startDatabaseAndTwoNodes() throws SQLException {
		before = SecurityContextHolder.getContextHolderStrategy();
		database = EmbeddedMariaDb.startSeparate(Path.of("target/failure-db").toAbsolutePath(), 0);
		try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + database.port() + "/", "root",
				""); Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
			s.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		// One after the other: the second node finds the schema Liquibase made for the
		// first, as a second machine joining a running installation does.
		nodeA = start();
		nodeB = start();
		assertThat(port(nodeA)).isNotEqualTo(port(nodeB));
	}

	@AfterAll
	static void stopNodesAndDatabase() {
		try {
			for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { nodeA, nodeB }) {
				if (node != null) {
					node.close();
				}
			}
		}
		finally {
			// Later test classes in this JVM reuse cached contexts that captured the
			// strategy in place before.
			SecurityContextHolder.setContextHolderStrategy(before);
			if (database != null) {
				database.stop();
			}
		}
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private static ConfigurableApplicationContext start() {
		// Command-line arguments, not builder properties: those are defaults, and
		// application.yaml's ${PORT:8080} and ${DB_URL:} would win over them.
		ConfigurableApplicationContext node = new SpringApplicationBuilder(Application.class)
			.initializers((ConfigurableApplicationContext context) -> context.getBeanFactory()
				.registerSingleton("oneSecurityContextPerThread", ONE_SECURITY_CONTEXT_PER_THREAD))
			.run("--app.db.url=jdbc:mariadb://127.0.0.1:" + database.port() + "/" + SCHEMA, "--app.db.user=root",
					"--app.db.password=", "--app.demo-data=false", "--server.port=0",
					"--vaadin.devmode.devTools.enabled=false", "--spring.main.banner-mode=off");
		assertThat(node.getBeanProvider(EmbeddedMariaDb.class).getIfAvailable()).as("no embedded server of its own")
			.isNull();
		return node;
	}

	private static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	@Test
	void progressWrittenThroughOneNodeIsSeenThroughTheOther() {
		UserAccount cadet = cadet(nodeA, null);
		signIn(nodeA, cadet);
		nodeA.getBean(LessonReader.class)
			.openSection(MODULE, "signs-of-overdose", "what-it-looks-like", Locale.ENGLISH);
		QuizService onA = nodeA.getBean(QuizService.class);
		QuizSession quiz = onA.startQuiz(MODULE, QuizKind.POST, Locale.ENGLISH);
		String question = quiz.questions().get(0).id();
		GivenAnswer answer = AcademyFixture.CORRECT_ANSWERS.get(question);
		onA.saveAnswer(quiz.attemptId(), question, answer);

		signIn(nodeB, cadet);
		LearningService onB = nodeB.getBean(LearningService.class);
		ModuleOverview overview = onB.overview(MODULE, Locale.ENGLISH);
		assertThat(overview.lessons()).filteredOn((l) -> l.lessonId().equals("signs-of-overdose"))
			.singleElement()
			.satisfies((l) -> assertThat(l.sectionsViewed()).isEqualTo(1));
		assertThat(overview.quiz().attemptOpen()).isTrue();
		QuizSession onNodeB = nodeB.getBean(QuizService.class).startQuiz(MODULE, QuizKind.POST, Locale.ENGLISH);
		assertThat(onNodeB.attemptId()).as("node B resumes node A's attempt").isEqualTo(quiz.attemptId());
		assertThat(onNodeB.questions()).extracting(QuizSession.QuestionView::id)
			.containsExactlyElementsOf(quiz.questions().stream().map(QuizSession.QuestionView::id).toList());
		assertThat(onNodeB.answers()).containsExactlyEntriesOf(Map.of(question, answer));

		// And back: an answer given on node B is there on node A.
		String second = quiz.questions().get(1).id();
		nodeB.getBean(QuizService.class)
			.saveAnswer(quiz.attemptId(), second, AcademyFixture.CORRECT_ANSWERS.get(second));
		signIn(nodeA, cadet);
		assertThat(onA.quizSession(quiz.attemptId(), Locale.ENGLISH).answers()).containsOnlyKeys(question, second);
	}

	@Test
	void completingTheSameModuleOnBothNodesAtOnceGivesOneCertificate() throws Exception {
		JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
		// Several cadets, each raced once: one race may by chance not overlap, several in
		// a row make a lucky pass unlikely.
		for (int round = 0; round < 4; round++) {
			long cohort = cohortWithTheModule(nodeA);
			UserAccount cadet = cadet(nodeA, cohort);
			signIn(nodeA, cadet);
			allButTheLastPage(nodeA);
			SecurityContextHolder.clearContext();

			CyclicBarrier together = new CyclicBarrier(2);
			List<List<Certificate>> seen = onBothNodesAtOnce((node) -> {
				signIn(node, cadet);
				together.await(10, TimeUnit.SECONDS);
				// The last page completes the module on both nodes.
				node.getBean(LessonReader.class).openSection(MODULE, "first-steps", "call-for-help", Locale.ENGLISH);
				together.await(10, TimeUnit.SECONDS);
				// Only the node that recorded the completion issues; both show the
				// result.
				return node.getBean(CertificateService.class).myCertificates();
			});

			assertThat(jdbc.sql("SELECT COUNT(*) FROM module_completion WHERE user_id = ?")
				.param(cadet.id())
				.query(Long.class)
				.single()).isEqualTo(1);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM certificate WHERE user_id = ? AND kind = 'MODULE'")
				.param(cadet.id())
				.query(Long.class)
				.single()).as("module certificates of cadet " + round).isEqualTo(1);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM certificate WHERE user_id = ? AND kind = 'PROGRAMME'")
				.param(cadet.id())
				.query(Long.class)
				.single()).as("programme certificates of cadet " + round).isEqualTo(1);
			// Both nodes show the cadet that one certificate.
			assertThat(seen.get(0)).extracting(Certificate::code)
				.containsExactlyInAnyOrderElementsOf(seen.get(1).stream().map(Certificate::code).toList())
				.hasSize(2);
		}
	}

	@Test
	void certificatesIssuedConcurrentlyOnBothNodesHaveUniqueSerialsAndCodes() throws Exception {
		JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
		long cohort = cohortWithTheModule(nodeA);
		int perNode = 10;
		Instant completedAt = java.time.Instant.now();
		List<UserAccount> cadets = new ArrayList<>();
		for (int i = 0; i < 2 * perNode; i++) {
			UserAccount cadet = cadet(nodeA, cohort);
			// Completion recorded as the learning feature records it; issuing is what
			// this test races.
			jdbc.sql("INSERT INTO module_completion (user_id, module_id, completed_at) VALUES (?, ?, ?)")
				.params(cadet.id(), MODULE, Timestamp.from(completedAt))
				.update();
			cadets.add(cadet);
		}
		CyclicBarrier together = new CyclicBarrier(2 * perNode);
		ExecutorService pool = Executors.newFixedThreadPool(2 * perNode);
		try {
			List<Future<List<Certificate>>> futures = new ArrayList<>();
			for (int i = 0; i < cadets.size(); i++) {
				UserAccount cadet = cadets.get(i);
				ConfigurableApplicationContext node = i % 2 == 0 ? nodeA : nodeB;
				futures.add(pool.submit(() -> {
					signIn(node, cadet);
					try {
						together.await(30, TimeUnit.SECONDS);
						node.publishEvent(new ModuleCompleted(cadet.id(), MODULE, completedAt));
						return node.getBean(CertificateService.class).myCertificates();
					}
					finally {
						SecurityContextHolder.clearContext();
					}
				}));
			}
			for (Future<List<Certificate>> future : futures) {
				assertThat(future.get(120, TimeUnit.SECONDS)).hasSize(2);
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<Long> ids = cadets.stream().map(UserAccount::id).toList();
		String in = String.join(",", ids.stream().map(String::valueOf).toList());
		List<Long> serials = jdbc.sql("SELECT serial_no FROM certificate WHERE user_id IN (" + in + ")")
			.query(Long.class)
			.list();
		List<String> codes = jdbc.sql("SELECT code FROM certificate WHERE user_id IN (" + in + ")")
			.query(String.class)
			.list();
		assertThat(serials).hasSize(4 * perNode).doesNotHaveDuplicates();
		assertThat(codes).hasSize(4 * perNode).doesNotHaveDuplicates();
		// Issued on both nodes: the serials came from one database sequence, not a
		// counter per node.
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM certificate_document d JOIN certificate c ON c.id = d.certificate_id"
					+ " WHERE c.user_id IN (" + in + ")")
			.query(Long.class)
			.single()).isEqualTo(4L * perNode * 3);
	}

	// ---- helpers ---------------------------------------------------------------------

	/**
	 * Runs the same work on node A and node B in two threads; returns A's and B's result.
	 */
	private static <T> List<T> onBothNodesAtOnce(NodeWork<T> work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
				Callable<T> task = () -> {
					try {
						return work.run(node);
					}
					finally {
						SecurityContextHolder.clearContext();
					}
				};
				futures.add(pool.submit(task));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@FunctionalInterface
	private interface NodeWork<T> {

		T run(ConfigurableApplicationContext node) throws Exception;

	}

	/** Everything the module's completion rule asks for except the last lesson page. */
	private static void allButTheLastPage(ConfigurableApplicationContext node) {
		new AcademyFixture(node).completeAllButTheLastPage();
		assertThat(node.getBean(LearningService.class).overview(MODULE, Locale.ENGLISH).completedAt())
			.as("not complete yet")
			.isNull();
	}

	private static UserAccount cadet(ConfigurableApplicationContext node, Long cohort) {
		UserAccountService accounts = node.getBean(UserAccountService.class);
		UserAccount cadet = SystemAccess
			.asAdministrator(() -> accounts.createUser(new NewUser(unique("two.nodes.cadet."), "Cadet " + COUNTER.get(),
					null, Locale.ENGLISH, Set.of(Role.CADET), null, "two-nodes-password-1", false)));
		if (cohort != null) {
			SystemAccess.asAdministrator(() -> {
				node.getBean(CohortService.class).enrol(cohort, cadet.id());
				return null;
			});
		}
		return cadet;
	}

	private static long cohortWithTheModule(ConfigurableApplicationContext node) {
		UserAccountService accounts = node.getBean(UserAccountService.class);
		CohortService cohorts = node.getBean(CohortService.class);
		return SystemAccess.asAdministrator(() -> {
			long academy = cohorts.createAcademy(unique("Two nodes academy ")).id();
			UserAccount trainer = accounts.createUser(new NewUser(unique("two.nodes.trainer."), "Trainer", null,
					Locale.ENGLISH, Set.of(Role.TRAINER), academy, "two-nodes-password-1", false));
			long cohort = cohorts
				.createCohort(new NewCohort(academy, unique("Two nodes cohort "), null, null, Set.of(trainer.id())))
				.id();
			cohorts.assign(cohort, MODULE, LocalDate.now().plusDays(7));
			return cohort;
		});
	}

	private static String unique(String prefix) {
		return prefix + COUNTER.incrementAndGet();
	}

	private static void signIn(ConfigurableApplicationContext node, UserAccount user) {
		new AcademyFixture(node).signInAs(user);
	}

}
