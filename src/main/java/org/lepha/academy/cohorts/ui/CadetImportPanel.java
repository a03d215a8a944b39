package org.lepha.academy.cohorts.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.base.ui.Uploads;
import org.lepha.academy.cohorts.CadetImport;
import org.lepha.academy.cohorts.ImportProblem;
import org.lepha.academy.cohorts.ImportResult;
import org.lepha.academy.cohorts.ImportedCadet;

/**
 * Adds one cadet typed in, or a class from a CSV file, and reports the result: the
 * problems line by line, or the one-time passwords to hand out.
 */
class CadetImportPanel extends VerticalLayout {

	private final long cohortId;

	private final CadetImport cadetImport;

	private final Languages languages;

	private final UiTranslationProvider strings;

	private final VerticalLayout importReport = new VerticalLayout();

	private Runnable imported = () -> {
	};

	CadetImportPanel(long cohortId, CadetImport cadetImport, Languages languages, UiTranslationProvider strings) {
		this.cohortId = cohortId;
		this.cadetImport = cadetImport;
		this.languages = languages;
		this.strings = strings;
		setPadding(false);
		Button add = new Button(getTranslation("cohort.addCadet"), (e) -> openAddCadet());
		add.setId("add-cadet");
		add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

		Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
			UI ui = UI.getCurrent();
			ui.access(() -> showImport(cadetImport.importCadets(cohortId, bytes)));
		}));
		upload.setId("import-upload");
		upload.setAcceptedFileTypes(".csv", "text/csv");
		Uploads.localized(upload);
		upload.setMaxFiles(1);
		upload.setMaxFileSize(CadetImport.MAX_BYTES);
		upload.addFileRejectedListener(
				(e) -> Notification.show(getTranslation("import.error.tooLarge", CadetImport.MAX_BYTES / 1000)));
		upload.setUploadButton(new Button(getTranslation("cohort.importCsv")));
		Span hint = new Span(getTranslation("cohort.importHint"));
		// Vaadin's secondary text colour on the drop zone falls short of 4.5:1 contrast.
		hint.getStyle().set("color", "var(--lumo-body-text-color)");
		upload.setDropLabel(hint);

		importReport.setPadding(false);
		importReport.setId("import-report");
		add(new HorizontalLayout(add), new H2(getTranslation("cohort.importTitle")),
				new Paragraph(getTranslation("cohort.importColumns")),
				new Paragraph(getTranslation("report.import.sexColumn")), upload, importReport);
	}

	/** What to do once cadets were added (the list above them shows them). */
	void onImported(Runnable action) {
		this.imported = action;
	}

	private void openAddCadet() {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation("cohort.addCadet"));
		TextField fullName = new TextField(getTranslation("users.fullName"));
		fullName.setMaxLength(TextLimits.FULL_NAME);
		TextField username = new TextField(getTranslation("users.username"));
		username.setMaxLength(TextLimits.USERNAME);
		EmailField email = new EmailField(getTranslation("cohort.email"));
		email.setMaxLength(TextLimits.EMAIL);
		Select<Locale> language = new Select<>();
		language.setLabel(getTranslation("users.language"));
		language.setItems(languages.all());
		language.setItemLabelGenerator(strings::languageName);
		language.setValue(languages.bestMatch(getLocale()));
		fullName.setId("cadet-full-name");
		username.setId("cadet-username");
		Button save = new Button(getTranslation("cohort.save"), (e) -> {
			ImportResult result = cadetImport.addCadet(cohortId, fullName.getValue(), username.getValue(),
					email.getValue(), language.getValue());
			if (result.succeeded()) {
				dialog.close();
			}
			showImport(result);
		});
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		dialog.add(new VerticalLayout(fullName, username, email, language));
		dialog.getFooter().add(new Button(getTranslation("cohort.cancel"), (e) -> dialog.close()), save);
		dialog.open();
	}

	private void showImport(ImportResult result) {
		importReport.removeAll();
		if (!result.succeeded()) {
			UnorderedList list = new UnorderedList();
			for (ImportProblem problem : result.problems()) {
				list.add(new ListItem(getTranslation("import.problemLine", problem.line(),
						getTranslation(problem.messageKey(), problem.arguments().toArray()))));
			}
			Paragraph summary = new Paragraph(getTranslation("import.failed", result.problems().size()));
			summary.addClassName("import-failed");
			importReport.add(summary, list);
			return;
		}
		imported.run();
		List<ImportedCadet> created = result.created();
		List<String> header = List.of(getTranslation("users.fullName"), getTranslation("users.username"),
				getTranslation("import.oneTimePassword"), getTranslation("users.language"));
		byte[] handout = CadetImport.handout(created, header);
		Anchor download = new Anchor(
				DownloadHandler.fromInputStream((event) -> new DownloadResponse(new ByteArrayInputStream(handout),
						"credentials.csv", "text/csv", handout.length)),
				getTranslation("import.downloadHandout"));
		download.setId("handout-download");
		Notification.show(getTranslation("import.succeeded", created.size()))
			.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
		importReport.add(new Paragraph(getTranslation("import.succeeded", created.size())),
				new Paragraph(getTranslation("import.handoutHint")), download);
	}

}
