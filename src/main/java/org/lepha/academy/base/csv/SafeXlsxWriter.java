package org.lepha.academy.base.csv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An XLSX workbook (one sheet or several) that spreadsheet programs open safely. Text is
 * always written as a string cell, which a spreadsheet never evaluates; text that looks
 * like a formula ({@code = + - @}, tab, carriage return) is also marked quote-prefixed,
 * so editing the cell keeps it text. Numbers, dates and date-times get typed cells.
 */
public final class SafeXlsxWriter {

	private SafeXlsxWriter() {
	}

	/**
	 * The workbook's bytes; a row's values may be {@code null}, {@link String},
	 * {@link Number}, {@link LocalDate} or {@link LocalDateTime} (anything else is
	 * written as its text).
	 */
	public static byte[] write(String sheetName, List<String> header, List<List<Object>> rows) {
		return write(List.of(new SheetData(sheetName, header, rows, false)));
	}

	/**
	 * One sheet of a workbook: its name (made safe), header row and rows as for
	 * {@link #write(String, List, List)}, and whether it reads right to left (Dari).
	 */
	public record SheetData(String name, List<String> header, List<List<Object>> rows, boolean rightToLeft) {
	}

	/** A workbook with the sheets in order; names made safe and unique. */
	public static byte[] write(List<SheetData> sheets) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (SheetData data : sheets) {
				sheet(workbook, data);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sheet(XSSFWorkbook workbook, SheetData data) {
		List<String> header = data.header();
		List<List<Object>> rows = data.rows();
		String name = WorkbookUtil.createSafeSheetName(data.name());
		for (int n = 2; workbook.getSheet(name) != null; n++) {
			name = WorkbookUtil
				.createSafeSheetName(data.name().substring(0, Math.min(data.name().length(), 25)) + " " + n);
		}
		Sheet sheet = workbook.createSheet(name);
		sheet.setRightToLeft(data.rightToLeft());
		Font bold = workbook.createFont();
		bold.setBold(true);
		CellStyle headerStyle = workbook.createCellStyle();
		headerStyle.setFont(bold);
		CellStyle quoted = workbook.createCellStyle();
		quoted.setQuotePrefixed(true);
		CellStyle date = workbook.createCellStyle();
		date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
		CellStyle dateTime = workbook.createCellStyle();
		dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
		Row headerRow = sheet.createRow(0);
		for (int i = 0; i < header.size(); i++) {
			Cell cell = headerRow.createCell(i);
			text(cell, header.get(i), quoted);
			cell.setCellStyle(headerStyle);
			sheet.setColumnWidth(i, 22 * 256);
		}
		sheet.createFreezePane(0, 1);
		for (int r = 0; r < rows.size(); r++) {
			Row row = sheet.createRow(r + 1);
			List<Object> values = rows.get(r);
			for (int c = 0; c < values.size(); c++) {
				Object value = values.get(c);
				if (value == null) {
					continue;
				}
				Cell cell = row.createCell(c);
				switch (value) {
					case Number number -> cell.setCellValue(number.doubleValue());
					case LocalDateTime time -> {
						cell.setCellValue(time);
						cell.setCellStyle(dateTime);
					}
					case LocalDate day -> {
						cell.setCellValue(day);
						cell.setCellStyle(date);
					}
					default -> text(cell, value.toString(), quoted);
				}
			}
		}
	}

	private static void text(Cell cell, String value, CellStyle quoted) {
		cell.setCellValue(value);
		if (!SafeCsvWriter.neutralize(value).equals(value)) {
			cell.setCellStyle(quoted);
		}
	}

}
