package org.lepha.academy.cohorts.ui;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.lepha.academy.cohorts.CohortExports;
import org.lepha.academy.cohorts.ExportTable;

/**
 * Downloads of the cohort's progress and quiz results as CSV and XLSX, headed in the
 * trainer's language. The files are built when downloaded, so they are current.
 */
class ExportsTab extends VerticalLayout {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	ExportsTab(long cohortId, CohortExports exports, Clock clock) {
		Locale locale = getLocale();
		ZoneId zone = ZoneId.systemDefault();
		// Translated now: the download runs in a later request.
		Map<String, String> translated = new HashMap<>();
		CohortExports.LABEL_KEYS.forEach((key) -> translated.put(key, getTranslation(key)));
		Function<String, String> labels = (key) -> translated.getOrDefault(key, key);
		Supplier<ExportTable> progress = () -> exports.progress(cohortId, locale, labels,
				LocalDate.now(clock.withZone(zone)), zone);
		Supplier<ExportTable> results = () -> exports.quizResults(cohortId, locale, labels, zone);
		String sheetProgress = getTranslation("export.sheetProgress");
		String sheetQuiz = getTranslation("export.sheetQuiz");
		HorizontalLayout links = new HorizontalLayout(
				download("export-progress-csv", "export.progressCsv", "progress.csv", "text/csv",
						() -> progress.get().toCsv()),
				download("export-progress-xlsx", "export.progressXlsx", "progress.xlsx", XLSX,
						() -> progress.get().toXlsx(sheetProgress)),
				download("export-quiz-csv", "export.quizCsv", "quiz-results.csv", "text/csv",
						() -> results.get().toCsv()),
				download("export-quiz-xlsx", "export.quizXlsx", "quiz-results.xlsx", XLSX,
						() -> results.get().toXlsx(sheetQuiz)));
		links.setWrap(true);
		add(new Paragraph(getTranslation("export.explain")), links);
	}

	private Anchor download(String id, String labelKey, String fileName, String type, Supplier<byte[]> bytes) {
		Anchor anchor = new Anchor(DownloadHandler.fromInputStream((event) -> {
			byte[] content = bytes.get();
			return new DownloadResponse(new ByteArrayInputStream(content), fileName, type, content.length);
		}), getTranslation(labelKey));
		anchor.setId(id);
		return anchor;
	}

}
