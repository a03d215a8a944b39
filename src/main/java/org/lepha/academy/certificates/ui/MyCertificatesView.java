package org.lepha.academy.certificates.ui;

import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.certificates.Certificate;
import org.lepha.academy.certificates.CertificateProperties;
import org.lepha.academy.certificates.CertificateService;
import org.lepha.academy.security.Role;

/**
 * The cadet's certificates, each downloadable in every language, with its public
 * verification address.
 */
@Route("certificates")
@RolesAllowed(Role.Names.CADET)
class MyCertificatesView extends VerticalLayout implements HasDynamicTitle {

	MyCertificatesView(CertificateService certificates, Languages languages, UiTranslationProvider strings,
			LocalizedFormats formats, CertificateProperties properties, CertificateTitles titles) {
		addClassName("certificates-view");
		add(new H1(getTranslation("certificates.title")));
		List<Certificate> mine = certificates.myCertificates();
		if (mine.isEmpty()) {
			Paragraph none = new Paragraph(getTranslation("certificates.none"));
			none.setId("no-certificates");
			add(none);
			return;
		}
		for (Certificate c : mine) {
			Div card = new Div();
			card.addClassName("certificate-card");
			card.getElement().setAttribute("data-serial", c.serial());
			card.getElement().setAttribute("data-kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
			H2 title = new H2(titles.title(c, getLocale()));
			Paragraph facts = new Paragraph(getTranslation("certificates.facts", c.serial(),
					formats.date(c.completedOn(), getLocale()), c.cohortName()));
			Span status = new Span(
					getTranslation(c.revoked() ? "certificates.status.revoked" : "certificates.status.valid"));
			status.getElement().getThemeList().add(c.revoked() ? "badge error" : "badge success");
			card.add(title, status, facts);
			if (c.revoked()) {
				card.add(new Paragraph(getTranslation("certificates.revokedReason", c.revokeReason())));
			}
			else {
				card.add(new Paragraph(getTranslation("certificates.download")),
						CertificateDownloads.links(c, certificates, languages, strings),
						CertificateDownloads.credential(c, certificates, getTranslation("badge.credential.download")));
				Anchor verify = new Anchor(
						properties.verificationUrl(c.code()) + "?lang=" + getLocale().toLanguageTag(),
						getTranslation("certificates.verifyLink"));
				verify.setTarget("_blank");
				verify.addClassName("verify-link");
				card.add(verify);
			}
			add(card);
		}
	}

	@Override
	public String getPageTitle() {
		return getTranslation("certificates.title");
	}

}
