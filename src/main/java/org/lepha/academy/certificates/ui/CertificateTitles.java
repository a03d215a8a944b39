package org.lepha.academy.certificates.ui;

import java.util.Locale;

import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.certificates.Certificate;
import org.lepha.academy.content.ContentCatalog;

import org.springframework.stereotype.Component;

/** The title of a certificate's subject in the viewer's language. */
@Component
class CertificateTitles {

	private final ContentCatalog content;

	private final UiTranslationProvider strings;

	CertificateTitles(ContentCatalog content, UiTranslationProvider strings) {
		this.content = content;
		this.strings = strings;
	}

	String title(Certificate c, Locale locale) {
		if (c.kind() == Certificate.Kind.PROGRAMME) {
			return strings.getTranslation("certificate.programme.title", locale, c.cohortName());
		}
		return content.module(c.subject())
			.map((m) -> content.resolve(m.id(), m.certificateTitle(), locale).text())
			.orElse(c.subject());
	}

}
