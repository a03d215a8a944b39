package org.lepha.academy.certificates.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.certificates.Certificate;
import org.lepha.academy.certificates.CertificateFile;
import org.lepha.academy.certificates.CertificateService;
import org.lepha.academy.certificates.CredentialFile;

/**
 * One download link per language for a certificate, and one for its credential; each file
 * is made on click.
 */
final class CertificateDownloads {

	private CertificateDownloads() {
	}

	static HorizontalLayout links(Certificate certificate, CertificateService service, Languages languages,
			UiTranslationProvider strings) {
		HorizontalLayout links = new HorizontalLayout();
		links.setSpacing(true);
		links.getStyle().set("flex-wrap", "wrap");
		for (Locale language : languages.all()) {
			Anchor link = new Anchor(DownloadHandler.fromInputStream((event) -> {
				CertificateFile file = service.download(certificate.id(), language);
				return new DownloadResponse(new ByteArrayInputStream(file.pdf()), file.fileName(), "application/pdf",
						file.pdf().length);
			}), strings.languageName(language));
			link.getElement().setAttribute("download", true);
			link.getElement().setAttribute("lang", language.toLanguageTag());
			link.addClassName("certificate-download");
			link.getElement().setAttribute("data-language", language.toLanguageTag());
			links.add(link);
		}
		return links;
	}

	/**
	 * The signed Open Badges credential, made on click (the service checks the caller).
	 */
	static Anchor credential(Certificate certificate, CertificateService service, String label) {
		Anchor link = new Anchor(DownloadHandler.fromInputStream((event) -> {
			CredentialFile file = service.credential(certificate.id());
			byte[] jwt = file.jwt().getBytes(StandardCharsets.US_ASCII);
			return new DownloadResponse(new ByteArrayInputStream(jwt), file.fileName(), file.mediaType(), jwt.length);
		}), label);
		link.getElement().setAttribute("download", true);
		link.addClassName("credential-download");
		return link;
	}

}
