package org.lepha.academy.books.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.books.BookEdition;
import org.lepha.academy.books.CourseBook;

/**
 * Benchmark (not a test): builds every shipped module's PDF book once per language (the
 * trainer's edition, the larger one) after one warm-up round, and prints the time and
 * size of each; the books are written to {@code target/pdf-books} to look at. Run on one
 * core as the certificate benchmark is run (see docs/performance.md, "Course books").
 */
public final class PdfBooksBenchmark {

	private PdfBooksBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		PdfBookRenderer renderer = new PdfBookRenderer(new LocalizedFormats());
		Path folder = Path.of("target", "pdf-books");
		Files.createDirectories(folder);
		List<ShippedBooks.Case> cases = ShippedBooks.cases()
			.stream()
			.filter((c) -> c.edition() == BookEdition.TRAINER)
			.toList();
		System.out.println("processors available: " + Runtime.getRuntime().availableProcessors());
		for (ShippedBooks.Case c : cases) {
			renderer.render(ShippedBooks.BUILDER.build(c.module(), c.language(), c.edition()));
		}
		List<Long> times = new ArrayList<>();
		for (ShippedBooks.Case c : cases) {
			CourseBook book = ShippedBooks.BUILDER.build(c.module(), c.language(), c.edition());
			long start = System.nanoTime();
			byte[] pdf = renderer.render(book);
			long millis = (System.nanoTime() - start) / 1_000_000;
			times.add(millis);
			Files.write(folder.resolve(c.module().id() + "-" + c.language().toLanguageTag() + ".pdf"), pdf);
			System.out.printf("%-36s %-6s %5d ms %8d bytes%n", c.module().id(), c.language().toLanguageTag(), millis,
					pdf.length);
		}
		System.out.printf("total %d ms for %d books%n", times.stream().mapToLong(Long::longValue).sum(), times.size());
	}

}
