package org.lepha.academy.certificates.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.DocumentLimits;
import com.github.weisj.jsvg.parser.LoaderContext;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.parser.resources.ResourcePolicy;
import com.github.weisj.jsvg.view.FloatSize;
import com.github.weisj.jsvg.view.ViewBox;
import org.lepha.academy.certificates.CertificateDesignException;

/**
 * Turns an uploaded emblem or signature into the PNG a certificate embeds: checked (PNG
 * or, for emblems, SVG; at most {@value #MAX_BYTES} bytes and {@value #MAX_PIXELS} pixels
 * a side), SVG converted to a raster, and downscaled to 300 dpi at the size it is
 * printed, then further until it fits its share of the certificate's byte budget. The
 * result is what is stored, so a certificate never embeds an upload as it came.
 *
 * <p>
 * SVG is never embedded: jsvg draws it into an image. jsvg has no script engine and loads
 * nothing outside the document when its resource policy is {@code DENY_ALL} (its XML
 * parser has DTDs and external entities switched off). A file that holds a script, an
 * event handler, a DOCTYPE or a reference outside itself is refused all the same, so an
 * administrator learns that the file is not what it seems instead of getting a silently
 * different picture.
 */
public final class DesignImages {

	/** Largest upload accepted. */
	public static final int MAX_BYTES = 512 * 1024;

	/** Largest width or height accepted, in pixels (SVG: in its own units). */
	public static final int MAX_PIXELS = 2000;

	/** What an image is for: its printed box at 300 dpi and its share of the budget. */
	public enum Use {

		/** 64 × 64 pt on the certificate: 267 px at 300 dpi; 20 KB. */
		EMBLEM(267, 267, 20 * 1024, true),
		/** 150 × 40 pt above the signature line: 625 × 167 px; 10 KB each. */
		SIGNATURE(625, 167, 10 * 1024, false);

		final int maxWidth;

		final int maxHeight;

		final int maxBytes;

		final boolean svgAllowed;

		Use(int maxWidth, int maxHeight, int maxBytes, boolean svgAllowed) {
			this.maxWidth = maxWidth;
			this.maxHeight = maxHeight;
			this.maxBytes = maxBytes;
			this.svgAllowed = svgAllowed;
		}

	}

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	/**
	 * Anything that makes an SVG more than a picture: scripts, event handlers, DTDs
	 * (entities), embedded foreign content, and references that leave the document
	 * ({@code href} or {@code url(...)} not starting with {@code #}).
	 */
	private static final Pattern ACTIVE_SVG = Pattern.compile(
			"<\\s*script|<!DOCTYPE|<!ENTITY|<\\s*foreignObject"
					+ "|\\son[a-z]+\\s*=|href\\s*=\\s*[\"']\\s*[^#\\s]|url\\(\\s*['\"]?\\s*[^#'\"\\s]|@import",
			Pattern.CASE_INSENSITIVE);

	private DesignImages() {
	}

	/** The checked, converted, downscaled PNG. */
	public static byte[] prepare(byte[] upload, Use use) {
		if (upload.length == 0) {
			throw new CertificateDesignException("design.error.image.empty");
		}
		if (upload.length > MAX_BYTES) {
			throw new CertificateDesignException("design.error.image.tooLarge", MAX_BYTES / 1024);
		}
		BufferedImage image;
		if (startsWith(upload, PNG_SIGNATURE)) {
			image = readPng(upload);
		}
		else if (looksLikeSvg(upload)) {
			if (!use.svgAllowed) {
				throw new CertificateDesignException("design.error.image.pngOnly");
			}
			image = readSvg(upload, use);
		}
		else {
			throw new CertificateDesignException(
					use.svgAllowed ? "design.error.image.format" : "design.error.image.pngOnly");
		}
		return fit(image, use);
	}

	/**
	 * Whether stored bytes are a PNG this class could have produced (a design handed to
	 * the service is checked again: it may not come from an upload).
	 */
	public static boolean isAcceptable(byte[] png, Use use) {
		if (!startsWith(png, PNG_SIGNATURE) || png.length > use.maxBytes) {
			return false;
		}
		try {
			BufferedImage image = readPng(png);
			return image.getWidth() <= use.maxWidth && image.getHeight() <= use.maxHeight;
		}
		catch (CertificateDesignException ex) {
			return false;
		}
	}

	static BufferedImage decode(byte[] png) {
		return readPng(png);
	}

	private static BufferedImage readPng(byte[] bytes) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
			if (in == null || !readers.hasNext()) {
				throw new CertificateDesignException("design.error.image.broken");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				// The header's dimensions are checked before any pixel is decoded: a
				// small file can declare a huge image.
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width > MAX_PIXELS || height > MAX_PIXELS) {
					throw new CertificateDesignException("design.error.image.dimensions", MAX_PIXELS);
				}
				if (width < 1 || height < 1) {
					throw new CertificateDesignException("design.error.image.broken");
				}
				return reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof CertificateDesignException refused) {
				throw refused;
			}
			throw new CertificateDesignException("design.error.image.broken");
		}
	}

	private static boolean looksLikeSvg(byte[] bytes) {
		String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8)
			.toLowerCase(Locale.ROOT);
		return head.contains("<svg");
	}

	private static BufferedImage readSvg(byte[] bytes, Use use) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (ACTIVE_SVG.matcher(text).find()) {
			throw new CertificateDesignException("design.error.svg.active");
		}
		LoaderContext context = LoaderContext.builder()
			.externalResourcePolicy(ResourcePolicy.DENY_ALL)
			.documentLimits(new DocumentLimits(16, 8, 5000))
			.build();
		SVGDocument document;
		try {
			document = new SVGLoader().load(new ByteArrayInputStream(bytes), URI.create("about:emblem"), context);
		}
		catch (RuntimeException ex) {
			document = null;
		}
		if (document == null) {
			throw new CertificateDesignException("design.error.image.broken");
		}
		FloatSize size = document.size();
		if (!(size.width > 0 && size.height > 0)) {
			throw new CertificateDesignException("design.error.image.broken");
		}
		if (size.width > MAX_PIXELS || size.height > MAX_PIXELS) {
			throw new CertificateDesignException("design.error.image.dimensions", MAX_PIXELS);
		}
		// Drawn straight at the printed size: no detail is lost to a second scaling.
		double scale = Math.min(use.maxWidth / size.width, use.maxHeight / size.height);
		int width = Math.max(1, (int) Math.round(size.width * scale));
		int height = Math.max(1, (int) Math.round(size.height * scale));
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
			document.render(null, g, new ViewBox(0, 0, width, height));
		}
		catch (RuntimeException ex) {
			throw new CertificateDesignException("design.error.image.broken");
		}
		finally {
			g.dispose();
		}
		return image;
	}

	/** Downscaled to the printed box, then further until it fits the byte budget. */
	private static byte[] fit(BufferedImage image, Use use) {
		double scale = Math.min(1,
				Math.min((double) use.maxWidth / image.getWidth(), (double) use.maxHeight / image.getHeight()));
		for (int attempt = 0; attempt < 12; attempt++) {
			byte[] png = png(scaled(image, scale));
			if (png.length <= use.maxBytes) {
				return png;
			}
			scale *= 0.8;
		}
		throw new CertificateDesignException("design.error.image.tooDetailed");
	}

	private static BufferedImage scaled(BufferedImage image, double scale) {
		int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
		BufferedImage out = new BufferedImage(width, height,
				image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return out;
	}

	private static byte[] png(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
