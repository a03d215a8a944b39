package org.lepha.academy.reports.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.lepha.academy.base.chart.ChartPoint;
import org.lepha.academy.base.csv.SafeXlsxWriter;
import org.lepha.academy.base.csv.SafeXlsxWriter.SheetData;
import org.lepha.academy.cohorts.CourseEvaluationResults.ItemResult;
import org.lepha.academy.cohorts.CourseEvaluationResults.ModuleResults;
import org.lepha.academy.reports.Figure;
import org.lepha.academy.reports.ObjectiveFigures;
import org.lepha.academy.reports.ProgrammeReport;
import org.lepha.academy.reports.ProgrammeReport.ModuleFigures;
import org.lepha.academy.reports.SexGroup;
import org.lepha.academy.reports.internal.ReportLabels.Kind;

/**
 * The report as a workbook through {@link SafeXlsxWriter}, so no name typed by a user
 * (cohort, academy) or title becomes a formula: a summary sheet, a sheet of figures per
 * module and a sheet of completion over time; shares and scores as numbers in percent,
 * withheld cells as the translated word.
 */
public final class ReportXlsx {

	private ReportXlsx() {
	}

	public static byte[] write(ProgrammeReport report, ReportLabels labels) {
		boolean rtl = labels.rightToLeft();
		List<String> groupHeader = new ArrayList<>();
		groupHeader.add(labels.get("report.column.all"));
		ReportLabels.GROUPS.forEach((g) -> groupHeader.add(labels.group(g)));

		List<String> summaryHeader = new ArrayList<>(List.of(labels.get("report.column.figure")));
		summaryHeader.addAll(groupHeader);
		List<List<Object>> summary = new ArrayList<>();
		summary.add(List.of(labels.get(report.academy() ? "report.column.academy" : "report.column.cohort"),
				report.name()));
		summary.add(List.of(labels.period(report)));
		summary.add(List.of(labels.generated(report, ZoneId.systemDefault())));
		summary.add(row(labels.get("report.enrolled"), report.enrolled(), Kind.COUNT, labels));
		summary.add(List.of(labels.unknownShare(report)));
		summary.add(List.of(labels.suppressionNote()));

		List<String> moduleHeader = new ArrayList<>(
				List.of(labels.get("report.column.module"), labels.get("report.column.figure")));
		moduleHeader.addAll(groupHeader);
		List<List<Object>> modules = new ArrayList<>();
		for (ModuleFigures module : report.modules()) {
			for (ReportFigureRows figure : ReportFigureRows.ROWS) {
				List<Object> row = new ArrayList<>();
				row.add(module.title());
				row.addAll(row(labels.get(figure.labelKey()), figure.figure().apply(module), figure.kind(), labels));
				modules.add(row);
			}
		}

		List<List<Object>> completion = new ArrayList<>();
		for (ChartPoint point : report.completionOverTime()) {
			completion.add(List.of(point.date(), Math.round(point.value() * 1000) / 10.0));
		}
		List<SheetData> sheets = new ArrayList<>(
				List.of(new SheetData(labels.get("report.sheet.summary"), summaryHeader, summary, rtl),
						new SheetData(labels.get("report.sheet.modules"), moduleHeader, modules, rtl),
						new SheetData(labels.get("report.sheet.completion"),
								List.of(labels.get("report.column.date"), labels.get("report.column.completedShare")),
								completion, rtl)));
		if (!report.objectives().isEmpty()) {
			sheets.add(objectives(report.objectives(), labels));
		}
		if (report.evaluation() != null) {
			sheets.addAll(evaluation(report.evaluation(), labels));
		}
		return SafeXlsxWriter.write(sheets);
	}

	/** Objective mastery per module: cadets counted and the share who mastered it. */
	private static SheetData objectives(List<ObjectiveFigures> objectives, ReportLabels labels) {
		List<List<Object>> rows = new ArrayList<>();
		for (ObjectiveFigures objective : objectives) {
			rows.add(List.of(objective.moduleTitle(), objective.text(), objective.cadets(),
					(objective.masteredShare() == null) ? labels.get("report.withheld")
							: Math.round(objective.masteredShare() * 1000) / 10.0));
		}
		return new SheetData(labels.get("report.sheet.mastery"),
				List.of(labels.get("report.column.module"), labels.get("report.mastery.objective"),
						labels.get("report.mastery.cadets"), labels.get("report.mastery.share")),
				rows, labels.rightToLeft());
	}

	/**
	 * The evaluation's items per module (answers, mean, how many gave each point) and the
	 * free texts, which cadets typed and which stay text; modules below the threshold say
	 * so instead.
	 */
	private static List<SheetData> evaluation(List<ModuleResults> results, ReportLabels labels) {
		List<String> header = new ArrayList<>(
				List.of(labels.get("report.column.module"), labels.get("report.evaluation.item"),
						labels.get("report.evaluation.answers"), labels.get("report.evaluation.mean")));
		results.stream().findFirst().ifPresent((r) -> header.addAll(r.scale()));
		List<List<Object>> rows = new ArrayList<>();
		List<List<Object>> comments = new ArrayList<>();
		for (ModuleResults module : results) {
			if (!module.shown()) {
				rows.add(List.of(module.moduleTitle(), labels.evaluationWithheld(module)));
				continue;
			}
			for (ItemResult item : module.items()) {
				List<Object> row = new ArrayList<>(List.of(module.moduleTitle(), item.text(), item.answers(),
						(item.mean() == null) ? "—" : Math.round(item.mean() * 10) / 10.0));
				row.addAll(item.distribution());
				rows.add(row);
			}
			module.comments().forEach((comment) -> comments.add(List.of(module.moduleTitle(), comment)));
		}
		return List.of(new SheetData(labels.get("report.sheet.evaluation"), header, rows, labels.rightToLeft()),
				new SheetData(labels.get("report.sheet.comments"),
						List.of(labels.get("report.column.module"), labels.get("report.evaluation.comment")), comments,
						labels.rightToLeft()));
	}

	private static List<Object> row(String label, Figure figure, Kind kind, ReportLabels labels) {
		List<Object> row = new ArrayList<>();
		row.add(label);
		row.add(labels.value(figure.total(), kind));
		for (SexGroup group : ReportLabels.GROUPS) {
			row.add(labels.value(figure.group(group), kind));
		}
		return row;
	}

}
