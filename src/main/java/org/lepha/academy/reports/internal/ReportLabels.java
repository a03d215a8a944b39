package org.lepha.academy.reports.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.cohorts.CourseEvaluationResults;
import org.lepha.academy.cohorts.CourseEvaluationResults.ModuleResults;
import org.lepha.academy.reports.Cell;
import org.lepha.academy.reports.ProgrammeReport;
import org.lepha.academy.reports.SexGroup;

/**
 * The report's words and numbers in the reader's language: translated labels, numbers in
 * the language's digits, dates in its calendar (Solar Hijri for Dari).
 */
public record ReportLabels(Locale locale, LocalizedFormats formats, BiFunction<String, Object[], String> translate) {

	/** The kinds of number a figure holds. */
	enum Kind {

		/** Cadets or certificates. */
		COUNT,
		/** A share from 0 to 1. */
		SHARE,
		/** A test score from 0 to 100. */
		SCORE,
		/** A difference of scores, in percentage points. */
		POINTS

	}

	/** The disaggregation's columns, in order. */
	static final List<SexGroup> GROUPS = List.of(SexGroup.FEMALE, SexGroup.MALE, SexGroup.ANOTHER, SexGroup.UNKNOWN);

	public String get(String key, Object... arguments) {
		return this.translate.apply(key, arguments);
	}

	boolean rightToLeft() {
		return Languages.isRightToLeft(this.locale);
	}

	String group(SexGroup group) {
		return get("report.sex." + group.name());
	}

	/** A cell as text: the number, a dash when there is none, or the withheld mark. */
	String text(Cell cell, Kind kind) {
		if (cell.suppressed()) {
			return get("report.withheld");
		}
		Double value = cell.value();
		if (value == null) {
			return "—";
		}
		return switch (kind) {
			case COUNT -> this.formats.number(Math.round(value), this.locale);
			case SHARE -> this.formats.percent(value, this.locale);
			case SCORE -> this.formats.percent(value / 100, this.locale);
			case POINTS -> this.formats.decimal(value, 1, this.locale);
		};
	}

	/** A cell for a spreadsheet: a number (shares and scores in percent), or text. */
	Object value(Cell cell, Kind kind) {
		if (cell.suppressed()) {
			return get("report.withheld");
		}
		Double value = cell.value();
		if (value == null) {
			return "—";
		}
		return switch (kind) {
			case COUNT -> Math.round(value);
			case SHARE -> Math.round(value * 1000) / 10.0;
			case SCORE, POINTS -> Math.round(value * 10) / 10.0;
		};
	}

	String title(ProgrammeReport report) {
		return get(report.academy() ? "report.academyTitle" : "report.cohortTitle", report.name());
	}

	String period(ProgrammeReport report) {
		return get("report.period", date(report.start()), date(report.end()));
	}

	String generated(ProgrammeReport report, ZoneId zone) {
		return get("report.generatedAt", date(LocalDate.ofInstant(report.generatedAt(), zone)));
	}

	String unknownShare(ProgrammeReport report) {
		Double share = report.unknownShare();
		return get("report.unknownShare",
				(share == null) ? get("report.withheld") : this.formats.percent(share, this.locale));
	}

	/**
	 * "Not shown: fewer than 5 answers (3)" for a module below the evaluation's
	 * threshold.
	 */
	String evaluationWithheld(ModuleResults module) {
		return get("report.evaluation.withheld", this.formats.number(CourseEvaluationResults.MIN_ANSWERS, this.locale),
				this.formats.number(module.answered(), this.locale));
	}

	String suppressionNote() {
		return get("report.suppressedNote", this.formats.number(ProgrammeReport.MINIMUM_GROUP, this.locale),
				get("report.withheld"));
	}

	private String date(@Nullable LocalDate date) {
		return (date == null) ? "—" : this.formats.date(date, this.locale);
	}

	/** Instant to day, for tests and callers that have an instant. */
	String date(Instant instant, ZoneId zone) {
		return date(LocalDate.ofInstant(instant, zone));
	}

}
