package org.lepha.academy.cohorts.ui;

import java.io.ByteArrayInputStream;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.cohorts.CadetImport;
import org.lepha.academy.cohorts.CohortException;
import org.lepha.academy.cohorts.CohortExports;
import org.lepha.academy.cohorts.CohortProgress;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.cohorts.EnrolledCadet;
import org.lepha.academy.cohorts.ImportProblem;
import org.lepha.academy.cohorts.ImportResult;
import org.lepha.academy.cohorts.ImportedCadet;
import org.lepha.academy.cohorts.ItemAnalysis;
import org.lepha.academy.cohorts.JoinCode;
import org.lepha.academy.cohorts.KnowledgeGain;
import org.lepha.academy.cohorts.ScenarioAnalytics;
import org.lepha.academy.security.Role;

/**
 * One cohort: its cadets (add one, import a class from CSV, move, withdraw), its join
 * code, and the trainer's analyses (item analysis, knowledge gain, scenarios) and
 * exports.
 */
@Route("cohorts/:cohortId")
@RolesAllowed({ Role.Names.TRAINER, Role.Names.ADMIN })
class CohortView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	private final CohortService cohorts;

	private final CadetImport cadetImport;

	private final CohortProgress progress;

	private final CohortExports exports;

	private final ItemAnalysis itemAnalysis;

	private final KnowledgeGain knowledgeGain;

	private final ScenarioAnalytics scenarioAnalytics;

	private final Languages languages;

	private final UiTranslationProvider strings;

	private final LocalizedFormats formats;

	private CohortSummary cohort;

	private final Grid<EnrolledCadet> cadets = new Grid<>();

	private final VerticalLayout importReport = new VerticalLayout();

	CohortView(CohortService cohorts, CadetImport cadetImport, CohortProgress progress, CohortExports exports,
			ItemAnalysis itemAnalysis, KnowledgeGain knowledgeGain, ScenarioAnalytics scenarioAnalytics,
			Languages languages, UiTranslationProvider strings, LocalizedFormats formats) {
		this.cohorts = cohorts;
		this.cadetImport = cadetImport;
		this.progress = progress;
		this.exports = exports;
		this.itemAnalysis = itemAnalysis;
		this.knowledgeGain = knowledgeGain;
		this.scenarioAnalytics = scenarioAnalytics;
		this.languages = languages;
		this.strings = strings;
		this.formats = formats;
		setSizeFull();
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		long id = event.getRouteParameters().getLong("cohortId").orElse(-1L);
		cohort = cohorts.cohort(id);
		removeAll();
		TabSheet tabs = new TabSheet();
		tabs.setWidthFull();
		tabs.add(getTranslation("cohort.tab.progress"), progressTab());
		tabs.add(getTranslation("cohort.tab.cadets"), cadetsTab());
		tabs.add(getTranslation("cohort.tab.assignments"), assignmentsTab());
		tabs.add(getTranslation("cohort.tab.joinCode"), joinCodeTab());
		// Built when first opened: the analyses query the whole cohort.
		tabs.add(getTranslation("cohort.tab.analysis"),
				lazy(() -> new ItemAnalysisTab(cohort.id(), assignedModules(), itemAnalysis, knowledgeGain, formats)));
		tabs.add(getTranslation("cohort.tab.scenarios"),
				lazy(() -> new ScenariosTab(cohort.id(), assignedModules(), scenarioAnalytics, formats)));
		tabs.add(getTranslation("cohort.tab.exports"), new ExportsTab(cohort.id(), exports));
		// By address, not by class: certificates builds on cohorts, not the other way
		// round.
		String certificatesAddress = "cohorts/" + cohort.id() + "/certificates";
		Anchor certificatesLink = new Anchor(certificatesAddress, getTranslation("cohort.certificatesLink"));
		certificatesLink.setId("cohort-certificates-link");
		add(new H1(cohort.name()), new Paragraph(period()), certificatesLink, tabs);
	}

	/** A tab's content that is built the first time the tab is selected. */
	private static Div lazy(java.util.function.Supplier<Component> content) {
		Div holder = new Div();
		holder.setWidthFull();
		holder.addAttachListener((e) -> {
			if (holder.getChildren().findAny().isEmpty()) {
				holder.add(content.get());
			}
		});
		return holder;
	}

	/** The cohort's assigned modules, titled in the trainer's language. */
	private List<CohortService.AssignableModule> assignedModules() {
		java.util.Set<String> assigned = new java.util.HashSet<>();
		cohorts.assignments(cohort.id()).forEach((a) -> assigned.add(a.moduleId()));
		return cohorts.assignableModules(getLocale()).stream().filter((m) -> assigned.contains(m.moduleId())).toList();
	}

	private String period() {
		String start = cohort.startDate() == null ? "" : formats.date(cohort.startDate(), getLocale());
		String end = cohort.endDate() == null ? "" : formats.date(cohort.endDate(), getLocale());
		return start + " – " + end;
	}

	private VerticalLayout cadetsTab() {
		cadets.setId("cadets-grid");
		cadets.addColumn(EnrolledCadet::fullName).setHeader(getTranslation("users.fullName")).setSortable(true);
		cadets.addColumn(EnrolledCadet::username).setHeader(getTranslation("users.username")).setSortable(true);
		cadets.addColumn((c) -> strings.languageName(c.locale())).setHeader(getTranslation("users.language"));
		cadets.addComponentColumn(this::cadetActions).setHeader(getTranslation("cohort.actions"));
		refreshCadets();

		Button add = new Button(getTranslation("cohort.addCadet"), (e) -> openAddCadet());
		add.setId("add-cadet");
		add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

		Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
			UI ui = UI.getCurrent();
			ui.access(() -> showImport(cadetImport.importCadets(cohort.id(), bytes)));
		}));
		upload.setId("import-upload");
		upload.setAcceptedFileTypes(".csv", "text/csv");
		org.lepha.academy.base.ui.Uploads.localized(upload);
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
		return new VerticalLayout(new HorizontalLayout(add), new H2(getTranslation("cohort.importTitle")),
				new Paragraph(getTranslation("cohort.importColumns")), upload, importReport, cadets);
	}

	private HorizontalLayout cadetActions(EnrolledCadet cadet) {
		Button withdraw = new Button(getTranslation("cohort.withdraw"), (e) -> {
			cohorts.withdraw(cohort.id(), cadet.userId());
			refreshCadets();
		});
		withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
		Select<CohortSummary> moveTo = new Select<>();
		moveTo.setAriaLabel(getTranslation("cohort.moveTo"));
		moveTo.setPlaceholder(getTranslation("cohort.moveTo"));
		moveTo.setItems(cohorts.myCohorts().stream().filter((c) -> c.id() != cohort.id()).toList());
		moveTo.setItemLabelGenerator(CohortSummary::name);
		moveTo.addValueChangeListener((e) -> {
			if (e.getValue() != null) {
				cohorts.move(cohort.id(), e.getValue().id(), cadet.userId());
				refreshCadets();
			}
		});
		return new HorizontalLayout(moveTo, withdraw);
	}

	private void refreshCadets() {
		cadets.setItems(cohorts.cadets(cohort.id()));
	}

	private void openAddCadet() {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation("cohort.addCadet"));
		TextField fullName = new TextField(getTranslation("users.fullName"));
		TextField username = new TextField(getTranslation("users.username"));
		EmailField email = new EmailField(getTranslation("cohort.email"));
		Select<Locale> language = new Select<>();
		language.setLabel(getTranslation("users.language"));
		language.setItems(languages.all());
		language.setItemLabelGenerator(strings::languageName);
		language.setValue(languages.bestMatch(getLocale()));
		fullName.setId("cadet-full-name");
		username.setId("cadet-username");
		Button save = new Button(getTranslation("cohort.save"), (e) -> {
			ImportResult result = cadetImport.addCadet(cohort.id(), fullName.getValue(), username.getValue(),
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
		refreshCadets();
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

	/** Cadets × assigned modules, paged from the database, under a summary line. */
	private VerticalLayout progressTab() {
		java.time.LocalDate today = java.time.LocalDate.now();
		CohortProgress.Summary summary = progress.summary(cohort.id(), today);
		Paragraph line = new Paragraph(getTranslation("progress.summary", summary.cadets(), summary.completionPercent(),
				summary.averageScore() == null ? "–" : formats.number(Math.round(summary.averageScore()), getLocale()),
				summary.overdue()));
		line.setId("progress-summary");
		java.util.Map<String, String> titles = new java.util.LinkedHashMap<>();
		cohorts.assignableModules(getLocale()).forEach((m) -> titles.put(m.moduleId(), m.title()));
		Grid<CohortProgress.Row> grid = new Grid<>();
		grid.setId("progress-grid");
		grid.addColumn((r) -> r.cadet().fullName())
			.setHeader(getTranslation("users.fullName"))
			.setFrozen(true)
			.setSortable(true)
			.setKey("name");
		for (org.lepha.academy.cohorts.Assignment assignment : cohorts.assignments(cohort.id())) {
			grid.addColumn((r) -> cell(r, assignment.moduleId()))
				.setHeader(titles.getOrDefault(assignment.moduleId(), assignment.moduleId()));
		}
		grid.addColumn((r) -> r.overdue() == 0 ? "" : getTranslation("progress.overdue", r.overdue()))
			.setHeader(getTranslation("assignment.overdue"));
		grid.addItemClickListener((e) -> {
			String address = "cohorts/" + cohort.id() + "/cadet/" + e.getItem().cadet().userId();
			UI.getCurrent().navigate(address);
		});
		TextField filter = new TextField(getTranslation("progress.filter"));
		filter.setId("progress-filter");
		filter.setClearButtonVisible(true);
		filter.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
		// Sorting and filtering happen in the database; only the visible page is loaded.
		grid.setItems((query) -> progress
			.page(cohort.id(), query.getOffset(), query.getLimit(), today, filter.getValue(),
					query.getSortOrders()
						.stream()
						.anyMatch((o) -> o.getDirection() == com.vaadin.flow.data.provider.SortDirection.DESCENDING))
			.stream(), (query) -> progress.count(cohort.id(), filter.getValue()));
		filter.addValueChangeListener((e) -> grid.getDataProvider().refreshAll());
		VerticalLayout layout = new VerticalLayout(line, filter, grid);
		layout.setSizeFull();
		return layout;
	}

	private String cell(CohortProgress.Row row, String moduleId) {
		var p = row.modules().get(moduleId);
		if (p == null) {
			return "";
		}
		String status = getTranslation("status." + p.status().name());
		return p.bestScore() == null ? status : status + " · " + p.bestScore() + "%";
	}

	private VerticalLayout assignmentsTab() {
		java.util.Map<String, String> titles = new java.util.LinkedHashMap<>();
		cohorts.assignableModules(getLocale()).forEach((m) -> titles.put(m.moduleId(), m.title()));
		Grid<org.lepha.academy.cohorts.Assignment> grid = new Grid<>();
		grid.setId("assignments-grid");
		grid.setAllRowsVisible(true);
		grid.addColumn((a) -> titles.getOrDefault(a.moduleId(), a.moduleId()))
			.setHeader(getTranslation("assignment.module"));
		grid.addColumn((a) -> a.dueDate() == null ? "" : formats.date(a.dueDate(), getLocale()))
			.setHeader(getTranslation("assignment.due"));
		grid.addComponentColumn((a) -> {
			Span overdue = new Span(a.isOverdue(java.time.LocalDate.now()) ? getTranslation("assignment.overdue") : "");
			if (a.isOverdue(java.time.LocalDate.now())) {
				overdue.getElement().getThemeList().add("badge error");
			}
			return overdue;
		});
		grid.addComponentColumn((a) -> {
			Button remove = new Button(getTranslation("assignment.remove"), (e) -> {
				cohorts.unassign(cohort.id(), a.moduleId());
				grid.setItems(cohorts.assignments(cohort.id()));
			});
			remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
			return remove;
		});
		grid.setItems(cohorts.assignments(cohort.id()));
		Select<String> module = new Select<>();
		module.setId("assignment-module");
		module.setLabel(getTranslation("assignment.module"));
		module.setItems(titles.keySet());
		module.setItemLabelGenerator(titles::get);
		DatePicker due = new DatePicker(getTranslation("assignment.due"));
		due.setId("assignment-due");
		Button assign = new Button(getTranslation("assignment.assign"), (e) -> {
			if (module.getValue() == null) {
				return;
			}
			try {
				cohorts.assign(cohort.id(), module.getValue(), due.getValue());
				grid.setItems(cohorts.assignments(cohort.id()));
			}
			catch (CohortException ex) {
				Notification.show(getTranslation(ex.messageKey()));
			}
		});
		assign.setId("assignment-save");
		assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		HorizontalLayout form = new HorizontalLayout(module, due, assign);
		form.setAlignItems(Alignment.BASELINE);
		form.setWrap(true);
		return new VerticalLayout(new Paragraph(getTranslation("assignment.explain")), form, grid);
	}

	private VerticalLayout joinCodeTab() {
		JoinCode code = cohorts.joinCode(cohort.id());
		Checkbox enabled = new Checkbox(getTranslation("joinCode.enabled"), code.enabled());
		DatePicker expires = new DatePicker(getTranslation("joinCode.expires"));
		ZoneId zone = ZoneId.systemDefault();
		if (code.expiresAt() != null) {
			expires.setValue(code.expiresAt().atZone(zone).toLocalDate());
		}
		Span current = new Span(code.usableAt(java.time.Instant.now()) ? code.code() : "");
		current.setId("join-code");
		current.addClassName("join-code");
		Button save = new Button(getTranslation("cohort.save"), (e) -> {
			try {
				JoinCode updated = cohorts.setJoinCode(cohort.id(), enabled.getValue(), expires.getValue() == null
						? null : expires.getValue().atTime(LocalTime.MAX).atZone(zone).toInstant());
				current.setText(updated.usableAt(java.time.Instant.now()) ? updated.code() : "");
			}
			catch (CohortException ex) {
				Notification.show(getTranslation(ex.messageKey()));
			}
		});
		save.setId("join-code-save");
		return new VerticalLayout(new Paragraph(getTranslation("joinCode.explain")), enabled, expires, save,
				new HorizontalLayout(new Span(getTranslation("joinCode.current")), current));
	}

	@Override
	public String getPageTitle() {
		return cohort == null ? getTranslation("cohorts.title") : cohort.name();
	}

}
