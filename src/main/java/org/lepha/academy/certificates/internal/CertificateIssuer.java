package org.lepha.academy.certificates.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.certificates.Certificate;
import org.lepha.academy.certificates.CertificateContent;
import org.lepha.academy.certificates.CertificateDesign;
import org.lepha.academy.certificates.CertificateDesignVersion;
import org.lepha.academy.certificates.CertificateProperties;
import org.lepha.academy.cohorts.CadetMembership;
import org.lepha.academy.cohorts.CadetEnrolled;
import org.lepha.academy.cohorts.CadetMemberships;
import org.lepha.academy.cohorts.CohortAssignmentsChanged;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Module;
import org.lepha.academy.learning.CadetCompletions;
import org.lepha.academy.learning.ModuleCompleted;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues certificates when completions are recorded: a module certificate for each
 * completed module, a programme certificate once every module assigned to the cohort is
 * completed. Exactly once per cadet and subject, however many completion events arrive at
 * the same moment: the database's unique key decides, the loser reads the winner's row.
 *
 * <p>
 * Issuing runs after the completion commits, in its own transaction, so a failure here
 * never loses the completion. Spring Modulith's event publication registry keeps each
 * event until its listener here has returned: an event whose listener failed or was cut
 * short by a crash is delivered again when the server starts and by
 * {@link CertificateRedelivery}. A cadet who joins a cohort, or whose cohort's
 * assignments change, gets whatever that makes due.
 */
@Component
public class CertificateIssuer {

	/** Subject of a programme certificate: the cohort whose programme was completed. */
	static String programmeSubject(long cohortId) {
		return "cohort-" + cohortId;
	}

	private final CertificateRepository certificates;

	private final CertificateRenderer renderer;

	private final CertificateSigner signer;

	private final CertificateDesignRepository designs;

	private final CadetMemberships memberships;

	private final CadetCompletions completions;

	private final ContentCatalog content;

	private final UiTranslationProvider translations;

	private final Languages languages;

	private final CertificateProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/** {@code academy.certificates.issue}: inserting and rendering every language. */
	private final Timer issueTime;

	public CertificateIssuer(CertificateRepository certificates, CertificateRenderer renderer, CertificateSigner signer,
			CertificateDesignRepository designs, CadetMemberships memberships, CadetCompletions completions,
			ContentCatalog content, UiTranslationProvider translations, Languages languages,
			CertificateProperties properties, PlatformTransactionManager transactionManager, Clock clock,
			MeterRegistry meters) {
		this.certificates = certificates;
		this.renderer = renderer;
		this.signer = signer;
		this.designs = designs;
		this.memberships = memberships;
		this.completions = completions;
		this.content = content;
		this.translations = translations;
		this.languages = languages;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(Propagation.REQUIRES_NEW.value());
		this.clock = clock;
		this.issueTime = Timer.builder("academy.certificates.issue")
			.description("Certificates issued: stored and rendered in every language")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(10))
			.maximumExpectedValue(Duration.ofSeconds(60))
			.register(meters);
	}

	/**
	 * A failure is thrown on, not swallowed: the registry then keeps the event for
	 * another delivery (the completion itself has committed already).
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	public void onModuleCompleted(ModuleCompleted event) {
		issueFor(event.userId(), Map.of(event.moduleId(), event.completedAt()));
	}

	/** Certificates are issued in a cohort's name: a cadet's first cohort brings them. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	public void onCadetEnrolled(CadetEnrolled event) {
		issueMissing(event.cadetUserId());
	}

	/** A module taken off (or added to) the programme may complete it for some cadets. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	public void onAssignmentsChanged(CohortAssignmentsChanged event) {
		for (long cadet : this.memberships.activeCadets(event.cohortId())) {
			issueMissing(cadet);
		}
	}

	/** Issues every certificate the cadet has earned and does not hold yet. */
	private void issueMissing(long userId) {
		issueFor(userId, this.completions.of(userId));
	}

	private void issueFor(long userId, Map<String, Instant> completions) {
		Optional<CadetMembership> found = this.memberships.current(userId);
		if (found.isEmpty()) {
			// Certificates are issued in a cohort's name; a cadet without one gets theirs
			// when enrolled.
			return;
		}
		CadetMembership membership = found.get();
		completions.forEach((moduleId, at) -> this.content.module(moduleId)
			.ifPresent((module) -> issue(membership, Certificate.Kind.MODULE, moduleId, at, module)));
		List<String> assigned = membership.assignedModuleIds();
		Map<String, Instant> all = completions.keySet().containsAll(assigned) ? completions
				: this.completions.of(userId);
		if (!assigned.isEmpty() && all.keySet().containsAll(assigned)) {
			Instant last = assigned.stream().map(all::get).max(Instant::compareTo).orElseThrow();
			issue(membership, Certificate.Kind.PROGRAMME, programmeSubject(membership.cohortId()), last, null);
		}
	}

	/** Issues (or finds) the valid certificate of a subject. */
	Certificate issue(CadetMembership membership, Certificate.Kind kind, String subject, Instant completedAt,
			Module module) {
		Optional<Certificate> existing = this.certificates.findValid(membership.userId(), kind, subject);
		if (existing.isPresent()) {
			return existing.get();
		}
		LocalDate completedOn = LocalDate.ofInstant(completedAt, ZoneId.systemDefault());
		boolean configured = this.properties.hasConfiguredSignatory();
		String signatory = configured ? this.properties.signatoryName()
				: membership.trainerNames().stream().findFirst().orElse(membership.academyName());
		String signatoryTitle = configured && this.properties.signatoryTitle() != null
				&& !this.properties.signatoryTitle().isBlank() ? this.properties.signatoryTitle() : null;
		// The academy's design at this moment is the one the certificate keeps for ever.
		CertificateDesignVersion design = this.memberships.academyOf(membership.cohortId())
			.flatMap(this.designs::current)
			.orElse(null);
		if (design != null && !design.design().signatories().isEmpty()) {
			signatory = design.design().signatories().get(0).name();
			signatoryTitle = null;
		}
		Certificate draft = new Certificate(0, CertificateSerials.newCode(), null, kind, subject, membership.userId(),
				membership.cohortId(), membership.fullName(), membership.academyName(), membership.cohortName(),
				completedOn, this.clock.instant(), this.languages.bestMatch(membership.locale()), signatory,
				signatoryTitle, null, null);
		return insertAndRender(draft, module, design == null ? null : design.id());
	}

	/**
	 * A replacement for a certificate (already revoked): new code and serial number, the
	 * cadet's current name, everything else as before.
	 */
	public Certificate reissue(Certificate old) {
		String name = this.memberships.current(old.userId()).map(CadetMembership::fullName).orElse(old.cadetName());
		Module module = old.kind() == Certificate.Kind.MODULE ? this.content.module(old.subject()).orElse(null) : null;
		Certificate draft = new Certificate(0, CertificateSerials.newCode(), null, old.kind(), old.subject(),
				old.userId(), old.cohortId(), name, old.academyName(), old.cohortName(), old.completedOn(),
				this.clock.instant(), old.language(), old.signatoryName(), old.signatoryTitle(), null, null);
		// Same design version as the certificate it replaces.
		return insertAndRender(draft, module,
				this.designs.ofCertificate(old.id()).map(CertificateDesignVersion::id).orElse(null));
	}

	private Certificate insertAndRender(Certificate draft, Module module, @Nullable Long designId) {
		long started = System.nanoTime();
		try {
			return this.transactions.execute((status) -> {
				long serial = this.certificates.nextSerial();
				long id = this.certificates.insert(draft, serial);
				if (designId != null) {
					this.designs.attach(id, designId);
				}
				Certificate issued = this.certificates.find(id).orElseThrow();
				// Every language is rendered now, so each has a fixed SHA-256 from day
				// one.
				for (Locale language : this.languages.all()) {
					storeDocument(issued, language, module);
				}
				return issued;
			});
		}
		catch (DuplicateKeyException ex) {
			// Another node or request issued it at the same moment: theirs is the one.
			return this.certificates.findValid(draft.userId(), draft.kind(), draft.subject()).orElseThrow(() -> ex);
		}
		finally {
			this.issueTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * Renders, signs and stores the certificate in a language (kept if it is there
	 * already). The stored bytes and their SHA-256 are those of the signed file.
	 */
	void storeDocument(Certificate certificate, Locale language, Module module) {
		String title = title(certificate, language, module);
		// The certificate's own design version, also for a language rendered years later.
		CertificateDesign design = this.designs.ofCertificate(certificate.id())
			.map(CertificateDesignVersion::design)
			.orElse(null);
		byte[] pdf = this.signer.sign(this.renderer.render(contentOf(certificate, title, language), language, design),
				language, certificate.serial(), certificate.code());
		this.certificates.insertDocument(certificate.id(), language.toLanguageTag(), title, pdf, sha256(pdf));
	}

	String title(Certificate certificate, Locale language, Module module) {
		if (certificate.kind() == Certificate.Kind.PROGRAMME) {
			return this.translations.getTranslation("certificate.programme.title", language, certificate.cohortName());
		}
		Module m = module != null ? module : this.content.module(certificate.subject()).orElse(null);
		if (m == null) {
			return certificate.subject();
		}
		return this.content.resolve(m.id(), m.certificateTitle(), language).text();
	}

	private CertificateContent contentOf(Certificate c, String title, Locale language) {
		String signatoryTitle = c.signatoryTitle() != null ? c.signatoryTitle()
				: this.translations.getTranslation(this.properties.hasConfiguredSignatory()
						? "certificate.signatory.defaultTitle" : "certificate.signatory.trainer", language);
		return new CertificateContent(c.academyName(), c.cadetName(), title, c.kind() == Certificate.Kind.PROGRAMME,
				c.cohortName(), c.completedOn(), c.serial(), this.properties.verificationUrl(c.code()),
				c.signatoryName(), signatoryTitle);
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The stored PDF of a certificate in a language, rendered and stored first if that
	 * language was added after the certificate was issued.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public CertificateRepository.StoredDocument document(Certificate certificate, Locale language) {
		String tag = language.toLanguageTag();
		return this.certificates.document(certificate.id(), tag).orElseGet(() -> {
			storeDocument(certificate, language, null);
			return this.certificates.document(certificate.id(), tag).orElseThrow();
		});
	}

}
