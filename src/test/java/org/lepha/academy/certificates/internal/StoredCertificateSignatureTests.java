package org.lepha.academy.certificates.internal;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.certificates.Certificate;
import org.lepha.academy.certificates.CertificateFile;
import org.lepha.academy.certificates.CertificateService;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the application stores and hands out is the signed file: at issue time in every
 * language, and when a language's file is rendered later (a language added after the
 * certificate was issued); the stored SHA-256 is that of the signed bytes.
 */
@IntegrationTest
class StoredCertificateSignatureTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	CertificateService certificates;

	@Autowired
	SignedPdfVerifier verifier;

	@Autowired
	AcademyKeys keys;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	@Test
	void issuedAndLaterRenderedFilesAreSignedByTheAcademyAndHashedAsSigned() {
		AcademyFixture fixtures = new AcademyFixture(this.context);
		Academy academy = fixtures.academy();
		UserAccount trainer = fixtures.user(Role.TRAINER, academy, "Amina Karimova");
		UserAccount cadet = fixtures.user(Role.CADET, academy, "ژیلا گل‌چهره");
		CohortSummary cohort = fixtures.cohort(academy, trainer);
		fixtures.enrol(cohort, cadet);
		fixtures.assignTheModule(cohort);
		fixtures.signInAs(cadet);
		fixtures.completeTheModule();
		Certificate issued = this.certificates.myCertificates()
			.stream()
			.filter((c) -> c.kind() == Certificate.Kind.MODULE)
			.findFirst()
			.orElseThrow();

		for (String tag : List.of("en", "ru", "fa-AF")) {
			CertificateFile file = this.certificates.download(issued.id(), Locale.forLanguageTag(tag));
			SignedPdfVerifier.Result result = this.verifier.verify(file.pdf());
			assertThat(result.valid()).as(tag).isTrue();
			assertThat(result.signer()).isEqualTo(this.keys.signingCertificate());
			assertThat(file.sha256()).isEqualTo(CertificateIssuer.sha256(file.pdf()));
		}

		// As if Dari had been added after the certificate was issued.
		this.jdbc.sql("DELETE FROM certificate_document WHERE certificate_id = ? AND language = 'fa-AF'")
			.param(issued.id())
			.update();
		CertificateFile later = this.certificates.download(issued.id(), Locale.forLanguageTag("fa-AF"));
		assertThat(this.verifier.verify(later.pdf()).valid()).isTrue();
		assertThat(later.sha256()).isEqualTo(CertificateIssuer.sha256(later.pdf()));
	}

}
