package org.lepha.academy.certificates.ui;

import java.io.ByteArrayInputStream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.certificates.Certificate;
import org.lepha.academy.certificates.CertificateException;
import org.lepha.academy.certificates.CertificateService;
import org.lepha.academy.certificates.CohortCertificates;
import org.lepha.academy.security.Role;

/**
 * A cohort's certificates: who has and who has not received one, downloads in every
 * language, the whole cohort as one ZIP, revoke and re-issue.
 */
@Route("cohorts/:cohortId/certificates")
@RolesAllowed({ Role.Names.TRAINER, Role.Names.ADMIN })
class CohortCertificatesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	private final CertificateService certificates;

	private final Languages languages;

	private final UiTranslationProvider strings;

	private final CertificateTitles titles;

	private final Grid<CohortCertificates> grid = new Grid<>();

	private long cohortId;

	CohortCertificatesView(CertificateService certificates, Languages languages, UiTranslationProvider strings,
			CertificateTitles titles) {
		this.certificates = certificates;
		this.languages = languages;
		this.strings = strings;
		this.titles = titles;
		setSizeFull();
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		cohortId = event.getRouteParameters().getLong("cohortId").orElse(-1L);
		removeAll();
		grid.removeAllColumns();
		String cohortAddress = "cohorts/" + cohortId;
		Anchor back = new Anchor(cohortAddress, getTranslation("certificates.backToCohort"));
		Anchor zip = new Anchor(DownloadHandler.fromInputStream((e) -> {
			byte[] bytes = certificates.cohortZip(cohortId);
			return new DownloadResponse(new ByteArrayInputStream(bytes), "certificates-" + cohortId + ".zip",
					"application/zip", bytes.length);
		}), getTranslation("certificates.zip"));
		zip.setId("certificates-zip");
		zip.getElement().setAttribute("download", true);
		grid.setId("cohort-certificates");
		grid.addColumn(CohortCertificates::fullName).setHeader(getTranslation("users.fullName")).setSortable(true);
		grid.addColumn((row) -> getTranslation(row.hasValid() ? "certificates.received" : "certificates.notReceived"))
			.setHeader(getTranslation("certificates.column.status"))
			.setSortable(true);
		grid.addComponentColumn(this::certificatesOf).setHeader(getTranslation("certificates.title")).setFlexGrow(3);
		grid.setItems(certificates.cohortCertificates(cohortId));
		grid.setAllRowsVisible(true);
		add(back, new H1(getTranslation("certificates.cohortTitle")), zip, grid);
	}

	private VerticalLayout certificatesOf(CohortCertificates row) {
		VerticalLayout list = new VerticalLayout();
		list.setPadding(false);
		for (Certificate c : row.certificates()) {
			Span label = new Span(titles.title(c, getLocale()) + " · " + c.serial() + " · "
					+ getTranslation(c.revoked() ? "certificates.status.revoked" : "certificates.status.valid"));
			HorizontalLayout line = new HorizontalLayout(label);
			line.setAlignItems(Alignment.BASELINE);
			line.getStyle().set("flex-wrap", "wrap");
			if (!c.revoked()) {
				line.add(CertificateDownloads.links(c, certificates, languages, strings));
				Button revoke = new Button(getTranslation("certificates.revoke"), (e) -> revokeDialog(c, false));
				revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
				revoke.addClassName("revoke");
				line.add(revoke);
			}
			Button reissue = new Button(getTranslation("certificates.reissue"), (e) -> revokeDialog(c, true));
			reissue.addThemeVariants(ButtonVariant.LUMO_SMALL);
			reissue.addClassName("reissue");
			line.add(reissue);
			list.add(line);
		}
		if (row.certificates().isEmpty()) {
			list.add(new Span("–"));
		}
		return list;
	}

	private void revokeDialog(Certificate c, boolean reissue) {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation(reissue ? "certificates.reissue" : "certificates.revoke"));
		TextArea reason = new TextArea(getTranslation("certificates.reason"));
		reason.setMaxLength(TextLimits.REVOKE_REASON);
		reason.setMaxLength(CertificateService.MAX_REASON_LENGTH);
		reason.setRequired(!reissue);
		reason.setWidthFull();
		reason.setId("revoke-reason");
		Button confirm = new Button(getTranslation(reissue ? "certificates.reissue" : "certificates.revoke"), (e) -> {
			try {
				if (reissue) {
					certificates.reissue(c.id(), reason.getValue());
				}
				else {
					certificates.revoke(c.id(), reason.getValue());
				}
				dialog.close();
				Notification.show(getTranslation(reissue ? "certificates.reissued" : "certificates.revoked"))
					.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
				grid.setItems(certificates.cohortCertificates(cohortId));
			}
			catch (CertificateException ex) {
				reason.setInvalid(true);
				reason.setErrorMessage(getTranslation(ex.messageKey()));
			}
		});
		confirm.setId("confirm-revoke");
		confirm.addThemeVariants(reissue ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_ERROR);
		dialog.add(new Paragraph(c.cadetName() + " · " + c.serial()), reason);
		dialog.getFooter().add(new Button(getTranslation("cohort.cancel"), (e) -> dialog.close()), confirm);
		dialog.open();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("certificates.cohortTitle");
	}

}
