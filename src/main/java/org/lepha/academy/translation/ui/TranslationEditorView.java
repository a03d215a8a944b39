package org.lepha.academy.translation.ui;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.security.Role;
import org.lepha.academy.translation.Glossary;
import org.lepha.academy.translation.GlossaryTerm;
import org.lepha.academy.translation.GlossaryWarning;
import org.lepha.academy.translation.ImportReport;
import org.lepha.academy.translation.Segment;
import org.lepha.academy.translation.SegmentFilter;
import org.lepha.academy.translation.SegmentPreview;
import org.lepha.academy.translation.SegmentStatus;
import org.lepha.academy.translation.TranslationRejectedException;
import org.lepha.academy.translation.TranslationWorkspace;

/**
 * Translating one module into one language: the segments with their status (filter and
 * search), the English beside the translation, saving drafts, approving, and XLIFF
 * download and upload.
 */
@Route("translate/:moduleId/:locale")
@RolesAllowed({ Role.Names.TRANSLATOR, Role.Names.ADMIN })
class TranslationEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	private final TranslationWorkspace workspace;

	private final SegmentEditor editor = new SegmentEditor();

	private final UiTranslationProvider strings;

	private final Glossary glossary;

	private final Div glossaryWarnings = new Div();

	private final Div preview = new Div();

	private final Grid<Segment> grid = new Grid<>();

	private final VerticalLayout importReport = new VerticalLayout();

	private String moduleId;

	private Locale locale;

	private Segment selected;

	TranslationEditorView(TranslationWorkspace workspace, UiTranslationProvider strings, Glossary glossary) {
		this.workspace = workspace;
		this.strings = strings;
		this.glossary = glossary;
		setSizeFull();
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		moduleId = event.getRouteParameters().get("moduleId").orElse("");
		locale = Locale.forLanguageTag(event.getRouteParameters().get("locale").orElse(""));
		removeAll();
		build();
		// "What is left" links from the coverage page open the editor filtered by status.
		TranslationParts.requestedStatus(event).ifPresent(editor.statusFilter::setValue);
		refresh();
	}

	private void build() {
		RouterLink back = new RouterLink(getTranslation("translate.back"), TranslatorHomeView.class);
		H1 title = new H1(getTitleText());

		editor.build(this, "segment", locale, this::refresh, this::saveSelected, this::approveSelected);

		Anchor export = TranslationParts.download(this, "xliff-export", "translate.export",
				moduleId + "." + locale.toLanguageTag() + ".xlf", "application/xliff+xml",
				() -> workspace.exportXliff(moduleId, locale));
		Upload upload = TranslationParts.upload(this, "xliff-import", "translate.import",
				TranslationWorkspace.MAX_IMPORT_BYTES, (bytes) -> workspace.importXliff(moduleId, locale, bytes),
				this::showImport, ".xlf", ".xliff");
		importReport.setPadding(false);
		importReport.setId("xliff-import-report");

		grid.setId("segments");
		grid.addColumn(Segment::key).setHeader(getTranslation("translate.key")).setAutoWidth(true).setFlexGrow(0);
		grid.addComponentColumn((s) -> {
			Span badge = new Span(getTranslation("translate.status." + s.status().name()));
			badge.getElement().getThemeList().add(switch (s.status()) {
				case APPROVED -> "badge success";
				case DRAFT -> "badge";
				case STALE -> "badge contrast";
				case MISSING -> "badge error";
			});
			return badge;
		}).setHeader(getTranslation("translate.status")).setAutoWidth(true).setFlexGrow(0);
		grid.addColumn((s) -> abbreviate(s.english())).setHeader(getTranslation("translate.english"));
		grid.addSelectionListener((e) -> select(e.getFirstSelectedItem().orElse(null)));

		editor.target.setValueChangeMode(ValueChangeMode.LAZY);
		editor.target.addValueChangeListener((e) -> updatePreview());
		glossaryWarnings.setId("segment-glossary-warnings");
		glossaryWarnings.getStyle().set("color", "var(--lumo-warning-text-color, var(--lumo-error-text-color))");
		preview.setId("segment-preview");
		preview.setWidthFull();
		preview.getStyle()
			.set("border", "1px solid var(--lumo-contrast-20pct)")
			.set("border-radius", "var(--lumo-border-radius-m)")
			.set("padding", "0 var(--lumo-space-m)");
		preview.getElement().setAttribute("dir", Languages.isRightToLeft(locale) ? "rtl" : "ltr");
		preview.getElement().setAttribute("lang", locale.toLanguageTag());
		Button openGlossary = new Button(getTranslation("translate.glossary.open"), (e) -> openGlossary());
		openGlossary.setId("glossary-open");

		VerticalLayout editorPanel = new VerticalLayout(new Paragraph(getTranslation("translate.english")),
				editor.english, editor.previousEnglish, editor.target, editor.error, glossaryWarnings,
				new HorizontalLayout(editor.save, editor.approve, openGlossary),
				new Paragraph(getTranslation("translate.preview")), preview);
		// The editor scrolls on its own: on a laptop screen the English, the diff, the
		// translation and the preview do not fit beside the list.
		editorPanel.getStyle().set("overflow-y", "auto");
		editorPanel.setHeightFull();
		SplitLayout split = new SplitLayout(grid, editorPanel);
		split.setSizeFull();
		split.setSplitterPosition(50);
		select(null);
		add(back, title, new HorizontalLayout(editor.statusFilter, editor.search), split,
				new HorizontalLayout(export, upload), importReport);
		setFlexGrow(1, split);
	}

	private void refresh() {
		Set<SegmentStatus> statuses = editor.statusFilter.getValue() == null ? Set.of()
				: Set.of(editor.statusFilter.getValue());
		grid.setItems(workspace.segments(moduleId, locale, new SegmentFilter(statuses, editor.search.getValue())));
	}

	private void select(Segment segment) {
		selected = segment;
		editor.error.setText("");
		glossaryWarnings.removeAll();
		editor.previousEnglish.removeAll();
		boolean chosen = segment != null;
		editor.target.setEnabled(chosen);
		editor.save.setEnabled(chosen);
		editor.approve.setEnabled(chosen && segment.status() == SegmentStatus.DRAFT);
		if (!chosen) {
			editor.english.setText(getTranslation("translate.selectSegment"));
			editor.target.clear();
			updatePreview();
			return;
		}
		showEnglish();
		// The service's cap, so the browser stops typing and pasting where saving would
		// fail.
		editor.target.setMaxLength(TextLimits.translation(segment.english()));
		editor.target.setValue(segment.target() == null ? "" : segment.target());
		updatePreview();
		if (segment.previousEnglish() != null) {
			editor.previousEnglish.add(new Paragraph(getTranslation("translate.previousEnglish")));
			editor.previousEnglish.add(TranslationParts.englishDiff(segment.previousEnglish(), segment.english()));
		}
	}

	private void saveSelected() {
		if (selected == null) {
			return;
		}
		try {
			Segment saved = workspace.save(moduleId, locale, selected.key(), editor.target.getValue());
			Notification.show(getTranslation("translate.saved"));
			afterChange(saved);
			showGlossaryWarnings(glossary.check(locale, saved.english(), saved.target()));
		}
		catch (TranslationRejectedException ex) {
			showRejection(ex);
		}
	}

	private void approveSelected() {
		if (selected == null) {
			return;
		}
		try {
			Segment approved = workspace.approve(moduleId, locale, selected.key());
			Notification.show(getTranslation("translate.approvedMessage"));
			afterChange(approved);
		}
		catch (TranslationRejectedException ex) {
			showRejection(ex);
		}
	}

	private void afterChange(Segment changed) {
		refresh();
		grid.select(changed);
		select(changed);
	}

	/** The English with the glossary terms marked; the service escapes all of it. */
	private void showEnglish() {
		editor.english.removeAll();
		Span marked = new Span();
		marked.setId("segment-english-marked");
		marked.getElement().setProperty("innerHTML", glossary.highlight(locale, selected.english()));
		editor.english.add(marked);
	}

	private void updatePreview() {
		if (selected == null || editor.target.getValue().isBlank()) {
			preview.getElement().setProperty("innerHTML", "");
			return;
		}
		SegmentPreview rendered = workspace.preview(moduleId, locale, selected.key(), editor.target.getValue());
		preview.getElement().setAttribute("dir", rendered.rightToLeft() ? "rtl" : "ltr");
		preview.getElement().setProperty("innerHTML", rendered.html());
	}

	private void showGlossaryWarnings(List<GlossaryWarning> warnings) {
		glossaryWarnings.removeAll();
		if (warnings.isEmpty()) {
			return;
		}
		glossaryWarnings.add(new Paragraph(getTranslation("translate.glossary.warnings")));
		for (GlossaryWarning w : warnings) {
			Paragraph line = new Paragraph(getTranslation("translate.glossary.missing", w.term(), w.translation()));
			line.addClassName("glossary-warning");
			glossaryWarnings.add(line);
		}
	}

	private void openGlossary() {
		Dialog dialog = new Dialog();
		dialog.setId("glossary-dialog");
		dialog.setHeaderTitle(getTranslation("translate.glossary.title", strings.languageName(locale)));
		Grid<GlossaryTerm> terms = new Grid<>();
		terms.setId("glossary-terms");
		terms.addColumn(GlossaryTerm::term).setHeader(getTranslation("translate.glossary.term"));
		terms.addComponentColumn((t) -> {
			Span span = new Span(t.translation());
			span.getElement().setAttribute("dir", Languages.isRightToLeft(locale) ? "rtl" : "ltr");
			return span;
		}).setHeader(getTranslation("translate.glossary.translation"));
		terms.addComponentColumn((t) -> {
			if (t.shipped()) {
				// Shipped terms are changed in translations/glossary/, where the
				// validator reads them.
				Span shipped = new Span(getTranslation("translate.glossary.shipped"));
				shipped.getElement().getThemeList().add("badge contrast");
				return shipped;
			}
			return new Button(getTranslation("translate.glossary.remove"), (e) -> {
				glossary.remove(locale, t.term());
				terms.setItems(glossary.terms(locale));
				afterGlossaryChange();
			});
		}).setAutoWidth(true).setFlexGrow(0);
		terms.setItems(glossary.terms(locale));
		terms.setWidth("40em");
		TextField term = new TextField(getTranslation("translate.glossary.term"));
		term.setMaxLength(TextLimits.GLOSSARY_TERM);
		term.setId("glossary-term");
		term.getElement().setAttribute("dir", "ltr");
		TextField translation = new TextField(getTranslation("translate.glossary.translation"));
		translation.setMaxLength(TextLimits.GLOSSARY_TRANSLATION);
		translation.setId("glossary-translation");
		translation.getElement().setAttribute("dir", Languages.isRightToLeft(locale) ? "rtl" : "ltr");
		Button add = new Button(getTranslation("translate.glossary.add"), (e) -> {
			if (term.getValue().isBlank() || translation.getValue().isBlank()) {
				Notification.show(getTranslation("translate.glossary.invalid"));
				return;
			}
			glossary.add(locale, term.getValue(), translation.getValue());
			term.clear();
			translation.clear();
			terms.setItems(glossary.terms(locale));
			afterGlossaryChange();
			Notification.show(getTranslation("translate.glossary.added"));
		});
		add.setId("glossary-add");
		add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		dialog.add(new VerticalLayout(terms, new HorizontalLayout(term, translation, add)));
		dialog.getFooter().add(new Button(getTranslation("translate.glossary.close"), (e) -> dialog.close()));
		dialog.open();
	}

	private void afterGlossaryChange() {
		if (selected != null) {
			showEnglish();
		}
	}

	private void showRejection(TranslationRejectedException ex) {
		String details = String.join("\n", ex.details());
		editor.error
			.setText(getTranslation(ex.messageKey(), ex.arguments()) + (details.isEmpty() ? "" : "\n" + details));
		editor.error.getStyle().set("white-space", "pre-wrap");
	}

	private void showImport(ImportReport report) {
		TranslationParts.showImport(importReport, report);
		if (report.applied()) {
			refresh();
			select(null);
		}
	}

	private static String abbreviate(String text) {
		String oneLine = text.replaceAll("\\s+", " ").strip();
		return oneLine.length() > 120 ? oneLine.substring(0, 119) + "…" : oneLine;
	}

	private String getTitleText() {
		return getTranslation("translate.title", moduleId, strings.languageName(locale));
	}

	@Override
	public String getPageTitle() {
		return moduleId == null ? getTranslation("translatorHome.title") : getTitleText();
	}

}
