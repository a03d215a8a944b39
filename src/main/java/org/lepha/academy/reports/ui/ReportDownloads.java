package org.lepha.academy.reports.ui;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.lepha.academy.reports.ProgrammeReport;
import org.lepha.academy.reports.ProgrammeReports;

/**
 * The two downloads of a report. The report is computed when a file is asked for, so it
 * is current, and in the language of the page that offered it.
 */
final class ReportDownloads {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private ReportDownloads() {
	}

	static HorizontalLayout links(String idPrefix, String fileName, ProgrammeReports reports,
			Function<Locale, ProgrammeReport> report, Locale locale, Function<String, String> translate) {
		HorizontalLayout links = new HorizontalLayout(
				link(idPrefix + "-xlsx", translate.apply("report.download.xlsx"), fileName + ".xlsx", XLSX,
						() -> reports.xlsx(report.apply(locale), locale)),
				link(idPrefix + "-pdf", translate.apply("report.download.pdf"), fileName + ".pdf", "application/pdf",
						() -> reports.pdf(report.apply(locale), locale)));
		links.setWrap(true);
		return links;
	}

	private static Anchor link(String id, String label, String fileName, String type, Supplier<byte[]> bytes) {
		Anchor anchor = new Anchor(DownloadHandler.fromInputStream((event) -> {
			byte[] content = bytes.get();
			return new DownloadResponse(new ByteArrayInputStream(content), fileName, type, content.length);
		}), label);
		anchor.setId(id);
		anchor.getElement().setAttribute("download", true);
		return anchor;
	}

}
