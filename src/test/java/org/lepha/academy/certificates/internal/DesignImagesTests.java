package org.lepha.academy.certificates.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.lepha.academy.certificates.CertificateDesignException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Uploaded emblems and signatures: PNG and plain SVG become a PNG of print size within
 * the certificate's byte budget; anything else is refused with the reason.
 */
class DesignImagesTests {

	static final String PLAIN_SVG = """
			<?xml version="1.0" encoding="UTF-8"?>
			<svg xmlns="http://www.w3.org/2000/svg" width="120" height="100" viewBox="0 0 120 100">
			  <defs><linearGradient id="g"><stop offset="0" stop-color="#1f3a5f"/><stop offset="1" stop-color="#b8860b"/></linearGradient></defs>
			  <rect x="10" y="10" width="100" height="80" fill="url(#g)"/>
			  <circle cx="60" cy="50" r="30" fill="#ffffff"/>
			</svg>
			""";

	@Test
	void aLargePngEmblemIsDownscaledToThreeHundredDpiAtItsPrintedSize() throws IOException {
		byte[] prepared = DesignImages.prepare(png(1600, 1200, false), DesignImages.Use.EMBLEM);

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(prepared));
		assertThat(image.getWidth()).isEqualTo(267);
		assertThat(image.getHeight()).isEqualTo(200);
		assertThat(prepared.length).isLessThanOrEqualTo(20 * 1024);
	}

	@Test
	void aNoisyPngIsScaledFurtherUntilItFitsItsShareOfTheBudget() throws IOException {
		byte[] prepared = DesignImages.prepare(png(360, 360, true), DesignImages.Use.SIGNATURE);

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(prepared));
		assertThat(prepared.length).isLessThanOrEqualTo(10 * 1024);
		assertThat(image.getHeight()).isLessThan(167);
	}

	@Test
	void aPlainSvgEmblemIsConvertedToAPng() throws IOException {
		byte[] prepared = DesignImages.prepare(PLAIN_SVG.getBytes(StandardCharsets.UTF_8), DesignImages.Use.EMBLEM);

		assertThat(prepared).startsWith(0x89, 'P', 'N', 'G');
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(prepared));
		assertThat(image.getWidth()).isEqualTo(267);
		// 100 × 267 / 120 = 222.5 pixels.
		assertThat(image.getHeight()).isBetween(222, 223);
		// The drawing is there: the white circle in the middle, the gradient at the
		// edge.
		assertThat(new Color(image.getRGB(133, 111), true)).isEqualTo(Color.WHITE);
		assertThat(new Color(image.getRGB(30, 111), true).getAlpha()).isEqualTo(255);
	}

	@Test
	void refusesGarbageAnEmptyFileAndAnOversizedFile() {
		assertRefused("not an image at all".getBytes(StandardCharsets.UTF_8), DesignImages.Use.EMBLEM,
				"design.error.image.format");
		assertRefused(new byte[0], DesignImages.Use.EMBLEM, "design.error.image.empty");
		byte[] big = new byte[600 * 1024];
		new Random(1).nextBytes(big);
		assertRefused(big, DesignImages.Use.EMBLEM, "design.error.image.tooLarge");
	}

	@Test
	void refusesAPngWhosePixelsAreBrokenOrTooMany() throws IOException {
		byte[] good = png(40, 40, false);
		byte[] truncated = java.util.Arrays.copyOf(good, 60);
		assertRefused(truncated, DesignImages.Use.EMBLEM, "design.error.image.broken");
		assertRefused(png(2500, 10, false), DesignImages.Use.EMBLEM, "design.error.image.dimensions");
	}

	@Test
	void refusesSvgWithScriptsEventHandlersExternalReferencesOrEntities() {
		String[] active = {
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>",
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" onload=\"alert(1)\"/>",
				"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\">"
						+ "<image xlink:href=\"https://example.org/x.png\" width=\"10\" height=\"10\"/></svg>",
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><use href=\"file:///etc/passwd#a\"/></svg>",
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect style=\"fill:url(http://example.org/p)\" width=\"5\" height=\"5\"/></svg>",
				"<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
						+ "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><text>&x;</text></svg>",
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><foreignObject/></svg>" };
		for (String svg : active) {
			assertRefused(svg.getBytes(StandardCharsets.UTF_8), DesignImages.Use.EMBLEM, "design.error.svg.active");
		}
	}

	@Test
	void refusesSvgWithHugeDimensionsOrBrokenXml() {
		assertRefused(
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"50000\" height=\"50000\"><rect width=\"5\" height=\"5\"/></svg>"
					.getBytes(StandardCharsets.UTF_8),
				DesignImages.Use.EMBLEM, "design.error.image.dimensions");
		assertRefused("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect"
			.getBytes(StandardCharsets.UTF_8), DesignImages.Use.EMBLEM, "design.error.image.broken");
	}

	@Test
	void aSignatureMustBeAPng() {
		assertRefused(PLAIN_SVG.getBytes(StandardCharsets.UTF_8), DesignImages.Use.SIGNATURE,
				"design.error.image.pngOnly");
	}

	@Test
	void storedImagesAreAcceptedOnlyAsThisClassMakesThem() throws IOException {
		byte[] prepared = DesignImages.prepare(png(300, 300, false), DesignImages.Use.EMBLEM);
		assertThat(DesignImages.isAcceptable(prepared, DesignImages.Use.EMBLEM)).isTrue();
		assertThat(DesignImages.isAcceptable(png(1000, 1000, false), DesignImages.Use.EMBLEM)).isFalse();
		assertThat(DesignImages.isAcceptable("<svg/>".getBytes(StandardCharsets.UTF_8), DesignImages.Use.EMBLEM))
			.isFalse();
	}

	private static void assertRefused(byte[] upload, DesignImages.Use use, String key) {
		assertThatThrownBy(() -> DesignImages.prepare(upload, use)).isInstanceOf(CertificateDesignException.class)
			.extracting((e) -> ((CertificateDesignException) e).messageKey())
			.isEqualTo(key);
	}

	/** A test picture: flat shapes, or random noise that compresses badly. */
	static byte[] png(int width, int height, boolean noise) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		if (noise) {
			Random random = new Random(42);
			for (int y = 0; y < height; y++) {
				for (int x = 0; x < width; x++) {
					image.setRGB(x, y, random.nextInt() | 0xFF000000);
				}
			}
		}
		else {
			Graphics2D g = image.createGraphics();
			g.setColor(new Color(0x1F, 0x3A, 0x5F));
			g.fillOval(width / 8, height / 8, width * 3 / 4, height * 3 / 4);
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
