package org.lepha.academy.certificates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;

/**
 * The text of a certificate's first page as a reader gets it: each line's
 * {@code /ActualText}, normalised with NFKC.
 */
public final class PdfText {

	private PdfText() {
	}

	public static List<String> lines(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return lines(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The first page's lines (a certificate has one page). */
	public static List<String> lines(PDDocument document) throws IOException {
		return pageLines(document, 0);
	}

	/** The lines of every page, in order (reports run over several pages). */
	public static List<String> allLines(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<String> lines = new ArrayList<>();
			for (int i = 0; i < document.getNumberOfPages(); i++) {
				lines.addAll(pageLines(document, i));
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> pageLines(PDDocument document, int page) throws IOException {
		PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
		extractor.processPage(document.getPage(page));
		List<String> lines = new ArrayList<>();
		for (PDMarkedContent content : extractor.getMarkedContents()) {
			if (content.getActualText() != null) {
				lines.add(Normalizer.normalize(content.getActualText(), Normalizer.Form.NFKC));
			}
		}
		return lines;
	}

}
