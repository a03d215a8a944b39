package org.lepha.academy.certificates.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.certificates.Certificate;
import org.lepha.academy.certificates.CertificateProperties;
import org.lepha.academy.cohorts.CadetMembership;
import org.lepha.academy.cohorts.CadetMemberships;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.ResolvedText;
import org.lepha.academy.learning.CadetCompletions;
import org.lepha.academy.learning.ModuleCompleted;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The PDF renderer fails while a completion is being certified: the failure reaches the
 * event publication registry (which keeps the event for another delivery), the
 * certificate's transaction is rolled back with nothing stored, and the next delivery of
 * the same event issues the certificate. The completion itself committed before the
 * listener ran and is never touched here. Collaborators are mocks: the real renderer
 * cannot be made to fail on demand.
 */
class CertificateIssuerFaultTests {

	private static final long CADET = 7;

	private static final String MODULE = "example-module";

	private final CertificateRepository certificates = mock(CertificateRepository.class);

	private final CertificateRenderer renderer = mock(CertificateRenderer.class);

	private final CertificateSigner signer = mock(CertificateSigner.class);

	private final CadetMemberships memberships = mock(CadetMemberships.class);

	private final CadetCompletions completions = mock(CadetCompletions.class);

	private final ContentCatalog content = mock(ContentCatalog.class);

	private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);

	private CertificateIssuer issuer;

	@BeforeEach
	void aCadetInACohortWhoseOnlyModuleIsTheOneCompleted() {
		Module module = mock(Module.class);
		when(module.id()).thenReturn(MODULE);
		when(this.content.module(MODULE)).thenReturn(Optional.of(module));
		when(this.content.resolve(any(), any(), any()))
			.thenReturn(new ResolvedText("Responding to an overdose", ResolvedText.Origin.ENGLISH_SOURCE, false));
		when(this.memberships.current(CADET)).thenReturn(Optional.of(new CadetMembership(CADET, "Zarina Akhmedova",
				Locale.ENGLISH, 3, "Cohort 3", "Academy", List.of("Amina Karimova"), List.of(MODULE))));
		when(this.transactions.getTransaction(any())).thenReturn(mock(TransactionStatus.class));
		// Signing is tested on real files (SignedCertificateTests); here it passes the
		// renderer's bytes through.
		when(this.signer.sign(any(), any(), any(), any())).thenAnswer((call) -> call.getArgument(0));
		when(this.certificates.findValid(anyLong(), any(), anyString())).thenReturn(Optional.empty());
		when(this.certificates.nextSerial()).thenReturn(1L, 2L, 3L, 4L);
		when(this.certificates.insert(any(), anyLong())).thenReturn(11L, 12L, 13L, 14L);
		when(this.certificates.find(anyLong())).thenAnswer((call) -> Optional.of(issued(call.getArgument(0))));
		UiTranslationProvider translations = mock(UiTranslationProvider.class);
		when(translations.getTranslation(anyString(), any(Locale.class), any(Object[].class))).thenReturn("text");
		this.issuer = new CertificateIssuer(this.certificates, this.renderer, this.signer,
				mock(CertificateDesignRepository.class), this.memberships, this.completions, this.content, translations,
				new Languages(List.of("en", "ru", "fa-AF")), new CertificateProperties(null, null, null, null),
				this.transactions, Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC),
				new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
	}

	@Test
	void aRendererFailureLeavesTheEventForTheNextDeliveryWhichIssuesTheCertificate() {
		ModuleCompleted completed = new ModuleCompleted(CADET, MODULE, Instant.parse("2026-11-30T09:59:00Z"));
		when(this.renderer.render(any(), any(), any())).thenThrow(new IllegalStateException("font missing"))
			.thenReturn(new byte[] { '%', 'P', 'D', 'F' });

		assertThatThrownBy(() -> this.issuer.onModuleCompleted(completed)).isInstanceOf(IllegalStateException.class)
			.hasMessage("font missing");
		verify(this.transactions).rollback(any());
		verify(this.transactions, never()).commit(any());
		verify(this.certificates, never()).insertDocument(anyLong(), anyString(), anyString(), any(), anyString());

		assertThatNoException().isThrownBy(() -> this.issuer.onModuleCompleted(completed));
		// The module certificate and the programme certificate (the cohort's only
		// module),
		// each in the three languages.
		verify(this.transactions, times(2)).commit(any());
		verify(this.certificates, times(6)).insertDocument(anyLong(), anyString(), anyString(), any(), anyString());
		verify(this.certificates, times(3)).insert(any(), anyLong());
		verify(this.certificates).insert(any(), eq(2L));
	}

	private static Certificate issued(long id) {
		return new Certificate(id, "code" + id, "S-" + id, Certificate.Kind.MODULE, MODULE, CADET, 3L,
				"Zarina Akhmedova", "Academy", "Cohort 3", LocalDate.of(2026, 11, 30),
				Instant.parse("2026-11-30T10:00:00Z"), Locale.ENGLISH, "Amina Karimova", null, null, null);
	}

}
