package org.lepha.academy.certificates.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.certificates.CertificateContent;

/**
 * Benchmark (not a test): warm throughput of certificate generation on one thread, per
 * language: rendering alone, and rendering plus signing (PAdES, PDF/A parts) as the
 * issuer does it, with the test build's generated EC P-256 key. Run on one core with
 * {@code taskset -c 0 ./mvnw -q test-compile exec:java
 * -Dexec.classpathScope=test
 * -Dexec.mainClass=org.lepha.academy.certificates.internal.CertificateBenchmark}; figures
 * in docs/performance.md.
 */
public final class CertificateBenchmark {

	private CertificateBenchmark() {
	}

	public static void main(String[] args) {
		UiTranslationProvider translations = new UiTranslationProvider(new Languages(List.of("en", "ru", "fa-AF")),
				Path.of("translations/ui"));
		CertificateRenderer renderer = new CertificateRenderer(translations, new LocalizedFormats());
		CertificateSigner signer = new CertificateSigner(
				AcademyKeys.inFolder(Path.of("target/test-data/keys"), "LEPHA Academy"), translations,
				Clock.systemUTC());
		System.out.println("processors available: " + Runtime.getRuntime().availableProcessors());
		for (String tag : List.of("fa-AF", "ru", "en")) {
			Locale locale = Locale.forLanguageTag(tag);
			CertificateContent content = CertificateRendererTests.content(tag);
			measure(tag + " rendered", () -> renderer.render(content, locale));
			measure(tag + " signed", () -> signer.sign(renderer.render(content, locale), locale, content.serial(),
					"k7q2m9x4w8c3v6b1n5z0a2s4d6f8g0h2"));
		}
	}

	private static void measure(String label, Supplier<byte[]> certificate) {
		long bytes = 0;
		for (int i = 0; i < 300; i++) {
			bytes = certificate.get().length;
		}
		List<Double> rates = new ArrayList<>();
		for (int round = 0; round < 5; round++) {
			int n = 500;
			long start = System.nanoTime();
			for (int i = 0; i < n; i++) {
				certificate.get();
			}
			rates.add(n / ((System.nanoTime() - start) / 1e9));
		}
		double[] sorted = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		System.out.printf("%-14s %6.0f certificates/s (median of 5 x 500; min %.0f, max %.0f), %d bytes each%n", label,
				sorted[2], sorted[0], sorted[4], bytes);
		System.out.println("       rounds: " + Arrays.toString(sorted));
	}

}
