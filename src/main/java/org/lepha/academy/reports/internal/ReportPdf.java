package org.lepha.academy.reports.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.lepha.academy.base.chart.BarChart;
import org.lepha.academy.base.chart.ChartScale;
import org.lepha.academy.base.chart.ChartSeries;
import org.lepha.academy.base.chart.StepChart;
import org.lepha.academy.base.pdf.GlyphWriter;
import org.lepha.academy.base.pdf.SvgDrawing;
import org.lepha.academy.base.pdf.TextShaper;
import org.lepha.academy.cohorts.CourseEvaluationResults.ItemResult;
import org.lepha.academy.cohorts.CourseEvaluationResults.ModuleResults;
import org.jspecify.annotations.Nullable;
import org.lepha.academy.reports.ObjectiveFigures;
import org.lepha.academy.reports.ProgrammeReport;
import org.lepha.academy.reports.ProgrammeReport.ModuleFigures;
import org.lepha.academy.reports.SexGroup;

/**
 * The report as a printable A4 PDF in the reader's language: text shaped by
 * {@link TextShaper} (Dari joined and right to left, the whole page mirrored), the charts
 * drawn as vectors from the same SVG the cohort page shows ({@link SvgDrawing}), the
 * generation date in the language's calendar and "page n of m" at the foot of each page.
 * Pages are laid out first as lists of drawing steps, so the page count is known before
 * anything is written.
 */
public final class ReportPdf {

	private static final float PAGE_WIDTH = PDRectangle.A4.getWidth();

	private static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();

	private static final float MARGIN = 50f;

	private static final float WIDTH = PAGE_WIDTH - 2 * MARGIN;

	private static final float TOP = PAGE_HEIGHT - 56f;

	private static final float BOTTOM = 60f;

	private static final Color INK = new Color(0x22, 0x22, 0x22);

	private static final Color MUTED = new Color(0x55, 0x55, 0x55);

	private static final Color RULE = new Color(0xbb, 0xbb, 0xbb);

	@FunctionalInterface
	private interface Step {

		void draw(GlyphWriter out) throws IOException;

	}

	private final ReportLabels labels;

	private final boolean rtl;

	private final List<List<Step>> pages = new ArrayList<>();

	private List<Step> page = new ArrayList<>();

	private float y = TOP;

	private ReportPdf(ReportLabels labels) {
		this.labels = labels;
		this.rtl = labels.rightToLeft();
		this.pages.add(this.page);
	}

	public static byte[] write(ProgrammeReport report, ReportLabels labels) {
		ReportPdf pdf = new ReportPdf(labels);
		pdf.layout(report);
		return pdf.render(labels.title(report), labels.locale());
	}

	private void layout(ProgrammeReport report) {
		text(this.labels.title(report), 17, true, INK);
		space(4);
		text(this.labels.period(report), 10.5f, false, MUTED);
		text(this.labels.generated(report, ZoneId.systemDefault()), 10.5f, false, MUTED);
		space(10);

		heading(this.labels.get("report.section.enrolment"));
		List<String> header = new ArrayList<>(
				List.of(this.labels.get("report.column.figure"), this.labels.get("report.column.all")));
		ReportLabels.GROUPS.forEach((g) -> header.add(this.labels.group(g)));
		List<List<String>> enrolled = new ArrayList<>();
		enrolled.add(cells(this.labels.get("report.enrolled"), report.enrolled(), ReportLabels.Kind.COUNT));
		table(header, enrolled, 0.3f);
		text(this.labels.unknownShare(report), 10, false, INK);
		paragraph(this.labels.suppressionNote(), 9, MUTED);
		space(8);

		heading(this.labels.get("report.chart.completion"));
		chart(new StepChart(this.labels.get("report.chart.completion"), report.completionOverTime(), ChartScale.PERCENT,
				this.labels.get("chart.noData"))
			.svg(this.labels.locale()));

		List<String> titles = report.modules().stream().map(ModuleFigures::title).toList();
		heading(this.labels.get("report.chart.passRate"));
		chart(new BarChart(this.labels.get("report.chart.passRate"), titles,
				List.of(new ChartSeries(this.labels.get("report.figure.passRate"),
						report.modules().stream().map((m) -> m.passRate().total().value()).toList())),
				ChartScale.PERCENT, false, this.labels.get("chart.noData"))
			.svg(this.labels.locale()));
		heading(this.labels.get("report.chart.gain"));
		chart(new BarChart(this.labels.get("report.chart.gain"), titles,
				List.of(new ChartSeries(this.labels.get("chart.pre"),
						report.modules().stream().map((m) -> score(m.preAverage().total().value())).toList()),
						new ChartSeries(this.labels.get("chart.post"),
								report.modules().stream().map((m) -> score(m.postAverage().total().value())).toList())),
				ChartScale.PERCENT, false, this.labels.get("chart.noData"))
			.svg(this.labels.locale()));

		for (ModuleFigures module : report.modules()) {
			need(40 + 16 * (ReportFigureRows.ROWS.size() + 1));
			heading(module.title());
			List<List<String>> rows = new ArrayList<>();
			for (ReportFigureRows figure : ReportFigureRows.ROWS) {
				rows.add(cells(this.labels.get(figure.labelKey()), figure.figure().apply(module), figure.kind()));
			}
			table(header, rows, 0.3f);
			space(6);
		}
		objectives(report);
		evaluation(report);
	}

	/**
	 * Objective mastery per module, as a table (not by sex: the groups would be too
	 * small).
	 */
	private void objectives(ProgrammeReport report) {
		if (report.objectives().isEmpty()) {
			return;
		}
		need(80);
		heading(this.labels.get("report.section.mastery"));
		paragraph(this.labels.get("report.mastery.explain"), 10, MUTED);
		String shownModule = null;
		List<List<String>> rows = new ArrayList<>();
		for (ObjectiveFigures objective : report.objectives()) {
			if (!objective.moduleTitle().equals(shownModule)) {
				flushObjectives(shownModule, rows);
				shownModule = objective.moduleTitle();
				rows = new ArrayList<>();
			}
			rows.add(List.of(objective.text(), this.labels.formats().number(objective.cadets(), this.labels.locale()),
					(objective.masteredShare() == null) ? this.labels.get("report.withheld")
							: this.labels.formats().percent(objective.masteredShare(), this.labels.locale())));
		}
		flushObjectives(shownModule, rows);
	}

	private void flushObjectives(@Nullable String moduleTitle, List<List<String>> rows) {
		if (moduleTitle == null || rows.isEmpty()) {
			return;
		}
		need(40 + 16 * (rows.size() + 1));
		text(moduleTitle, 11.5f, true, INK);
		table(List.of(this.labels.get("report.mastery.objective"), this.labels.get("report.mastery.cadets"),
				this.labels.get("report.mastery.share")), rows, 0.6f);
		space(6);
	}

	/**
	 * The course evaluation per module: a table of each item's answers and mean, and a
	 * stacked bar of how many gave each point; or why it is not shown.
	 */
	private void evaluation(ProgrammeReport report) {
		List<ModuleResults> results = report.evaluation();
		need(80);
		heading(this.labels.get("report.section.evaluation"));
		if (results == null) {
			paragraph(this.labels.get("report.evaluation.adminsOnly"), 10, MUTED);
			return;
		}
		for (ModuleResults module : results) {
			need(60);
			text(module.moduleTitle(), 11.5f, true, INK);
			if (!module.shown()) {
				paragraph(this.labels.evaluationWithheld(module), 10, MUTED);
				continue;
			}
			List<List<String>> rows = new ArrayList<>();
			for (ItemResult item : module.items()) {
				rows.add(List.of(item.text(), this.labels.formats().number(item.answers(), this.labels.locale()),
						(item.mean() == null) ? "—"
								: this.labels.formats().decimal(item.mean(), 1, this.labels.locale())));
			}
			table(List.of(this.labels.get("report.evaluation.item"), this.labels.get("report.evaluation.answers"),
					this.labels.get("report.evaluation.mean")), rows, 0.6f);
			List<ChartSeries> points = new ArrayList<>();
			for (int p = 0; p < module.scale().size(); p++) {
				int point = p;
				points.add(new ChartSeries(module.scale().get(p),
						module.items().stream().map((i) -> count(i.distribution(), point)).toList()));
			}
			chart(new BarChart(module.moduleTitle(), module.items().stream().map(ItemResult::text).toList(), points,
					ChartScale.COUNT, true, this.labels.get("chart.noData"))
				.svg(this.labels.locale()));
			space(6);
		}
	}

	private static Double count(List<Integer> distribution, int point) {
		return (point < distribution.size()) ? distribution.get(point).doubleValue() : 0.0;
	}

	private static Double score(Double score) {
		return (score == null) ? null : score / 100;
	}

	private List<String> cells(String label, org.lepha.academy.reports.Figure figure, ReportLabels.Kind kind) {
		List<String> cells = new ArrayList<>(List.of(label, this.labels.text(figure.total(), kind)));
		for (SexGroup group : ReportLabels.GROUPS) {
			cells.add(this.labels.text(figure.group(group), kind));
		}
		return cells;
	}

	private void space(float points) {
		this.y -= points;
	}

	private void need(float height) {
		if (this.y - height < BOTTOM) {
			this.page = new ArrayList<>();
			this.pages.add(this.page);
			this.y = TOP;
		}
	}

	private void heading(String text) {
		need(60);
		space(6);
		text(text, 13, true, INK);
		space(2);
	}

	/** One line, shrunk to the width if it is longer. */
	private void text(String text, float size, boolean bold, Color colour) {
		need(size * 1.5f);
		this.y -= size * 1.4f;
		float baseline = this.y;
		this.page.add((out) -> drawAligned(out, text, size, bold, colour, MARGIN, WIDTH, baseline, this.rtl));
	}

	/** Text broken into lines at spaces to fit the width. */
	private void paragraph(String text, float size, Color colour) {
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (!line.isEmpty() && TextShaper.shape(candidate, this.rtl, false).width(size) > WIDTH) {
				text(line.toString(), size, false, colour);
				line = new StringBuilder(word);
			}
			else {
				line = new StringBuilder(candidate);
			}
		}
		if (!line.isEmpty()) {
			text(line.toString(), size, false, colour);
		}
	}

	private void chart(String svg) {
		SvgDrawing drawing = SvgDrawing.parse(svg.getBytes(StandardCharsets.UTF_8));
		float scale = WIDTH / drawing.width();
		float height = drawing.height() * scale;
		need(height + 8);
		this.y -= height + 4;
		float bottom = this.y;
		this.page.add((out) -> drawing.draw(out, MARGIN, bottom, scale));
		this.y -= 4;
	}

	/**
	 * A table: the first column wide, the figures in equal columns; right to left the
	 * first column is at the right.
	 */
	private void table(List<String> header, List<List<String>> rows, float firstShare) {
		int columns = header.size();
		float first = WIDTH * firstShare;
		float other = (WIDTH - first) / (columns - 1);
		List<List<String>> all = new ArrayList<>();
		all.add(header);
		all.addAll(rows);
		for (int r = 0; r < all.size(); r++) {
			need(18);
			this.y -= 16;
			float baseline = this.y;
			List<String> row = all.get(r);
			boolean bold = r == 0;
			this.page.add((out) -> {
				for (int c = 0; c < columns; c++) {
					float width = (c == 0) ? first : other;
					float offset = (c == 0) ? 0 : first + (c - 1) * other;
					float left = this.rtl ? PAGE_WIDTH - MARGIN - offset - width : MARGIN + offset;
					drawAligned(out, row.get(c), 9.5f, bold, INK, left + 3, width - 6, baseline, this.rtl);
				}
				out.graphics().setStrokingColor(RULE);
				out.graphics().setLineWidth(0.5f);
				out.graphics().moveTo(MARGIN, baseline - 4);
				out.graphics().lineTo(PAGE_WIDTH - MARGIN, baseline - 4);
				out.graphics().stroke();
			});
		}
	}

	/**
	 * Text at the start of a box of the given width (left, or right for right to left).
	 */
	private static void drawAligned(GlyphWriter out, String text, float size, boolean bold, Color colour, float left,
			float width, float baseline, boolean rtl) throws IOException {
		if (text.isEmpty()) {
			return;
		}
		TextShaper.ShapedLine line = TextShaper.shape(text, rtl, bold);
		float fitted = Math.min(size, size * width / Math.max(1, line.width(size)));
		float x = rtl ? left + width - line.width(fitted) : left;
		out.graphics().setNonStrokingColor(colour);
		out.drawLine(line, x, baseline, fitted);
	}

	private byte[] render(String title, Locale locale) {
		try (PDDocument document = new PDDocument()) {
			document.getDocumentCatalog().setLanguage(locale.toLanguageTag());
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(title);
			info.setProducer("LEPHA Academy");
			try (GlyphWriter out = new GlyphWriter(document, newPage(document))) {
				for (int i = 0; i < this.pages.size(); i++) {
					if (i > 0) {
						out.nextPage(newPage(document));
					}
					String number = this.labels.get("report.page", this.labels.formats().number(i + 1, locale),
							this.labels.formats().number(this.pages.size(), locale));
					TextShaper.ShapedLine line = TextShaper.shape(number, this.rtl, false);
					out.graphics().setNonStrokingColor(MUTED);
					out.drawLine(line, (PAGE_WIDTH - line.width(9)) / 2, 32, 9, true, null);
					for (Step step : this.pages.get(i)) {
						step.draw(out);
					}
				}
				out.finish();
				ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
				document.save(bytes);
				return bytes.toByteArray();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static PDPage newPage(PDDocument document) {
		PDPage page = new PDPage(PDRectangle.A4);
		document.addPage(page);
		return page;
	}

}
