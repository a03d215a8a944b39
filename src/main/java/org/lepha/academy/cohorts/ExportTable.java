package org.lepha.academy.cohorts;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.lepha.academy.base.csv.SafeCsvWriter;
import org.lepha.academy.base.csv.SafeXlsxWriter;

/**
 * A table for download, with its header already in the trainer's language. Values are
 * {@code null}, text, numbers, dates or date-times; CSV writes dates as ISO text.
 */
public record ExportTable(List<String> header, List<List<Object>> rows) {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	public ExportTable {
		header = List.copyOf(header);
		rows = rows.stream()
			.map((row) -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row)))
			.toList();
	}

	/** UTF-8 CSV with a byte-order mark, formulas neutralized. */
	public byte[] toCsv() {
		return SafeCsvWriter.write(header,
				rows.stream().map((row) -> row.stream().map(ExportTable::text).toList()).toList());
	}

	/** An XLSX workbook with one sheet; text is never a formula. */
	public byte[] toXlsx(String sheetName) {
		return SafeXlsxWriter.write(sheetName, header, rows);
	}

	private static String text(Object value) {
		return switch (value) {
			case null -> "";
			case LocalDateTime time -> DATE_TIME.format(time);
			case LocalDate date -> date.toString();
			default -> value.toString();
		};
	}

}
