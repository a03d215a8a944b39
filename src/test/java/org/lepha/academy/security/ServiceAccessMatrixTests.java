package org.lepha.academy.security;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.audit.AuditAction;
import org.lepha.academy.audit.AuditFilter;
import org.lepha.academy.audit.AuditLog;
import org.lepha.academy.books.BookEdition;
import org.lepha.academy.books.BookFormat;
import org.lepha.academy.books.CourseBooks;
import org.lepha.academy.certificates.CertificateDesign;
import org.lepha.academy.certificates.CertificateDesigns;
import org.lepha.academy.certificates.CertificateService;
import org.lepha.academy.classroom.ClassroomSessions;
import org.lepha.academy.cohorts.CadetDetails;
import org.lepha.academy.cohorts.CadetImport;
import org.lepha.academy.cohorts.CadetOutcomes;
import org.lepha.academy.cohorts.CadetSex;
import org.lepha.academy.cohorts.CohortExports;
import org.lepha.academy.cohorts.CohortProgress;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.ItemAnalysis;
import org.lepha.academy.cohorts.CourseEvaluationResults;
import org.lepha.academy.cohorts.KnowledgeGain;
import org.lepha.academy.cohorts.NewCohort;
import org.lepha.academy.cohorts.ObjectiveMastery;
import org.lepha.academy.cohorts.ScenarioAnalytics;
import org.lepha.academy.content.ContentStatusService;
import org.lepha.academy.content.TranslationFiles;
import org.lepha.academy.exams.ExamSessions;
import org.lepha.academy.learning.CourseEvaluations;
import org.lepha.academy.learning.GivenAnswer;
import org.lepha.academy.learning.LearningService;
import org.lepha.academy.learning.ScenarioService;
import org.lepha.academy.learning.LessonReader;
import org.lepha.academy.learning.QuizService;
import org.lepha.academy.learning.ProgressReport;
import org.lepha.academy.reports.Cell;
import org.lepha.academy.reports.Figure;
import org.lepha.academy.reports.ProgrammeReport;
import org.lepha.academy.reports.ProgrammeReports;
import org.lepha.academy.security.SecurityWorld.Caller;
import org.lepha.academy.translation.Glossary;
import org.lepha.academy.translation.SegmentFilter;
import org.lepha.academy.translation.TranslationWorkspace;
import org.lepha.academy.translation.UiStringsWorkspace;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every public method of every public service bean, called by each of the five kinds of
 * caller: the table below says who may call it, and the services themselves must refuse
 * everyone else (views can be bypassed, ADR 0004). A new public service method without a
 * row fails the test, so the table stays complete. The second half checks object-level
 * rules: the right role asking for somebody else's cohort, attempt, run, certificate or
 * language.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceAccessMatrixTests {

	private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);

	private static final Set<Caller> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));

	private static final Set<Caller> CADET = EnumSet.of(Caller.CADET);

	private static final Set<Caller> TRAINERS = EnumSet.of(Caller.TRAINER, Caller.ADMIN);

	private static final Set<Caller> TRANSLATORS = EnumSet.of(Caller.TRANSLATOR, Caller.ADMIN);

	private static final Set<Caller> ADMIN = EnumSet.of(Caller.ADMIN);

	private static final Set<Caller> TRANSLATOR_ONLY = EnumSet.of(Caller.TRANSLATOR);

	private static final Set<Caller> CERTIFICATE_HOLDERS = EnumSet.of(Caller.CADET, Caller.TRAINER, Caller.ADMIN);

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CertificateService certificates;

	@Autowired
	CourseBooks books;

	@Autowired
	TranslationWorkspace translations;

	@Autowired
	UiStringsWorkspace uiStrings;

	@Autowired
	Glossary glossary;

	@Autowired
	KnowledgeGain gains;

	@Autowired
	CourseEvaluationResults evaluationResults;

	@Autowired
	CourseEvaluations evaluations;

	@Autowired
	CadetDetails details;

	@Autowired
	CohortService cohorts;

	@Autowired
	CohortProgress progress;

	@Autowired
	CadetOutcomes outcomes;

	@Autowired
	ProgrammeReports reports;

	@Autowired
	CadetImport imports;

	@Autowired
	ScenarioAnalytics scenarios;

	@Autowired
	ClassroomSessions classroom;

	/** A classroom session of the world's cohort, and its join code. */
	long classroomSession;

	String classroomCode;

	@Autowired
	CohortExports exports;

	@Autowired
	ItemAnalysis items;

	@Autowired
	ObjectiveMastery mastery;

	@Autowired
	AuditLog audit;

	@Autowired
	ContentStatusService contentStatus;

	@Autowired
	TranslationFiles translationFiles;

	@Autowired
	ProgressReport progressReport;

	@Autowired
	LearningService learning;

	@Autowired
	QuizService quizzes;

	@Autowired
	ExamSessions exams;

	/**
	 * A session scheduled for tomorrow in the trainer's second cohort, and one in the
	 * other trainer's.
	 */
	long examSession;

	long otherExamSession;

	@Autowired
	LessonReader reader;

	@Autowired
	CertificateDesigns designs;

	@Autowired
	ScenarioService scenarioRuns;

	@Autowired
	UserAccountService accounts;

	@Autowired
	AccountAdministration administration;

	SecurityWorld world;

	/** An account for the deactivation rows. */
	UserAccount leaver;

	/** Keys no other test uses: the matrix saves and approves them. */
	static final String SEGMENT_KEY = "objective.act";

	static final String UI_KEY = "audit.title";

	/** A content segment and a UI string of the Dari translation, with their texts. */
	String segmentKey;

	String segmentText;

	String uiKey;

	String uiText;

	@FunctionalInterface
	interface Call {

		Object call() throws Exception;

	}

	record Rule(Set<Caller> allowed, Call call) {
	}

	@BeforeAll
	void buildTheAcademy() {
		world = new SecurityWorld(context).build();
		leaver = SystemAccess
			.asAdministrator(() -> accounts.createUser(new NewUser(SecurityWorld.unique("matrix.leaver."), "Leaver",
					null, Locale.ENGLISH, Set.of(Role.CADET), world.academy.id(), SecurityWorld.PASSWORD, false)));
		world.as(world.user(Caller.ADMIN), () -> {
			Instant tomorrow = Instant.now().plus(java.time.Duration.ofDays(1));
			examSession = exams
				.open(world.secondCohort.id(), SecurityWorld.MODULE, tomorrow, tomorrow.plusSeconds(3600), true)
				.id();
			otherExamSession = exams
				.open(world.otherCohort.id(), SecurityWorld.MODULE, tomorrow, tomorrow.plusSeconds(3600), false)
				.id();
			var segment = translations.segments(SecurityWorld.MODULE, SecurityWorld.DARI, SegmentFilter.all())
				.stream()
				.filter((s) -> s.key().equals(SEGMENT_KEY))
				.findFirst()
				.orElseThrow();
			segmentKey = segment.key();
			segmentText = segment.target() != null ? segment.target() : segment.english();
			var ui = uiStrings.segments(SecurityWorld.DARI, SegmentFilter.all())
				.stream()
				.filter((s) -> s.key().equals(UI_KEY))
				.findFirst()
				.orElseThrow();
			uiKey = ui.key();
			uiText = ui.target();
			return null;
		});
		world.as(world.user(Caller.TRAINER), () -> {
			classroomSession = classroom.start(world.cohort.id(), SecurityWorld.MODULE, "overdose-call");
			classroomCode = classroom.projector(classroomSession, Locale.ENGLISH).joinCode();
			return null;
		});
	}

	/**
	 * The matrix saves (unchanged texts) and approves translations; the stored edits go
	 * again, so that other tests find the files' state.
	 */
	@AfterAll
	void forgetTheEdits() {
		jdbc.sql("DELETE FROM translation_edit WHERE module_id = ? AND segment_key = ?")
			.params(SecurityWorld.MODULE, SEGMENT_KEY)
			.update();
		jdbc.sql("DELETE FROM ui_string_edit WHERE string_key = ?").param(UI_KEY).update();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	/**
	 * Who may call what. The arguments are the caller's own objects (its cohort, attempt,
	 * certificate, language), so that a refusal here is a refusal of the role, not of the
	 * object.
	 */
	private Map<String, Rule> table() {
		Map<String, Rule> t = new LinkedHashMap<>();
		SecurityWorld w = world;
		long cohort = w.cohort.id();
		long cadet = w.user(Caller.CADET).id();
		Locale en = Locale.ENGLISH;
		String module = SecurityWorld.MODULE;
		Locale dari = SecurityWorld.DARI;
		Function<String, String> labels = (key) -> key;

		// course books: the cadet's cohort has the module assigned, the trainer runs it
		t.put("CourseBooks.available(Locale)", new Rule(CERTIFICATE_HOLDERS, () -> books.available(en)));
		t.put("CourseBooks.book(String,Locale,BookEdition,BookFormat)",
				new Rule(CERTIFICATE_HOLDERS, () -> books.book(module, en, BookEdition.CADET, BookFormat.EPUB)));
		t.put("CourseBooks.formats()", new Rule(EVERYONE, books::formats));

		// certificates
		t.put("CertificateService.myCertificates()", new Rule(CADET, certificates::myCertificates));
		t.put("CertificateService.download(long,Locale)",
				new Rule(CERTIFICATE_HOLDERS, () -> certificates.download(w.moduleCertificate.id(), en)));
		t.put("CertificateService.cohortCertificates(long)",
				new Rule(TRAINERS, () -> certificates.cohortCertificates(cohort)));
		t.put("CertificateService.cohortZip(long)", new Rule(TRAINERS, () -> certificates.cohortZip(cohort)));
		t.put("CertificateService.revoke(long,String)", new Rule(TRAINERS, () -> {
			certificates.revoke(w.programmeCertificate.id(), "access matrix");
			return null;
		}));
		t.put("CertificateService.reissue(long,String)",
				new Rule(TRAINERS, () -> certificates.reissue(w.programmeCertificate.id(), "access matrix")));
		t.put("CertificateService.verify(String)",
				new Rule(EVERYONE, () -> certificates.verify(w.moduleCertificate.code())));
		t.put("CertificateService.checkUpload(byte[])",
				new Rule(EVERYONE, () -> certificates.checkUpload("not a certificate".getBytes())));
		t.put("CertificateService.credential(long)",
				new Rule(CERTIFICATE_HOLDERS, () -> certificates.credential(w.moduleCertificate.id())));
		t.put("CertificateService.credential(String)",
				new Rule(CERTIFICATE_HOLDERS, () -> certificates.credential(w.moduleCertificate.code())));

		// the academy's certificate design: administrators only (a refused image or an
		// empty design is still an allowed call)
		long academy = w.academy.id();
		t.put("CertificateDesigns.academies()", new Rule(ADMIN, designs::academies));
		t.put("CertificateDesigns.current(long)", new Rule(ADMIN, () -> designs.current(academy)));
		t.put("CertificateDesigns.emblem(byte[])", new Rule(ADMIN, () -> designs.emblem(new byte[] { 1, 2, 3 })));
		t.put("CertificateDesigns.signature(byte[])", new Rule(ADMIN, () -> designs.signature(new byte[] { 1, 2, 3 })));
		t.put("CertificateDesigns.preview(long,CertificateDesign)",
				new Rule(ADMIN, () -> designs.preview(academy, CertificateDesign.empty())));
		t.put("CertificateDesigns.save(long,CertificateDesign)",
				new Rule(ADMIN, () -> designs.save(academy, CertificateDesign.empty())));

		// translation
		t.put("TranslationWorkspace.myLocales()", new Rule(TRANSLATORS, translations::myLocales));
		t.put("TranslationWorkspace.coverage()", new Rule(TRANSLATORS, () -> translations.coverage()));
		t.put("TranslationWorkspace.coverage(String,Locale)",
				new Rule(TRANSLATORS, () -> translations.coverage(module, dari)));
		t.put("TranslationWorkspace.segments(String,Locale,SegmentFilter)",
				new Rule(TRANSLATORS, () -> translations.segments(module, dari, SegmentFilter.all())));
		t.put("TranslationWorkspace.save(String,Locale,String,String)",
				new Rule(TRANSLATORS, () -> translations.save(module, dari, segmentKey, segmentText)));
		t.put("TranslationWorkspace.preview(String,Locale,String,String)",
				new Rule(TRANSLATORS, () -> translations.preview(module, dari, segmentKey, segmentText)));
		t.put("TranslationWorkspace.approve(String,Locale,String)",
				new Rule(TRANSLATORS, () -> translations.approve(module, dari, segmentKey)));
		t.put("TranslationWorkspace.exportXliff(String,Locale)",
				new Rule(TRANSLATORS, () -> translations.exportXliff(module, dari)));
		t.put("TranslationWorkspace.importXliff(String,Locale,byte[])", new Rule(TRANSLATORS,
				() -> translations.importXliff(module, dari, "not xliff".getBytes(StandardCharsets.UTF_8))));
		t.put("UiStringsWorkspace.segments(Locale,SegmentFilter)",
				new Rule(TRANSLATORS, () -> uiStrings.segments(dari, SegmentFilter.all())));
		t.put("UiStringsWorkspace.coverage()", new Rule(TRANSLATORS, () -> uiStrings.coverage()));
		t.put("UiStringsWorkspace.coverage(Locale)", new Rule(TRANSLATORS, () -> uiStrings.coverage(dari)));
		t.put("UiStringsWorkspace.save(Locale,String,String)",
				new Rule(TRANSLATORS, () -> uiStrings.save(dari, uiKey, uiText)));
		t.put("UiStringsWorkspace.approve(Locale,String)", new Rule(TRANSLATORS, () -> uiStrings.approve(dari, uiKey)));
		t.put("UiStringsWorkspace.importProperties(Locale,byte[])",
				new Rule(TRANSLATORS, () -> uiStrings.importProperties(dari, new byte[0])));
		t.put("UiStringsWorkspace.exportProperties(Locale)",
				new Rule(TRANSLATORS, () -> uiStrings.exportProperties(dari)));
		t.put("Glossary.terms(Locale)", new Rule(TRANSLATORS, () -> glossary.terms(dari)));
		t.put("Glossary.add(Locale,String,String)",
				new Rule(TRANSLATORS, () -> glossary.add(dari, SecurityWorld.unique("term"), "اصطلاح")));
		t.put("Glossary.remove(Locale,String)", new Rule(TRANSLATORS, () -> {
			glossary.remove(dari, "no-such-term");
			return null;
		}));
		t.put("Glossary.check(Locale,String,String)",
				new Rule(TRANSLATORS, () -> glossary.check(dari, "naloxone", "نالوکسون")));
		t.put("Glossary.highlight(Locale,String)", new Rule(TRANSLATORS, () -> glossary.highlight(dari, "naloxone")));
		t.put("ContentStatusService.status()", new Rule(ADMIN, contentStatus::status));
		t.put("ContentStatusService.coverage(String,Locale)",
				new Rule(TRANSLATORS, () -> contentStatus.coverage(module, dari)));
		t.put("ContentStatusService.reload()", new Rule(ADMIN, () -> {
			contentStatus.reload();
			return null;
		}));
		t.put("TranslationFiles.translatable(String)",
				new Rule(TRANSLATORS, () -> translationFiles.translatable("course")));
		t.put("TranslationFiles.segments(String,Locale)",
				new Rule(TRANSLATORS, () -> translationFiles.segments(module, dari)));
		t.put("TranslationFiles.writeXliff(String,Locale,List)",
				new Rule(TRANSLATORS, () -> translationFiles.writeXliff(module, dari, List.of())));
		t.put("TranslationFiles.readXliff(String,Locale,byte[])", new Rule(TRANSLATORS,
				() -> translationFiles.readXliff(module, dari, "<x/>".getBytes(StandardCharsets.UTF_8))));

		// cohorts
		t.put("CohortService.createAcademy(String)",
				new Rule(ADMIN, () -> cohorts.createAcademy(SecurityWorld.unique("Matrix academy "))));
		t.put("CohortService.academiesForNewCohorts(Long)",
				new Rule(TRAINERS, () -> cohorts.academiesForNewCohorts(w.academy.id())));
		t.put("CohortService.createCohort(NewCohort)",
				new Rule(TRAINERS, () -> cohorts.createCohort(new NewCohort(w.academy.id(),
						SecurityWorld.unique("Matrix cohort "), LocalDate.now(), null, Set.of()))));
		t.put("CohortService.myCohorts()", new Rule(TRAINERS, cohorts::myCohorts));
		t.put("CohortService.cohort(long)", new Rule(TRAINERS, () -> cohorts.cohort(cohort)));
		t.put("CohortService.cadets(long)", new Rule(TRAINERS, () -> cohorts.cadets(cohort)));
		t.put("CohortService.enrol(long,long)", new Rule(TRAINERS, () -> {
			cohorts.enrol(cohort, w.spareCadet.id());
			return null;
		}));
		t.put("CohortService.withdraw(long,long)", new Rule(TRAINERS, () -> {
			cohorts.withdraw(cohort, w.spareCadet.id());
			return null;
		}));
		t.put("CohortService.move(long,long,long)", new Rule(TRAINERS, () -> {
			cohorts.move(cohort, w.secondCohort.id(), w.spareCadet.id());
			return null;
		}));
		t.put("CohortService.enrolmentHistory(long,long)",
				new Rule(TRAINERS, () -> cohorts.enrolmentHistory(cohort, cadet)));
		t.put("CohortService.assign(long,String,LocalDate)", new Rule(TRAINERS, () -> {
			cohorts.assign(w.secondCohort.id(), module, LocalDate.now().plusDays(3));
			return null;
		}));
		t.put("CohortService.assignableModules(Locale)", new Rule(TRAINERS, () -> cohorts.assignableModules(en)));
		t.put("CohortService.unassign(long,String)", new Rule(TRAINERS, () -> {
			cohorts.unassign(w.secondCohort.id(), module);
			return null;
		}));
		t.put("CohortService.assignments(long)", new Rule(TRAINERS, () -> cohorts.assignments(cohort)));
		t.put("CohortService.myAssignments()", new Rule(CADET, cohorts::myAssignments));
		t.put("CohortService.joinCode(long)", new Rule(TRAINERS, () -> cohorts.joinCode(cohort)));
		t.put("CohortService.setJoinCode(long,boolean,Instant)",
				new Rule(TRAINERS, () -> cohorts.setJoinCode(w.secondCohort.id(), false, null)));
		t.put("CohortService.joinWithCode(String)", new Rule(CADET, () -> cohorts.joinWithCode("ZZZZZZZZ")));
		t.put("CohortService.requireAccess(long)", new Rule(TRAINERS, () -> {
			cohorts.requireAccess(cohort);
			return null;
		}));
		t.put("CohortProgress.page(long,int,int,LocalDate)",
				new Rule(TRAINERS, () -> progress.page(cohort, 0, 10, LocalDate.now())));
		t.put("CohortProgress.page(long,int,int,LocalDate,String,boolean)",
				new Rule(TRAINERS, () -> progress.page(cohort, 0, 10, LocalDate.now(), "Cadet", true)));
		t.put("CohortProgress.count(long)", new Rule(TRAINERS, () -> progress.count(cohort)));
		t.put("CohortProgress.count(long,String)", new Rule(TRAINERS, () -> progress.count(cohort, "Cadet")));
		t.put("CohortProgress.summary(long,LocalDate)",
				new Rule(TRAINERS, () -> progress.summary(cohort, LocalDate.now())));
		t.put("CadetImport.check(long,byte[])", new Rule(TRAINERS, () -> imports.check(cohort, new byte[0])));
		t.put("CadetImport.importCadets(long,byte[])",
				new Rule(TRAINERS, () -> imports.importCadets(cohort, new byte[0])));
		t.put("CadetImport.addCadet(long,String,String,String,Locale)",
				new Rule(TRAINERS, () -> imports.addCadet(cohort, "Name", "not a valid username!", null, en)));
		t.put("CadetDetails.detail(long,long)", new Rule(TRAINERS, () -> details.detail(cohort, cadet)));
		t.put("KnowledgeGain.gains(long,Locale)", new Rule(TRAINERS, () -> gains.gains(cohort, en)));
		t.put("KnowledgeGain.gain(long,String,Locale)", new Rule(TRAINERS, () -> gains.gain(cohort, module, en)));
		t.put("CourseEvaluationResults.results(long,Locale)",
				new Rule(TRAINERS, () -> evaluationResults.results(cohort, en)));
		t.put("CourseEvaluationResults.results(long,String,Locale)",
				new Rule(TRAINERS, () -> evaluationResults.results(cohort, module, en)));
		t.put("CourseEvaluationResults.academyResults(long,Locale)",
				new Rule(ADMIN, () -> evaluationResults.academyResults(w.academy.id(), en)));
		t.put("ScenarioAnalytics.scenarios(long,String,Locale)",
				new Rule(TRAINERS, () -> scenarios.scenarios(cohort, module, en)));
		t.put("ScenarioAnalytics.classroomRuns(long,String,Locale)",
				new Rule(TRAINERS, () -> scenarios.classroomRuns(cohort, module, en)));
		// classroom: the session is the world's cohort's; ending it comes last, so the
		// rows before find it live (a refusal for an ended session is not a denial).
		long session = classroomSession;
		t.put("ClassroomSessions.startOptions(Locale)", new Rule(TRAINERS, () -> classroom.startOptions(en)));
		t.put("ClassroomSessions.liveSessions(Locale)", new Rule(TRAINERS, () -> classroom.liveSessions(en)));
		t.put("ClassroomSessions.start(long,String,String)",
				new Rule(TRAINERS, () -> classroom.start(cohort, module, "overdose-call")));
		t.put("ClassroomSessions.projector(long,Locale)", new Rule(TRAINERS, () -> classroom.projector(session, en)));
		t.put("ClassroomSessions.join(String)", new Rule(CADET, () -> classroom.join(classroomCode)));
		t.put("ClassroomSessions.cadetView(long,Locale)", new Rule(CADET, () -> classroom.cadetView(session, en)));
		t.put("ClassroomSessions.vote(long,String)", new Rule(CADET, () -> {
			classroom.vote(session, "check-kit");
			return null;
		}));
		t.put("ClassroomSessions.myVotes(Locale)", new Rule(CADET, () -> classroom.myVotes(en)));
		t.put("ClassroomSessions.subscribe(long,Runnable)",
				new Rule(EnumSet.of(Caller.CADET, Caller.TRAINER, Caller.ADMIN), () -> {
					classroom.subscribe(session, () -> {
					}).run();
					return null;
				}));
		t.put("ClassroomSessions.reveal(long)", new Rule(TRAINERS, () -> {
			classroom.reveal(session);
			return null;
		}));
		t.put("ClassroomSessions.revote(long)", new Rule(TRAINERS, () -> {
			classroom.revote(session);
			return null;
		}));
		t.put("ClassroomSessions.continueWithMajority(long)", new Rule(TRAINERS, () -> {
			classroom.continueWithMajority(session);
			return null;
		}));
		t.put("ClassroomSessions.continueWith(long,String)", new Rule(TRAINERS, () -> {
			classroom.continueWith(session, "go-straight");
			return null;
		}));
		t.put("ClassroomSessions.end(long)", new Rule(TRAINERS, () -> {
			classroom.end(session);
			return null;
		}));
		t.put("ItemAnalysis.analyse(long,String,Locale)", new Rule(TRAINERS, () -> items.analyse(cohort, module, en)));
		t.put("ObjectiveMastery.mastery(long,String,Locale)",
				new Rule(TRAINERS, () -> mastery.mastery(cohort, module, en)));
		t.put("CohortExports.progress(long,Locale,Function,LocalDate,ZoneId)",
				new Rule(TRAINERS, () -> exports.progress(cohort, en, labels, LocalDate.now(), ZoneOffset.UTC)));
		t.put("CohortExports.quizResults(long,Locale,Function,ZoneId)",
				new Rule(TRAINERS, () -> exports.quizResults(cohort, en, labels, ZoneOffset.UTC)));
		// programme reports (issue 21)
		t.put("CadetDetails.setSex(long,long,CadetSex)", new Rule(TRAINERS, () -> {
			details.setSex(cohort, cadet, null);
			return null;
		}));
		t.put("CadetOutcomes.outcomes(long)", new Rule(TRAINERS, () -> outcomes.outcomes(cohort)));
		t.put("CadetOutcomes.moduleResults(long)", new Rule(TRAINERS, () -> outcomes.moduleResults(cohort)));
		t.put("CadetOutcomes.completionOverTime(long)", new Rule(TRAINERS, () -> outcomes.completionOverTime(cohort)));
		t.put("CohortProgress.completionOverTime(long)", new Rule(TRAINERS, () -> progress.completionOverTime(cohort)));
		t.put("CohortProgress.moduleResults(long)", new Rule(TRAINERS, () -> progress.moduleResults(cohort)));
		t.put("ProgrammeReports.cohortReport(long,Locale)", new Rule(TRAINERS, () -> reports.cohortReport(cohort, en)));
		t.put("ProgrammeReports.academyReport(long,Locale)",
				new Rule(TRAINERS, () -> reports.academyReport(w.academy.id(), en)));
		t.put("ProgrammeReports.academies()", new Rule(TRAINERS, reports::academies));
		ProgrammeReport emptyReport = new ProgrammeReport("Matrix", false, null, null, Instant.now(),
				new Figure(Cell.of(0), Map.of()), Set.of(), List.of(), List.of(), null, List.of());
		t.put("ProgrammeReports.xlsx(ProgrammeReport,Locale)", new Rule(TRAINERS, () -> reports.xlsx(emptyReport, en)));
		t.put("ProgrammeReports.pdf(ProgrammeReport,Locale)", new Rule(TRAINERS, () -> reports.pdf(emptyReport, en)));

		// learning
		t.put("LearningService.myModules(Locale)", new Rule(CADET, () -> learning.myModules(en)));
		t.put("LearningService.overview(String,Locale)", new Rule(CADET, () -> learning.overview(module, en)));
		// A cadet who has not completed the module, or answered already, is refused with
		// a
		// reason (LearningException), not denied: the role passed.
		t.put("CourseEvaluations.evaluation(String,Locale)", new Rule(CADET, () -> evaluations.evaluation(module, en)));
		t.put("CourseEvaluations.answer(String,Map,String)", new Rule(CADET, () -> {
			evaluations.answer(module, Map.of("relevance", 4), null);
			return null;
		}));
		t.put("CourseEvaluations.skip(String)", new Rule(CADET, () -> {
			evaluations.skip(module);
			return null;
		}));
		t.put("LessonReader.openSection(String,String,String,Locale)",
				new Rule(CADET, () -> reader.openSection(module, "signs-of-overdose", "what-it-looks-like", en)));
		t.put("LessonReader.imageSize(String,String)",
				new Rule(CADET, () -> reader.imageSize(module, "media/no-such-image.png")));
		t.put("LessonReader.firstSection(String,String)",
				new Rule(CADET, () -> reader.firstSection(module, "signs-of-overdose")));
		t.put("QuizService.startQuiz(String,QuizKind,Locale)",
				new Rule(CADET, () -> quizzes.startQuiz(module, QuizKind.POST, en)));
		t.put("QuizService.quizSession(long,Locale)", new Rule(CADET, () -> quizzes.quizSession(w.attempt, en)));
		t.put("QuizService.saveAnswer(long,String,GivenAnswer)", new Rule(CADET, () -> {
			quizzes.saveAnswer(w.attempt, "arrest-at-scene", new GivenAnswer.TrueFalse(true));
			return null;
		}));
		t.put("QuizService.submitQuiz(long,Locale)", new Rule(CADET, () -> quizzes.submitQuiz(w.attempt, en)));
		t.put("QuizService.startQuiz(String,QuizKind,Locale,String)",
				new Rule(CADET, () -> quizzes.startQuiz(module, QuizKind.POST, en, null)));
		t.put("QuizService.myExamWindow(String)", new Rule(CADET, () -> quizzes.myExamWindow(module)));
		t.put("QuizService.preparedAttempt(String,Locale)", new Rule(CADET, () -> quizzes.preparedAttempt(module, en)));
		t.put("QuizService.resumeQuiz(String,QuizKind,Locale)",
				new Rule(CADET, () -> quizzes.resumeQuiz(module, QuizKind.POST, en)));
		t.put("QuizService.seen(long)", new Rule(CADET, () -> {
			quizzes.seen(w.attempt);
			return null;
		}));
		t.put("ScenarioService.startScenario(String,String,Locale)",
				new Rule(CADET, () -> scenarioRuns.startScenario(module, "overdose-call", en)));
		t.put("ScenarioService.scenario(long,Locale)", new Rule(CADET, () -> scenarioRuns.scenario(w.run, en)));
		t.put("ScenarioService.choose(long,String,Locale)",
				new Rule(CADET, () -> scenarioRuns.choose(w.run, "check-kit", en)));
		t.put("ProgressReport.progress(Collection,Collection)",
				new Rule(TRAINERS, () -> progressReport.progress(List.of(cadet), List.of(module))));
		t.put("ProgressReport.totals(List,List)",
				new Rule(TRAINERS, () -> progressReport.totals(List.of(cadet), List.of(module))));

		// exam sessions: the trainer's second cohort (a second session for it is refused,
		// and nobody in it is a cadet of the session: refusals, but not of the caller)
		Instant tomorrow = Instant.now().plus(java.time.Duration.ofDays(1));
		t.put("ExamSessions.open(long,String,Instant,Instant,boolean)", new Rule(TRAINERS,
				() -> exams.open(w.secondCohort.id(), module, tomorrow, tomorrow.plusSeconds(3600), false)));
		t.put("ExamSessions.sessions(long)", new Rule(TRAINERS, () -> exams.sessions(w.secondCohort.id())));
		t.put("ExamSessions.modules(long,Locale)", new Rule(TRAINERS, () -> exams.modules(w.secondCohort.id(), en)));
		t.put("ExamSessions.session(long)", new Rule(TRAINERS, () -> exams.session(examSession)));
		t.put("ExamSessions.monitor(long)", new Rule(TRAINERS, () -> exams.monitor(examSession)));
		t.put("ExamSessions.giveExtraTime(long,long,int)", new Rule(TRAINERS, () -> {
			exams.giveExtraTime(examSession, cadet, 5);
			return null;
		}));
		t.put("ExamSessions.reopenAttempt(long,long,int)", new Rule(TRAINERS, () -> {
			exams.reopenAttempt(examSession, cadet, 5);
			return null;
		}));
		t.put("ExamSessions.closeEarly(long)", new Rule(TRAINERS, () -> {
			exams.closeEarly(examSession);
			return null;
		}));

		// audit and accounts
		// Written to by the services after their own checks, as whoever called them; the
		// actor is taken from the security context, so nobody can write in another's
		// name.
		t.put("AuditLog.record(AuditAction,String,Object,String)", new Rule(EVERYONE, () -> {
			audit.record(AuditAction.ASSIGNMENT, "test", 0, "access matrix");
			return null;
		}));
		t.put("AuditLog.search(AuditFilter,int,int)", new Rule(ADMIN, () -> audit.search(AuditFilter.all(), 0, 5)));
		t.put("UserAccountService.currentUser()", new Rule(EVERYONE, accounts::currentUser));
		t.put("UserAccountService.myDataSaver()", new Rule(EVERYONE, accounts::myDataSaver));
		t.put("UserAccountService.changeMyDataSaver(boolean)", new Rule(SIGNED_IN, () -> {
			accounts.changeMyDataSaver(false);
			return null;
		}));
		t.put("UserAccountService.changeMyLanguage(Locale)", new Rule(SIGNED_IN, () -> {
			accounts.changeMyLanguage(en);
			return null;
		}));
		t.put("UserAccountService.changeMyPassword(String,String)", new Rule(SIGNED_IN, () -> {
			accounts.changeMyPassword("not-the-current-password", "another-password-42");
			return null;
		}));
		t.put("UserAccountService.listUsers()", new Rule(ADMIN, accounts::listUsers));
		t.put("UserAccountService.createUser(NewUser)",
				new Rule(ADMIN, () -> accounts.createUser(new NewUser(SecurityWorld.unique("matrix.user."), "Matrix",
						null, en, Set.of(Role.CADET), null, SecurityWorld.PASSWORD, true))));
		t.put("UserAccountService.createCadets(List)", new Rule(TRAINERS, () -> accounts.createCadets(List.of())));
		t.put("UserAccountService.takenUsernames(Collection)",
				new Rule(TRAINERS, () -> accounts.takenUsernames(List.of("someone"))));
		t.put("UserAccountService.assignTranslatorLocale(long,Locale)", new Rule(ADMIN, () -> {
			accounts.assignTranslatorLocale(w.user(Caller.TRANSLATOR).id(), dari);
			return null;
		}));
		t.put("UserAccountService.myTranslatorLocales()", new Rule(TRANSLATOR_ONLY, accounts::myTranslatorLocales));
		t.put("UserAccountService.hasAnyUserWithRole(Role)",
				new Rule(ADMIN, () -> accounts.hasAnyUserWithRole(Role.ADMIN)));
		t.put("UserAccountService.signOutEverywhereElse()", new Rule(SIGNED_IN, accounts::signOutEverywhereElse));
		// account administration: the trainer resets their own cohort's cadet (other
		// cadets are refused in AccountAdministrationTests); deactivation on an account
		// of its own, so that the world's cadet stays on the rosters.
		t.put("AccountAdministration.resetPassword(long)",
				new Rule(TRAINERS, () -> administration.resetPassword(cadet)));
		t.put("AccountAdministration.signInLocks()", new Rule(ADMIN, administration::signInLocks));
		t.put("AccountAdministration.unlock(Kind,String)", new Rule(ADMIN, () -> {
			administration.unlock(SignInLock.Kind.ADDRESS, "192.0.2.1");
			return null;
		}));
		t.put("AccountAdministration.deactivate(long)", new Rule(ADMIN, () -> {
			administration.deactivate(leaver.id());
			return null;
		}));
		t.put("AccountAdministration.reactivate(long)", new Rule(ADMIN, () -> {
			administration.reactivate(leaver.id());
			return null;
		}));
		return t;
	}

	@Test
	void everyPublicServiceMethodHasARowInTheTable() {
		Set<String> methods = publicServiceMethods();
		Set<String> rows = table().keySet();
		assertThat(methods).as("service beans found").hasSizeGreaterThan(50);
		assertThat(new TreeSet<>(rows))
			.as("every public method of a public service needs a row in ServiceAccessMatrixTests.table()")
			.containsAll(methods);
		assertThat(new TreeSet<>(methods)).as("rows for methods that no longer exist").containsAll(rows);
	}

	@Test
	void eachCallerIsRefusedExactlyWhereTheTableSays() {
		List<String> wrong = new ArrayList<>();
		Map<String, Rule> table = table();
		for (Caller caller : Caller.values()) {
			for (Map.Entry<String, Rule> row : table.entrySet()) {
				world.signInAs(caller);
				boolean expectAllowed = row.getValue().allowed().contains(caller);
				Throwable thrown = null;
				try {
					row.getValue().call().call();
				}
				catch (Throwable ex) {
					thrown = ex;
				}
				finally {
					SecurityContextHolder.clearContext();
				}
				boolean denied = isDenial(thrown);
				if (expectAllowed == denied) {
					wrong.add(caller + " " + row.getKey() + ": expected " + (expectAllowed ? "allowed" : "refused")
							+ " but " + (thrown == null ? "it returned" : "threw " + thrown));
				}
			}
		}
		assertThat(wrong).as("calls whose outcome differs from the table").isEmpty();
	}

	@Test
	void aTrainerReachesNothingOfAnotherTrainersCohort() {
		SecurityWorld w = world;
		long other = w.otherCohort.id();
		long otherCadet = w.otherCadet.id();
		Locale en = Locale.ENGLISH;
		Map<String, Call> calls = new LinkedHashMap<>();
		calls.put("cohort", () -> cohorts.cohort(other));
		calls.put("cadets", () -> cohorts.cadets(other));
		calls.put("assignments", () -> cohorts.assignments(other));
		calls.put("joinCode", () -> cohorts.joinCode(other));
		calls.put("setJoinCode", () -> cohorts.setJoinCode(other, true, Instant.now().plusSeconds(600)));
		calls.put("enrol", () -> {
			cohorts.enrol(other, w.spareCadet.id());
			return null;
		});
		calls.put("withdraw", () -> {
			cohorts.withdraw(other, otherCadet);
			return null;
		});
		calls.put("move out of it", () -> {
			cohorts.move(other, w.cohort.id(), otherCadet);
			return null;
		});
		calls.put("assign", () -> {
			cohorts.assign(other, SecurityWorld.MODULE, LocalDate.now());
			return null;
		});
		calls.put("progress page", () -> progress.page(other, 0, 10, LocalDate.now()));
		calls.put("progress count", () -> progress.count(other));
		calls.put("progress summary", () -> progress.summary(other, LocalDate.now()));
		calls.put("progress export", () -> exports.progress(other, en, (k) -> k, LocalDate.now(), ZoneOffset.UTC));
		calls.put("quiz export", () -> exports.quizResults(other, en, (k) -> k, ZoneOffset.UTC));
		calls.put("cadet detail", () -> details.detail(other, otherCadet));
		calls.put("cadet detail through own cohort", () -> details.detail(w.cohort.id(), otherCadet));
		calls.put("enrolment history through own cohort", () -> cohorts.enrolmentHistory(w.cohort.id(), otherCadet));
		calls.put("knowledge gain", () -> gains.gains(other, en));
		calls.put("programme report", () -> reports.cohortReport(other, en));
		calls.put("outcomes", () -> outcomes.outcomes(other));
		calls.put("completion over time", () -> progress.completionOverTime(other));
		calls.put("pass rates", () -> progress.moduleResults(other));
		calls.put("set sex", () -> {
			details.setSex(other, otherCadet, CadetSex.FEMALE);
			return null;
		});
		calls.put("set sex through own cohort", () -> {
			details.setSex(w.cohort.id(), otherCadet, CadetSex.FEMALE);
			return null;
		});
		calls.put("item analysis", () -> items.analyse(other, SecurityWorld.MODULE, en));
		calls.put("objective mastery", () -> mastery.mastery(other, SecurityWorld.MODULE, en));
		calls.put("scenario analytics", () -> scenarios.scenarios(other, SecurityWorld.MODULE, en));
		calls.put("evaluation results", () -> evaluationResults.results(other, SecurityWorld.MODULE, en));
		calls.put("evaluation results of every module", () -> evaluationResults.results(other, en));
		calls.put("import check", () -> imports.check(other, csv("Ali Ahmadi", SecurityWorld.unique("ali."))));
		calls.put("import", () -> imports.importCadets(other, csv("Ali Ahmadi", SecurityWorld.unique("ali."))));
		calls.put("add cadet", () -> imports.addCadet(other, "Ali", SecurityWorld.unique("ali."), null, en));
		calls.put("certificate list", () -> certificates.cohortCertificates(other));
		calls.put("certificates ZIP", () -> certificates.cohortZip(other));
		calls.put("certificate download", () -> certificates.download(w.otherCertificate.id(), en));
		calls.put("certificate revoke", () -> {
			certificates.revoke(w.otherCertificate.id(), "not mine");
			return null;
		});
		calls.put("certificate reissue", () -> certificates.reissue(w.otherCertificate.id(), "not mine"));
		Instant later = Instant.now().plus(java.time.Duration.ofDays(2));
		calls.put("exam session open",
				() -> exams.open(other, SecurityWorld.MODULE, later, later.plusSeconds(60), false));
		calls.put("exam sessions", () -> exams.sessions(other));
		calls.put("exam modules", () -> exams.modules(other, en));
		calls.put("exam session", () -> exams.session(otherExamSession));
		calls.put("exam monitor", () -> exams.monitor(otherExamSession));
		calls.put("exam extra time", () -> {
			exams.giveExtraTime(otherExamSession, otherCadet, 5);
			return null;
		});
		calls.put("exam reopen", () -> {
			exams.reopenAttempt(otherExamSession, otherCadet, 5);
			return null;
		});
		calls.put("exam close", () -> {
			exams.closeEarly(otherExamSession);
			return null;
		});
		// Nor another academy, nor accounts that are not its academy's cadets.
		long[] foreign = SystemAccess.asAdministrator(() -> {
			long academy = cohorts.createAcademy(SecurityWorld.unique("Foreign academy ")).id();
			long cadet = accounts
				.createUser(new NewUser(SecurityWorld.unique("foreign.cadet."), "Foreign Cadet", null, en,
						Set.of(Role.CADET), academy, SecurityWorld.PASSWORD, false))
				.id();
			return new long[] { academy, cadet };
		});
		calls.put("cohort in another academy", () -> cohorts.createCohort(
				new NewCohort(foreign[0], SecurityWorld.unique("Foreign cohort "), LocalDate.now(), null, Set.of())));
		calls.put("enrol another academy's cadet", () -> {
			cohorts.enrol(w.cohort.id(), foreign[1]);
			return null;
		});
		calls.put("enrol an administrator", () -> {
			cohorts.enrol(w.cohort.id(), w.user(Caller.ADMIN).id());
			return null;
		});
		calls.put("enrol a translator", () -> {
			cohorts.enrol(w.cohort.id(), w.user(Caller.TRANSLATOR).id());
			return null;
		});
		int enrolledBefore = activeEnrolments(other);
		assertAllRefused(w.user(Caller.TRAINER), calls);
		assertThat(activeEnrolments(other)).as("the other cohort is unchanged").isEqualTo(enrolledBefore);
		assertThat(certificates.verify(w.otherCertificate.code()).status().name()).isEqualTo("VALID");
	}

	@Test
	void aCadetReachesNoOtherCadetsAttemptRunOrCertificate() {
		SecurityWorld w = world;
		Locale en = Locale.ENGLISH;
		Map<String, Call> calls = new LinkedHashMap<>();
		calls.put("quizSession", () -> quizzes.quizSession(w.otherAttempt, en));
		calls.put("saveAnswer", () -> {
			quizzes.saveAnswer(w.otherAttempt, "arrest-at-scene", new GivenAnswer.TrueFalse(true));
			return null;
		});
		calls.put("submitQuiz", () -> quizzes.submitQuiz(w.otherAttempt, en));
		calls.put("seen", () -> {
			quizzes.seen(w.otherAttempt);
			return null;
		});
		calls.put("scenario", () -> scenarioRuns.scenario(w.otherRun, en));
		calls.put("choose", () -> scenarioRuns.choose(w.otherRun, "check-kit", en));
		calls.put("certificate download", () -> certificates.download(w.otherCertificate.id(), en));
		calls.put("certificate that does not exist", () -> certificates.download(Long.MAX_VALUE, en));
		assertAllRefused(w.user(Caller.CADET), calls);
	}

	@Test
	void aDariTranslatorCannotTouchRussian() {
		Locale ru = SecurityWorld.RUSSIAN;
		String module = SecurityWorld.MODULE;
		Map<String, Call> calls = new LinkedHashMap<>();
		calls.put("segments", () -> translations.segments(module, ru, SegmentFilter.all()));
		calls.put("coverage", () -> translations.coverage(module, ru));
		calls.put("save", () -> translations.save(module, ru, segmentKey, "Заголовок"));
		calls.put("preview", () -> translations.preview(module, ru, segmentKey, "Заголовок"));
		calls.put("approve", () -> translations.approve(module, ru, segmentKey));
		calls.put("export", () -> translations.exportXliff(module, ru));
		calls.put("import", () -> translations.importXliff(module, ru, new byte[0]));
		calls.put("UI segments", () -> uiStrings.segments(ru, SegmentFilter.all()));
		calls.put("UI coverage", () -> uiStrings.coverage(ru));
		calls.put("UI save", () -> uiStrings.save(ru, uiKey, "Текст"));
		calls.put("UI approve", () -> uiStrings.approve(ru, uiKey));
		calls.put("UI export", () -> uiStrings.exportProperties(ru));
		calls.put("UI import",
				() -> uiStrings.importProperties(ru, (uiKey + "=Текст\n").getBytes(StandardCharsets.UTF_8)));
		calls.put("glossary terms", () -> glossary.terms(ru));
		calls.put("glossary add", () -> glossary.add(ru, "naloxone", "налоксон"));
		calls.put("glossary remove", () -> {
			glossary.remove(ru, "naloxone");
			return null;
		});
		int editsBefore = translationEdits(ru);
		int uiEditsBefore = uiStringEdits(ru);
		assertAllRefused(world.user(Caller.TRANSLATOR), calls);
		assertThat(translationEdits(ru)).as("no Russian edit was stored").isEqualTo(editsBefore);
		assertThat(uiStringEdits(ru)).as("no Russian UI string was stored").isEqualTo(uiEditsBefore);
	}

	private void assertAllRefused(UserAccount user, Map<String, Call> calls) {
		List<String> notRefused = new ArrayList<>();
		for (Map.Entry<String, Call> call : calls.entrySet()) {
			world.signInAs(user);
			Throwable thrown = null;
			try {
				call.getValue().call();
			}
			catch (Throwable ex) {
				thrown = ex;
			}
			finally {
				SecurityContextHolder.clearContext();
			}
			if (!isDenial(thrown)) {
				notRefused.add(call.getKey() + ": " + (thrown == null ? "returned" : thrown.toString()));
			}
		}
		assertThat(notRefused).as("calls that were not refused for " + user.username()).isEmpty();
	}

	private static boolean isDenial(Throwable thrown) {
		return thrown instanceof AccessDeniedException || thrown instanceof AuthenticationException;
	}

	private int activeEnrolments(long cohortId) {
		return jdbc.sql("SELECT COUNT(*) FROM enrolment WHERE cohort_id = ? AND withdrawn_at IS NULL")
			.param(cohortId)
			.query(Integer.class)
			.single();
	}

	private int translationEdits(Locale locale) {
		return jdbc.sql("SELECT COUNT(*) FROM translation_edit WHERE locale = ?")
			.param(locale.toLanguageTag())
			.query(Integer.class)
			.single();
	}

	private int uiStringEdits(Locale locale) {
		return jdbc.sql("SELECT COUNT(*) FROM ui_string_edit WHERE locale = ?")
			.param(locale.toLanguageTag())
			.query(Integer.class)
			.single();
	}

	private static byte[] csv(String name, String username) {
		return ("full_name,username,language\n" + name + "," + username + ",en\n").getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The public service beans: {@code @Service} classes in a feature's public package
	 * (not {@code internal}, not {@code ui}).
	 */
	static Set<String> publicServiceMethods() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Service.class));
		Set<String> methods = new TreeSet<>();
		for (var candidate : scanner.findCandidateComponents("org.lepha.academy")) {
			String name = candidate.getBeanClassName();
			String pkg = name.substring(0, name.lastIndexOf('.'));
			if (pkg.endsWith(".internal") || pkg.contains(".internal.") || pkg.endsWith(".ui")) {
				continue;
			}
			Class<?> type;
			try {
				type = Class.forName(name);
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException(ex);
			}
			if (!Modifier.isPublic(type.getModifiers())) {
				continue;
			}
			for (Method method : type.getDeclaredMethods()) {
				int modifiers = method.getModifiers();
				if (Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers) && !method.isSynthetic()
						&& !method.isBridge()) {
					methods.add(signature(method));
				}
			}
		}
		return methods;
	}

	static String signature(Method method) {
		return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
				+ Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(","))
				+ ")";
	}

}
