package org.lepha.academy.translation.ui;

import java.io.ByteArrayInputStream;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import org.lepha.academy.base.ui.Uploads;
import org.lepha.academy.translation.ImportReport;
import org.lepha.academy.translation.SegmentStatus;
import org.lepha.academy.translation.WordDiff;

/**
 * Pieces the module editor and the UI strings editor share: the word diff of a stale
 * segment's English, the file download and upload, and the report of a file import.
 */
final class TranslationParts {

	private TranslationParts() {
	}

	/**
	 * What changed in the English since the translation was made: removed words struck
	 * through, added words underlined (colour is not the only cue). Always left to right,
	 * as the English is.
	 */
	static Component englishDiff(String previous, String current) {
		Div diff = new Div();
		diff.addClassName("english-diff");
		diff.getElement().setAttribute("dir", "ltr");
		for (WordDiff.Part part : WordDiff.diff(previous, current)) {
			Span span = new Span();
			span.setText(part.text());
			switch (part.kind()) {
				case REMOVED -> {
					span.addClassName("diff-removed");
					span.getStyle().set("text-decoration", "line-through").set("color", "var(--lumo-error-text-color)");
				}
				case ADDED -> {
					span.addClassName("diff-added");
					span.getStyle().set("text-decoration", "underline").set("color", "var(--lumo-success-text-color)");
				}
				case SAME -> {
				}
			}
			diff.add(span);
		}
		return diff;
	}

	/**
	 * The status asked for by a "what is left" link ({@code ?status=STALE}), if any.
	 */
	static java.util.Optional<SegmentStatus> requestedStatus(BeforeEnterEvent event) {
		return event.getLocation()
			.getQueryParameters()
			.getSingleParameter("status")
			.flatMap((value) -> java.util.Arrays.stream(SegmentStatus.values())
				.filter((status) -> status.name().equalsIgnoreCase(value))
				.findFirst());
	}

	/** Fills {@code into} with the outcome of an import and its problems by line. */
	static void showImport(VerticalLayout into, ImportReport report) {
		into.removeAll();
		into.add(new Paragraph(report.applied() ? into.getTranslation("translate.imported", report.changed())
				: into.getTranslation("translate.importFailed")));
		for (ImportReport.Problem p : report.problems()) {
			Paragraph line = new Paragraph(into.getTranslation("translate.importProblem", p.line(), p.message()));
			line.addClassName(p.error() ? "problem-error" : "problem-warning");
			line.getElement().setAttribute("dir", "ltr");
			into.add(line);
		}
	}

	/** A link that downloads the file the supplier makes, under the given name. */
	static Anchor download(Component owner, String id, String labelKey, String fileName, String mimeType,
			Supplier<byte[]> file) {
		Anchor export = new Anchor(DownloadHandler.fromInputStream((e) -> {
			byte[] bytes = file.get();
			return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, mimeType, bytes.length);
		}), owner.getTranslation(labelKey));
		export.setId(id);
		export.getElement().setAttribute("download", true);
		return export;
	}

	/**
	 * An upload of one file of the given types and size, imported in memory; the report
	 * is shown in the UI's thread.
	 */
	static Upload upload(Component owner, String id, String labelKey, int maxBytes,
			Function<byte[], ImportReport> importer, Consumer<ImportReport> show, String... fileTypes) {
		Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
			UI ui = UI.getCurrent();
			ui.access(() -> show.accept(importer.apply(bytes)));
		}));
		upload.setId(id);
		upload.setAcceptedFileTypes(fileTypes);
		Uploads.localized(upload);
		upload.setMaxFiles(1);
		upload.setMaxFileSize(maxBytes);
		upload.setUploadButton(new Button(owner.getTranslation(labelKey)));
		return upload;
	}

}
