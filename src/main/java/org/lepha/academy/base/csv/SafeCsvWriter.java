package org.lepha.academy.base.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV that spreadsheet programs open safely: UTF-8 with a byte-order mark (so Excel shows
 * Cyrillic and Dari correctly), and every cell that a spreadsheet would read as a formula
 * ({@code = + - @}, tab, carriage return) prefixed with an apostrophe, so a name such as
 * {@code =HYPERLINK(...)} stays text.
 */
public final class SafeCsvWriter {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private SafeCsvWriter() {
	}

	public static byte[] write(List<String> header, List<List<String>> rows) {
		StringBuilder out = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
			printer.printRecord(header.stream().map(SafeCsvWriter::neutralize).toList());
			for (List<String> row : rows) {
				printer.printRecord(row.stream().map(SafeCsvWriter::neutralize).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
		byte[] result = new byte[BOM.length + text.length];
		System.arraycopy(BOM, 0, result, 0, BOM.length);
		System.arraycopy(text, 0, result, BOM.length, text.length);
		return result;
	}

	/** The cell as a spreadsheet will show it as text, never evaluate it. */
	public static String neutralize(String cell) {
		if (cell == null || cell.isEmpty()) {
			return cell == null ? "" : cell;
		}
		char first = cell.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			return "'" + cell;
		}
		return cell;
	}

}
