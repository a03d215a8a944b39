package org.lepha.academy.base.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Returning visits are cheap (issue 18): files whose address changes with their content
 * are cached for a year, immutable; the same files without the version, the pages and
 * errors are not. Over real HTTP against the running server (dev mode; the production
 * bundle under {@code /VAADIN/build/} is checked in ProductionJarTests).
 */
@IntegrationTest
class StaticCachingTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Pattern FONT_URL = Pattern.compile("url\\(\"\\.\\./fonts/([^\"?]+)\\?v=([0-9a-f]+)\"\\)");

	@LocalServerPort
	int port;

	@Test
	void versionedFontsAndStylesheetsAreImmutableTheRestIsNot() throws Exception {
		String font = "/fonts/NotoSansArabic-Regular.woff2";
		HttpResponse<byte[]> versioned = get(font + "?v=" + shortHash(Path.of("frontend" + font)));
		assertThat(versioned.statusCode()).isEqualTo(200);
		assertThat(versioned.headers().firstValue("Cache-Control")).hasValue(StaticCaching.IMMUTABLE);
		assertThat(versioned.headers().firstValue("Pragma")).isEmpty();

		HttpResponse<byte[]> plain = get(font);
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable");

		HttpResponse<byte[]> stylesheet = get("/styles/app.css?v-c=0123abcd");
		assertThat(stylesheet.statusCode()).isEqualTo(200);
		assertThat(stylesheet.headers().firstValue("Cache-Control")).hasValue(StaticCaching.IMMUTABLE);

		// An unknown address gets Vaadin's page (or an error), which must not stick.
		HttpResponse<byte[]> missing = get("/fonts/no-such-font.woff2?v=0123abcd");
		assertThat(missing.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable");

		HttpResponse<byte[]> page = get("/login");
		assertThat(page.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable");
		assertThat(get("/login?v=0123abcd").headers().firstValue("Cache-Control").orElse(""))
			.doesNotContain("immutable");
	}

	/**
	 * app.css names each font with the start of its SHA-256: a font replaced without a
	 * new version would stay a year in every browser.
	 */
	@Test
	void appCssNamesEveryFontByItsCurrentHash() throws Exception {
		String css = Files.readString(Path.of("frontend/styles/app.css"));
		Matcher m = FONT_URL.matcher(css);
		int fonts = 0;
		while (m.find()) {
			fonts++;
			assertThat(m.group(2)).as(m.group(1)).isEqualTo(shortHash(Path.of("frontend/fonts", m.group(1))));
		}
		assertThat(fonts).as("fonts named in app.css").isEqualTo(2);
		assertThat(css).doesNotContainPattern("url\\(\"\\.\\./fonts/[^\"?]+\"\\)");
	}

	private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String shortHash(Path file) throws IOException, NoSuchAlgorithmException {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
		return HexFormat.of().formatHex(digest).substring(0, 8);
	}

}
