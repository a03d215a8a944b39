package org.lepha.academy.base.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Poppler's {@code pdftotext}, which reads glyphs through the fonts' ToUnicode maps (as
 * most viewers and search engines do) rather than the {@code /ActualText} PDFBox reads:
 * text extraction tests compare the two.
 */
public final class Poppler {

	private Poppler() {
	}

	/**
	 * pdftotext's lines, NFKC-normalised (its Arabic presentation forms become letters)
	 * and without the bidi embedding marks it wraps right-to-left lines in.
	 */
	public static List<String> lines(Path pdf) throws IOException, InterruptedException {
		List<String> lines = new ArrayList<>();
		for (String page : pages(pdf)) {
			lines.addAll(page.lines().filter((line) -> !line.isEmpty()).toList());
		}
		return lines;
	}

	/**
	 * Each page's text, normalised as {@link #lines}, lines stripped, blank ones left
	 * out.
	 */
	public static List<String> pages(Path pdf) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command(), "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as("pdftotext exit code; output: " + output).isZero();
		List<String> pages = new ArrayList<>();
		for (String page : output.split("\f", -1)) {
			StringBuilder text = new StringBuilder();
			for (String line : page.split("\n")) {
				String normalized = Normalizer.normalize(line, Normalizer.Form.NFKC)
					.replaceAll("[\u200E\u200F\u202A-\u202E\u2066-\u2069]", "")
					.strip();
				if (!normalized.isEmpty()) {
					text.append(normalized).append('\n');
				}
			}
			pages.add(text.toString());
		}
		// The output ends with a form feed after the last page.
		if (!pages.isEmpty() && pages.get(pages.size() - 1).isEmpty()) {
			pages.remove(pages.size() - 1);
		}
		return pages;
	}

	private static String command() {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(dir, "pdftotext");
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		if (Files.isExecutable(Path.of("/usr/bin/pdftotext"))) {
			return "/usr/bin/pdftotext";
		}
		return fail("pdftotext (poppler-utils) is needed by this test and was not found on PATH or at "
				+ "/usr/bin/pdftotext; install it, e.g. apt-get install poppler-utils (.ci/run does)");
	}

}
