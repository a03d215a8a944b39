package org.lepha.academy.certificates.ui;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.base.text.RefusedTextException;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.base.ui.Uploads;
import org.lepha.academy.certificates.CertificateDesign;
import org.lepha.academy.certificates.CertificateDesignException;
import org.lepha.academy.certificates.CertificateDesignVersion;
import org.lepha.academy.certificates.CertificateDesigns;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.security.Role;

/**
 * An administrator sets an academy's certificate: emblem, up to two signatories, the
 * wording in every language; a preview in every language before saving. Everything is
 * checked by {@link CertificateDesigns}; this view only collects and shows.
 */
@Route("admin/certificate-design")
@RolesAllowed(Role.Names.ADMIN)
public class CertificateDesignView extends VerticalLayout implements HasDynamicTitle {

	/** Accepted by the upload component; the service checks the bytes anyway. */
	private static final int MAX_UPLOAD = 512 * 1024;

	private final CertificateDesigns designs;

	private final Languages languages;

	private final UiTranslationProvider strings;

	private final Select<Academy> academy = new Select<>();

	private final Paragraph status = new Paragraph();

	private final Paragraph error = new Paragraph();

	private final ImageSlot emblem;

	private final List<SignatoryForm> signatories = new ArrayList<>();

	private final Map<String, TextArea> wording = new HashMap<>();

	private final HorizontalLayout previews = new HorizontalLayout();

	CertificateDesignView(CertificateDesigns designs, Languages languages, UiTranslationProvider strings) {
		this.designs = designs;
		this.languages = languages;
		this.strings = strings;
		setWidthFull();
		this.academy.setId("design-academy");
		this.academy.setLabel(getTranslation("design.academy"));
		this.academy.setItemLabelGenerator(Academy::name);
		this.academy.setItems(designs.academies());
		this.status.setId("design-status");
		this.error.setId("design-error");
		this.error.getStyle().set("color", "var(--lumo-error-text-color)");
		this.error.setVisible(false);
		this.emblem = new ImageSlot("design-emblem", "design.emblem", "design.emblem.help",
				".png,.svg,image/png,image/svg+xml", designs::emblem);
		add(new H1(getTranslation("design.title")), new Paragraph(getTranslation("design.intro")), this.academy,
				this.status, this.error, new H2(getTranslation("design.emblem")), this.emblem);
		for (int i = 0; i < CertificateDesign.MAX_SIGNATORIES; i++) {
			SignatoryForm form = new SignatoryForm(i + 1);
			this.signatories.add(form);
			add(new H2(getTranslation("design.signatory", i + 1)), form);
		}
		add(new H2(getTranslation("design.wording")), new Paragraph(getTranslation("design.wording.help")));
		for (Locale language : languages.all()) {
			TextArea area = new TextArea(getTranslation("design.wording.in", strings.languageName(language)));
			area.setId("design-wording-" + language.toLanguageTag());
			area.setWidthFull();
			area.setMaxLength(TextLimits.GLOSSARY_TRANSLATION);
			area.getElement().setAttribute("lang", language.toLanguageTag());
			area.getElement().setAttribute("dir", Languages.isRightToLeft(language) ? "rtl" : "ltr");
			this.wording.put(language.toLanguageTag(), area);
			add(area);
		}
		Button preview = new Button(getTranslation("design.preview"), (e) -> preview());
		preview.setId("design-preview");
		Button save = new Button(getTranslation("design.save"), (e) -> save());
		save.setId("design-save");
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		this.previews.setId("design-previews");
		this.previews.getStyle().set("flex-wrap", "wrap");
		add(new HorizontalLayout(preview, save), this.previews);
		this.academy.addValueChangeListener((e) -> load());
		if (!designs.academies().isEmpty()) {
			this.academy.setValue(designs.academies().get(0));
		}
	}

	@Override
	public String getPageTitle() {
		return getTranslation("design.title");
	}

	private void load() {
		clearError();
		this.previews.removeAll();
		Academy selected = this.academy.getValue();
		if (selected == null) {
			return;
		}
		CertificateDesignVersion current = this.designs.current(selected.id()).orElse(null);
		CertificateDesign design = current == null ? CertificateDesign.empty() : current.design();
		this.status.setText(
				current == null ? getTranslation("design.none") : getTranslation("design.current", current.version()));
		this.emblem.set(design.emblemPng());
		for (int i = 0; i < this.signatories.size(); i++) {
			this.signatories.get(i).set(i < design.signatories().size() ? design.signatories().get(i) : null);
		}
		this.wording.forEach((tag, area) -> area.setValue(design.wording().getOrDefault(tag, "")));
	}

	private CertificateDesign draft() {
		List<CertificateDesign.Signatory> list = new ArrayList<>();
		for (SignatoryForm form : this.signatories) {
			CertificateDesign.Signatory signatory = form.value();
			if (signatory != null) {
				list.add(signatory);
			}
		}
		Map<String, String> texts = new HashMap<>();
		this.wording.forEach((tag, area) -> texts.put(tag, area.getValue()));
		return new CertificateDesign(this.emblem.png, list, texts);
	}

	private void preview() {
		Academy selected = this.academy.getValue();
		if (selected == null) {
			return;
		}
		refusable(() -> {
			List<CertificateDesigns.Preview> pages = this.designs.preview(selected.id(), draft());
			this.previews.removeAll();
			for (CertificateDesigns.Preview page : pages) {
				String tag = page.language().toLanguageTag();
				Image image = new Image(png(page.png(), "preview-" + tag + ".png"),
						getTranslation("design.preview.alt", this.strings.languageName(page.language())));
				image.setId("design-preview-" + tag);
				image.setWidth("360px");
				Div figure = new Div(new Span(this.strings.languageName(page.language())), image);
				figure.getElement().setAttribute("lang", tag);
				this.previews.add(figure);
			}
		});
	}

	private void save() {
		Academy selected = this.academy.getValue();
		if (selected == null) {
			return;
		}
		refusable(() -> {
			CertificateDesignVersion saved = this.designs.save(selected.id(), draft());
			this.status.setText(getTranslation("design.saved", saved.version()));
		});
	}

	/** Runs an action; a refusal is shown in the user's language and nothing changes. */
	private void refusable(Runnable action) {
		clearError();
		try {
			action.run();
		}
		catch (CertificateDesignException ex) {
			showError(getTranslation(ex.messageKey(), ex.arguments()));
		}
		catch (RefusedTextException ex) {
			showError(getTranslation(ex.messageKey(), ex.arguments()));
		}
	}

	private void showError(String message) {
		this.error.setText(message);
		this.error.setVisible(true);
	}

	private void clearError() {
		this.error.setText("");
		this.error.setVisible(false);
	}

	private static DownloadHandler png(byte[] png, String name) {
		return DownloadHandler.fromInputStream(
				(event) -> new DownloadResponse(new ByteArrayInputStream(png), name, "image/png", png.length));
	}

	/** An uploaded image: shown, replaceable, removable. */
	private final class ImageSlot extends VerticalLayout {

		private byte @Nullable [] png;

		private final Div shown = new Div();

		private final Button remove;

		ImageSlot(String id, String labelKey, String helpKey, String accepted,
				java.util.function.Function<byte[], byte[]> prepare) {
			setPadding(false);
			Upload upload = new Upload();
			upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
				UI ui = UI.getCurrent();
				ui.access(() -> {
					// One file at a time: the list is cleared so that the next upload
					// (say, after a refused one) is not rejected as a second file.
					upload.clearFileList();
					refusable(() -> set(prepare.apply(bytes)));
				});
			}));
			upload.setId(id + "-upload");
			upload.setAcceptedFileTypes(accepted.split(","));
			Uploads.localized(upload);
			upload.setMaxFiles(1);
			upload.setMaxFileSize(MAX_UPLOAD);
			upload.addFileRejectedListener(
					(e) -> showError(getTranslation("design.error.image.tooLarge", MAX_UPLOAD / 1024)));
			this.shown.setId(id + "-image");
			this.remove = new Button(getTranslation("design.image.remove"), (e) -> set(null));
			this.remove.setId(id + "-remove");
			add(new Paragraph(getTranslation(helpKey)), upload, new HorizontalLayout(this.shown, this.remove));
			getElement().setAttribute("aria-label", getTranslation(labelKey));
			set(null);
		}

		void set(byte @Nullable [] value) {
			this.png = value;
			this.shown.removeAll();
			if (value != null) {
				Image image = new Image(png(value, "image.png"), getTranslation("design.image.current"));
				image.setMaxHeight("80px");
				this.shown.add(image);
			}
			this.remove.setEnabled(value != null);
		}

	}

	/** One signatory: name, a title per language, a signature image. */
	private final class SignatoryForm extends VerticalLayout {

		private final TextField name = new TextField();

		private final Map<String, TextField> titles = new HashMap<>();

		private final ImageSlot signature;

		SignatoryForm(int number) {
			setPadding(false);
			this.name.setLabel(getTranslation("design.signatory.name"));
			this.name.setId("design-signatory-" + number + "-name");
			this.name.setMaxLength(TextLimits.FULL_NAME);
			HorizontalLayout titleRow = new HorizontalLayout();
			titleRow.getStyle().set("flex-wrap", "wrap");
			for (Locale language : CertificateDesignView.this.languages.all()) {
				TextField title = new TextField(getTranslation("design.signatory.title",
						CertificateDesignView.this.strings.languageName(language)));
				title.setId("design-signatory-" + number + "-title-" + language.toLanguageTag());
				title.setMaxLength(TextLimits.NAME);
				title.getElement().setAttribute("lang", language.toLanguageTag());
				title.getElement().setAttribute("dir", Languages.isRightToLeft(language) ? "rtl" : "ltr");
				this.titles.put(language.toLanguageTag(), title);
				titleRow.add(title);
			}
			this.signature = new ImageSlot("design-signatory-" + number + "-signature", "design.signatory.signature",
					"design.signatory.signature.help", ".png,image/png", CertificateDesignView.this.designs::signature);
			add(this.name, titleRow, new Paragraph(getTranslation("design.signatory.signature")), this.signature);
		}

		void set(CertificateDesign.@Nullable Signatory value) {
			this.name.setValue(value == null ? "" : value.name());
			this.titles
				.forEach((tag, field) -> field.setValue(value == null ? "" : value.titles().getOrDefault(tag, "")));
			this.signature.set(value == null ? null : value.signaturePng());
		}

		/** The signatory, or null when the form is left empty. */
		CertificateDesign.@Nullable Signatory value() {
			Map<String, String> texts = new HashMap<>();
			this.titles.forEach((tag, field) -> texts.put(tag, field.getValue()));
			boolean empty = this.name.getValue().isBlank() && this.signature.png == null
					&& texts.values().stream().allMatch(String::isBlank);
			return empty ? null : new CertificateDesign.Signatory(this.name.getValue(), texts, this.signature.png);
		}

	}

}
