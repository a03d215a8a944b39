package org.lepha.academy.translation.ui;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.security.Role;
import org.lepha.academy.translation.ImportReport;
import org.lepha.academy.translation.SegmentFilter;
import org.lepha.academy.translation.SegmentStatus;
import org.lepha.academy.translation.TranslationRejectedException;
import org.lepha.academy.translation.UiStringSegment;
import org.lepha.academy.translation.UiStringsWorkspace;

/**
 * Translating the UI strings into one language: the keys with the English and the
 * translation (status filter and search), saving drafts, approving, and the download of
 * the language's {@code .properties} file with the edits merged in. The static segment
 * {@code ui} takes precedence over the module editor's {@code :moduleId}.
 */
@Route("translate/ui/:locale")
@RolesAllowed({ Role.Names.TRANSLATOR, Role.Names.ADMIN })
class UiStringsEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	private final UiStringsWorkspace workspace;

	private final SegmentEditor editor = new SegmentEditor();

	private final UiTranslationProvider strings;

	private final Grid<UiStringSegment> grid = new Grid<>();

	private final VerticalLayout importReport = new VerticalLayout();

	private Locale locale;

	private UiStringSegment selected;

	UiStringsEditorView(UiStringsWorkspace workspace, UiTranslationProvider strings) {
		this.workspace = workspace;
		this.strings = strings;
		setSizeFull();
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		locale = Locale.forLanguageTag(event.getRouteParameters().get("locale").orElse(""));
		removeAll();
		build();
		// "What is left" links from the coverage page open the editor filtered by status.
		TranslationParts.requestedStatus(event).ifPresent(editor.statusFilter::setValue);
		refresh();
	}

	private void build() {
		RouterLink back = new RouterLink(getTranslation("translate.back"), TranslatorHomeView.class);
		H1 title = new H1(getPageTitle());

		editor.build(this, "ui-string", locale, this::refresh, this::save, this::approve);

		Anchor export = TranslationParts.download(this, "ui-strings-export", "uiStrings.export",
				locale.toLanguageTag() + ".properties", "text/plain;charset=UTF-8",
				() -> workspace.exportProperties(locale));
		Upload upload = TranslationParts.upload(this, "ui-strings-import", "uiStrings.import",
				UiStringsWorkspace.MAX_IMPORT_BYTES, (bytes) -> workspace.importProperties(locale, bytes),
				this::showImport, ".properties");
		upload.addFileRejectedListener((e) -> Notification.show(getTranslation("uiStrings.importRejected")));
		importReport.setPadding(false);
		importReport.setId("ui-strings-import-report");

		grid.setId("ui-strings");
		grid.removeAllColumns();
		grid.addColumn(UiStringSegment::key).setHeader(getTranslation("uiStrings.key")).setAutoWidth(true);
		grid.addColumn(UiStringSegment::english).setHeader(getTranslation("translate.english")).setFlexGrow(1);
		grid.addColumn(UiStringSegment::target).setHeader(getTranslation("translate.target")).setFlexGrow(1);
		grid.addColumn((s) -> getTranslation("translate.status." + s.status().name()))
			.setHeader(getTranslation("translate.status"))
			.setAutoWidth(true);
		grid.asSingleSelect().addValueChangeListener((e) -> select(e.getValue()));
		grid.setHeight("50%");

		add(back, title, new HorizontalLayout(editor.statusFilter, editor.search, export), grid,
				new Paragraph(getTranslation("translate.selectSegment")), editor.english, editor.previousEnglish,
				editor.target, editor.error, new HorizontalLayout(editor.save, editor.approve), upload, importReport);
		select(null);
	}

	private void refresh() {
		SegmentStatus status = editor.statusFilter.getValue();
		SegmentFilter filter = new SegmentFilter(status == null ? Set.of() : Set.of(status), editor.search.getValue());
		List<UiStringSegment> items = workspace.segments(locale, filter);
		grid.setItems(items);
		if (selected != null) {
			items.stream().filter((s) -> s.key().equals(selected.key())).findFirst().ifPresent(grid::select);
		}
	}

	private void select(UiStringSegment segment) {
		selected = segment;
		editor.error.setText("");
		editor.english.setText(segment == null ? "" : segment.english());
		editor.previousEnglish.removeAll();
		if (segment != null && segment.previousEnglish() != null) {
			editor.previousEnglish.add(new Paragraph(getTranslation("translate.previousEnglish")),
					TranslationParts.englishDiff(segment.previousEnglish(), segment.english()));
		}
		editor.target.setValue(segment == null || segment.target() == null ? "" : segment.target());
		editor.target.setEnabled(segment != null);
		editor.target.setMaxLength(TextLimits.UI_STRING_TRANSLATION);
		editor.save.setEnabled(segment != null);
		editor.approve.setEnabled(segment != null && segment.status() == SegmentStatus.DRAFT);
	}

	private void save() {
		if (selected == null) {
			return;
		}
		try {
			selected = workspace.save(locale, selected.key(), editor.target.getValue());
			Notification.show(getTranslation("translate.saved"));
			refresh();
			select(selected);
		}
		catch (TranslationRejectedException ex) {
			editor.error.setText(getTranslation(ex.messageKey(), ex.arguments()));
		}
	}

	private void approve() {
		if (selected == null) {
			return;
		}
		try {
			selected = workspace.approve(locale, selected.key());
			Notification.show(getTranslation("translate.approvedMessage"));
			refresh();
			select(selected);
		}
		catch (TranslationRejectedException ex) {
			editor.error.setText(getTranslation(ex.messageKey(), ex.arguments()));
		}
	}

	private void showImport(ImportReport report) {
		TranslationParts.showImport(importReport, report);
		if (report.applied()) {
			selected = null;
			refresh();
			select(null);
		}
	}

	@Override
	public String getPageTitle() {
		return getTranslation("uiStrings.title", locale == null ? "" : strings.languageName(locale));
	}

}
