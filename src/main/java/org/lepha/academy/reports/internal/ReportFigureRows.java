package org.lepha.academy.reports.internal;

import java.util.List;
import java.util.function.Function;

import org.lepha.academy.reports.Figure;
import org.lepha.academy.reports.ProgrammeReport.ModuleFigures;
import org.lepha.academy.reports.internal.ReportLabels.Kind;

/** The rows of a module's table, in order, shared by the XLSX and the PDF. */
record ReportFigureRows(String labelKey, Kind kind, Function<ModuleFigures, Figure> figure) {

	static final List<ReportFigureRows> ROWS = List.of(
			new ReportFigureRows("report.figure.cadets", Kind.COUNT, ModuleFigures::cadets),
			new ReportFigureRows("report.figure.completed", Kind.COUNT, ModuleFigures::completed),
			new ReportFigureRows("report.figure.passRate", Kind.SHARE, ModuleFigures::passRate),
			new ReportFigureRows("report.figure.preAverage", Kind.SCORE, ModuleFigures::preAverage),
			new ReportFigureRows("report.figure.postAverage", Kind.SCORE, ModuleFigures::postAverage),
			new ReportFigureRows("report.figure.gain", Kind.POINTS, ModuleFigures::gain),
			new ReportFigureRows("report.figure.certificates", Kind.COUNT, ModuleFigures::certificates));

}
