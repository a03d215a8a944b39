package org.lepha.academy.base.pdf;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The course's diagrams (SVG) drawn as PDF vectors: sharp in print and a few kilobytes,
 * with no SVG library in the build. It understands what the content format allows in
 * diagrams (see {@code content/README.md}): rect, circle, ellipse, line, polyline,
 * polygon, path (all commands), text, groups with inherited fill, stroke and font
 * attributes, {@code rotate}/{@code translate}/{@code scale} transforms and opacity
 * (blended with the white page). Anything else is skipped rather than failing the book.
 * The parser refuses DTDs and external entities. Used by course books for content
 * diagrams and by programme reports for their charts.
 */
public final class SvgDrawing {

	private sealed interface Item permits Figure, Label {

	}

	private record Figure(Shape shape, @Nullable Color fill, @Nullable Color stroke, float strokeWidth,
			float @Nullable [] dash, boolean round) implements Item {
	}

	private record Label(String text, Point2D at, float fontSize, boolean bold, String anchor,
			Color fill) implements Item {
	}

	private final float minX;

	private final float minY;

	private final float width;

	private final float height;

	private final List<Item> items;

	private SvgDrawing(float minX, float minY, float width, float height, List<Item> items) {
		this.minX = minX;
		this.minY = minY;
		this.width = width;
		this.height = height;
		this.items = items;
	}

	public float width() {
		return this.width;
	}

	public float height() {
		return this.height;
	}

	public static SvgDrawing parse(byte[] svg) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setExpandEntityReferences(false);
			factory.setNamespaceAware(false);
			Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg)).getDocumentElement();
			float[] box = { 0, 0, number(root.getAttribute("width"), 300), number(root.getAttribute("height"), 150) };
			String viewBox = root.getAttribute("viewBox");
			if (!viewBox.isBlank()) {
				String[] parts = viewBox.trim().split("[\\s,]+");
				if (parts.length == 4) {
					for (int i = 0; i < 4; i++) {
						box[i] = number(parts[i], box[i]);
					}
				}
			}
			List<Item> items = new ArrayList<>();
			walk(root, new HashMap<>(), new AffineTransform(), items);
			return new SvgDrawing(box[0], box[1], Math.max(1, box[2]), Math.max(1, box[3]), items);
		}
		catch (Exception ex) {
			// A diagram the parser cannot read is left blank rather than losing the book.
			return new SvgDrawing(0, 0, 300, 20, List.of());
		}
	}

	private static void walk(Element element, Map<String, String> inherited, AffineTransform transform,
			List<Item> items) {
		Map<String, String> style = new HashMap<>(inherited);
		for (String name : List.of("fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap",
				"stroke-linejoin", "font-size", "font-weight", "text-anchor", "opacity", "fill-opacity")) {
			if (element.hasAttribute(name)) {
				style.put(name, element.getAttribute(name));
			}
		}
		AffineTransform local = new AffineTransform(transform);
		if (element.hasAttribute("transform")) {
			local.concatenate(transform(element.getAttribute("transform")));
		}
		String tag = element.getTagName();
		if (tag.equals("text")) {
			Point2D at = local.transform(new Point2D.Double(attr(element, "x"), attr(element, "y")), null);
			items.add(new Label(element.getTextContent().strip(), at, number(style.get("font-size"), 16),
					"bold".equals(style.get("font-weight")), style.getOrDefault("text-anchor", "start"),
					colour(style.getOrDefault("fill", "#000000"), opacity(style))));
			return;
		}
		Shape shape = shape(element);
		if (shape != null) {
			Color fill = colour(style.getOrDefault("fill", "#000000"), opacity(style));
			Color stroke = colour(style.getOrDefault("stroke", "none"), opacity(style));
			float strokeWidth = number(style.get("stroke-width"), 1)
					* (float) Math.sqrt(Math.abs(local.getDeterminant()));
			float[] dash = null;
			String dashes = style.get("stroke-dasharray");
			if (dashes != null && !dashes.isBlank() && !dashes.equals("none")) {
				String[] parts = dashes.trim().split("[\\s,]+");
				dash = new float[parts.length];
				for (int i = 0; i < parts.length; i++) {
					dash[i] = number(parts[i], 1);
				}
			}
			boolean round = "round".equals(style.get("stroke-linecap")) || "round".equals(style.get("stroke-linejoin"));
			items.add(new Figure(local.createTransformedShape(shape), fill, stroke, strokeWidth, dash, round));
		}
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e) {
				walk(e, style, local, items);
			}
		}
	}

	private static float opacity(Map<String, String> style) {
		return number(style.get("opacity"), 1) * number(style.get("fill-opacity"), 1);
	}

	private static @Nullable Shape shape(Element e) {
		return switch (e.getTagName()) {
			case "rect" -> {
				double rx = attr(e, "rx");
				double ry = e.hasAttribute("ry") ? attr(e, "ry") : rx;
				yield new RoundRectangle2D.Double(attr(e, "x"), attr(e, "y"), attr(e, "width"), attr(e, "height"),
						2 * rx, 2 * ry);
			}
			case "circle" -> new Ellipse2D.Double(attr(e, "cx") - attr(e, "r"), attr(e, "cy") - attr(e, "r"),
					2 * attr(e, "r"), 2 * attr(e, "r"));
			case "ellipse" -> new Ellipse2D.Double(attr(e, "cx") - attr(e, "rx"), attr(e, "cy") - attr(e, "ry"),
					2 * attr(e, "rx"), 2 * attr(e, "ry"));
			case "line" -> new Line2D.Double(attr(e, "x1"), attr(e, "y1"), attr(e, "x2"), attr(e, "y2"));
			case "polyline", "polygon" -> points(e.getAttribute("points"), e.getTagName().equals("polygon"));
			case "path" -> path(e.getAttribute("d"));
			default -> null;
		};
	}

	private static Shape points(String points, boolean close) {
		Path2D.Double path = new Path2D.Double();
		List<Double> numbers = numbers(points);
		for (int i = 0; i + 1 < numbers.size(); i += 2) {
			if (i == 0) {
				path.moveTo(numbers.get(i), numbers.get(i + 1));
			}
			else {
				path.lineTo(numbers.get(i), numbers.get(i + 1));
			}
		}
		if (close) {
			path.closePath();
		}
		return path;
	}

	private static final Pattern PATH_TOKEN = Pattern
		.compile("[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

	/** SVG path data, all commands, absolute and relative. */
	static Shape path(String d) {
		Path2D.Double path = new Path2D.Double();
		List<String> tokens = new ArrayList<>();
		Matcher matcher = PATH_TOKEN.matcher(d);
		while (matcher.find()) {
			tokens.add(matcher.group());
		}
		double x = 0;
		double y = 0;
		double startX = 0;
		double startY = 0;
		double controlX = 0;
		double controlY = 0;
		char command = 'M';
		char previous = ' ';
		int i = 0;
		while (i < tokens.size()) {
			if (Character.isLetter(tokens.get(i).charAt(0))) {
				command = tokens.get(i).charAt(0);
				i++;
				if (command == 'Z' || command == 'z') {
					path.closePath();
					x = startX;
					y = startY;
					previous = command;
					continue;
				}
			}
			boolean relative = Character.isLowerCase(command);
			double ox = relative ? x : 0;
			double oy = relative ? y : 0;
			int needed = switch (Character.toUpperCase(command)) {
				case 'H', 'V' -> 1;
				case 'M', 'L', 'T' -> 2;
				case 'S', 'Q' -> 4;
				case 'C' -> 6;
				case 'A' -> 7;
				default -> Integer.MAX_VALUE;
			};
			if (i + needed > tokens.size()) {
				break;
			}
			double[] n = new double[needed];
			for (int k = 0; k < needed; k++) {
				n[k] = Double.parseDouble(tokens.get(i + k));
			}
			i += needed;
			char upper = Character.toUpperCase(command);
			switch (upper) {
				case 'M' -> {
					x = ox + n[0];
					y = oy + n[1];
					path.moveTo(x, y);
					startX = x;
					startY = y;
					// Further pairs after a moveto are linetos.
					command = relative ? 'l' : 'L';
				}
				case 'L' -> {
					x = ox + n[0];
					y = oy + n[1];
					path.lineTo(x, y);
				}
				case 'H' -> {
					x = ox + n[0];
					path.lineTo(x, y);
				}
				case 'V' -> {
					y = oy + n[0];
					path.lineTo(x, y);
				}
				case 'C' -> {
					path.curveTo(ox + n[0], oy + n[1], ox + n[2], oy + n[3], ox + n[4], oy + n[5]);
					controlX = ox + n[2];
					controlY = oy + n[3];
					x = ox + n[4];
					y = oy + n[5];
				}
				case 'S' -> {
					boolean smooth = "CcSs".indexOf(previous) >= 0;
					double c1x = smooth ? 2 * x - controlX : x;
					double c1y = smooth ? 2 * y - controlY : y;
					path.curveTo(c1x, c1y, ox + n[0], oy + n[1], ox + n[2], oy + n[3]);
					controlX = ox + n[0];
					controlY = oy + n[1];
					x = ox + n[2];
					y = oy + n[3];
				}
				case 'Q' -> {
					path.quadTo(ox + n[0], oy + n[1], ox + n[2], oy + n[3]);
					controlX = ox + n[0];
					controlY = oy + n[1];
					x = ox + n[2];
					y = oy + n[3];
				}
				case 'T' -> {
					boolean smooth = "QqTt".indexOf(previous) >= 0;
					controlX = smooth ? 2 * x - controlX : x;
					controlY = smooth ? 2 * y - controlY : y;
					path.quadTo(controlX, controlY, ox + n[0], oy + n[1]);
					x = ox + n[0];
					y = oy + n[1];
				}
				case 'A' -> {
					double toX = ox + n[5];
					double toY = oy + n[6];
					arc(path, x, y, n[0], n[1], n[2], n[3] != 0, n[4] != 0, toX, toY);
					x = toX;
					y = toY;
				}
				default -> {
					return path;
				}
			}
			previous = command;
		}
		return path;
	}

	/** An elliptical arc from its endpoints (SVG 1.1, appendix F.6.5). */
	private static void arc(Path2D.Double path, double x1, double y1, double rx, double ry, double angle, boolean large,
			boolean sweep, double x2, double y2) {
		if (rx == 0 || ry == 0 || (x1 == x2 && y1 == y2)) {
			path.lineTo(x2, y2);
			return;
		}
		rx = Math.abs(rx);
		ry = Math.abs(ry);
		double phi = Math.toRadians(angle);
		double cos = Math.cos(phi);
		double sin = Math.sin(phi);
		double dx = (x1 - x2) / 2;
		double dy = (y1 - y2) / 2;
		double x1p = cos * dx + sin * dy;
		double y1p = -sin * dx + cos * dy;
		double lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
		if (lambda > 1) {
			rx *= Math.sqrt(lambda);
			ry *= Math.sqrt(lambda);
		}
		double num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
		double den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
		double coef = Math.sqrt(Math.max(0, num / den)) * ((large == sweep) ? -1 : 1);
		double cxp = coef * rx * y1p / ry;
		double cyp = -coef * ry * x1p / rx;
		double cx = cos * cxp - sin * cyp + (x1 + x2) / 2;
		double cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
		double start = Math.atan2((y1p - cyp) / ry, (x1p - cxp) / rx);
		double end = Math.atan2((-y1p - cyp) / ry, (-x1p - cxp) / rx);
		double extent = end - start;
		if (sweep && extent < 0) {
			extent += 2 * Math.PI;
		}
		else if (!sweep && extent > 0) {
			extent -= 2 * Math.PI;
		}
		// Java's arcs turn the other way round (angles measured with y up).
		Arc2D.Double arc = new Arc2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry, -Math.toDegrees(start),
				-Math.toDegrees(extent), Arc2D.OPEN);
		path.append(AffineTransform.getRotateInstance(phi, cx, cy).createTransformedShape(arc), true);
	}

	private static AffineTransform transform(String value) {
		AffineTransform transform = new AffineTransform();
		Matcher m = Pattern.compile("(\\w+)\\s*\\(([^)]*)\\)").matcher(value);
		while (m.find()) {
			List<Double> n = numbers(m.group(2));
			switch (m.group(1)) {
				case "translate" -> transform.translate(n.isEmpty() ? 0 : n.get(0), n.size() > 1 ? n.get(1) : 0);
				case "scale" ->
					transform.scale(n.isEmpty() ? 1 : n.get(0), n.size() > 1 ? n.get(1) : n.isEmpty() ? 1 : n.get(0));
				case "rotate" -> {
					if (n.size() >= 3) {
						transform.rotate(Math.toRadians(n.get(0)), n.get(1), n.get(2));
					}
					else if (!n.isEmpty()) {
						transform.rotate(Math.toRadians(n.get(0)));
					}
				}
				case "matrix" -> {
					if (n.size() == 6) {
						transform.concatenate(
								new AffineTransform(n.get(0), n.get(1), n.get(2), n.get(3), n.get(4), n.get(5)));
					}
				}
				default -> {
					// Unknown transforms are ignored.
				}
			}
		}
		return transform;
	}

	private static List<Double> numbers(String text) {
		List<Double> numbers = new ArrayList<>();
		Matcher m = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?").matcher(text);
		while (m.find()) {
			numbers.add(Double.parseDouble(m.group()));
		}
		return numbers;
	}

	private static double attr(Element e, String name) {
		return number(e.getAttribute(name), 0);
	}

	private static float number(@Nullable String text, float fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return Float.parseFloat(text.trim().replaceAll("px$", ""));
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	private static final Map<String, Color> NAMED = Map.of("black", Color.BLACK, "white", Color.WHITE, "red", Color.RED,
			"green", new Color(0, 128, 0), "blue", Color.BLUE, "gray", Color.GRAY, "grey", Color.GRAY, "orange",
			new Color(255, 165, 0));

	/** A colour, blended with the white page for opacity; null for none. */
	private static @Nullable Color colour(String value, float opacity) {
		String v = value.trim().toLowerCase(Locale.ROOT);
		Color colour;
		if (v.equals("none") || v.equals("transparent")) {
			return null;
		}
		else if (v.matches("#[0-9a-f]{6}")) {
			colour = new Color(Integer.parseInt(v.substring(1), 16));
		}
		else if (v.matches("#[0-9a-f]{3}")) {
			int r = Character.digit(v.charAt(1), 16);
			int g = Character.digit(v.charAt(2), 16);
			int b = Character.digit(v.charAt(3), 16);
			colour = new Color(r * 17, g * 17, b * 17);
		}
		else {
			colour = NAMED.getOrDefault(v, Color.BLACK);
		}
		if (opacity >= 1) {
			return colour;
		}
		float a = Math.max(0, opacity);
		return new Color(Math.round(255 - a * (255 - colour.getRed())), Math.round(255 - a * (255 - colour.getGreen())),
				Math.round(255 - a * (255 - colour.getBlue())));
	}

	/** Draws the diagram with its lower left corner at (x, bottom), scaled. */
	public void draw(GlyphWriter out, float x, float bottom, float scale) throws IOException {
		// SVG's y axis points down, PDF's up.
		AffineTransform toPage = new AffineTransform(scale, 0, 0, -scale, x - this.minX * scale,
				bottom + (this.height + this.minY) * scale);
		PDPageContentStream cs = out.graphics();
		for (Item item : this.items) {
			switch (item) {
				case Figure figure -> {
					if (figure.fill() == null && figure.stroke() == null) {
						continue;
					}
					trace(cs, figure.shape().getPathIterator(toPage));
					if (figure.fill() != null) {
						cs.setNonStrokingColor(figure.fill());
					}
					if (figure.stroke() != null) {
						cs.setStrokingColor(figure.stroke());
						cs.setLineWidth(figure.strokeWidth() * scale);
						cs.setLineCapStyle(figure.round() ? 1 : 0);
						cs.setLineJoinStyle(figure.round() ? 1 : 0);
						float[] dash = figure.dash();
						if (dash != null) {
							float[] scaled = new float[dash.length];
							for (int i = 0; i < dash.length; i++) {
								scaled[i] = dash[i] * scale;
							}
							cs.setLineDashPattern(scaled, 0);
						}
						else {
							cs.setLineDashPattern(new float[0], 0);
						}
					}
					if (figure.fill() != null && figure.stroke() != null) {
						cs.fillAndStroke();
					}
					else if (figure.fill() != null) {
						cs.fill();
					}
					else {
						cs.stroke();
					}
				}
				case Label label -> {
					if (label.text().isEmpty()) {
						continue;
					}
					float size = label.fontSize() * scale;
					TextShaper.ShapedLine line = TextShaper.shape(label.text(), false, label.bold());
					Point2D at = toPage.transform(label.at(), null);
					float lx = (float) at.getX();
					if (label.anchor().equals("middle")) {
						lx -= line.width(size) / 2;
					}
					else if (label.anchor().equals("end")) {
						lx -= line.width(size);
					}
					cs.setNonStrokingColor(label.fill());
					out.drawLine(line, lx, (float) at.getY(), size);
				}
			}
		}
		cs.setLineDashPattern(new float[0], 0);
	}

	private static void trace(PDPageContentStream cs, PathIterator it) throws IOException {
		double[] c = new double[6];
		float lastX = 0;
		float lastY = 0;
		while (!it.isDone()) {
			switch (it.currentSegment(c)) {
				case PathIterator.SEG_MOVETO -> {
					cs.moveTo((float) c[0], (float) c[1]);
					lastX = (float) c[0];
					lastY = (float) c[1];
				}
				case PathIterator.SEG_LINETO -> {
					cs.lineTo((float) c[0], (float) c[1]);
					lastX = (float) c[0];
					lastY = (float) c[1];
				}
				case PathIterator.SEG_QUADTO -> {
					// A quadratic curve as the cubic PDF knows.
					float c1x = lastX + 2f / 3 * ((float) c[0] - lastX);
					float c1y = lastY + 2f / 3 * ((float) c[1] - lastY);
					float c2x = (float) c[2] + 2f / 3 * ((float) c[0] - (float) c[2]);
					float c2y = (float) c[3] + 2f / 3 * ((float) c[1] - (float) c[3]);
					cs.curveTo(c1x, c1y, c2x, c2y, (float) c[2], (float) c[3]);
					lastX = (float) c[2];
					lastY = (float) c[3];
				}
				case PathIterator.SEG_CUBICTO -> {
					cs.curveTo((float) c[0], (float) c[1], (float) c[2], (float) c[3], (float) c[4], (float) c[5]);
					lastX = (float) c[4];
					lastY = (float) c[5];
				}
				default -> cs.closePath();
			}
			it.next();
		}
	}

}
