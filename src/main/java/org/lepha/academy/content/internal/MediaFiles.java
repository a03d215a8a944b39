package org.lepha.academy.content.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one gate for a module's media, used by the validator and by the server alike: a
 * media file is served only if it is a plain file (no symbolic link, in a folder that is
 * no link either) whose real path lies in the module's real {@code media/} folder, of an
 * allowed image type by name <em>and</em> by its first bytes, at most {@link #MAX_BYTES},
 * and, for SVG, free of anything that can run or fetch: scripts, event handlers,
 * {@code javascript:}, {@code <foreignObject>}, embedded documents, references to other
 * files or addresses, and DTDs.
 */
final class MediaFiles {

	/** The image types the format allows (docs/content-format.md). */
	static final Set<String> TYPES = Set.of("png", "jpg", "jpeg", "svg", "webp");

	static final long MAX_BYTES = 2 * 1024 * 1024;

	private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

	private static final Set<String> SVG_FORBIDDEN_ELEMENTS = Set.of("script", "foreignobject", "iframe", "embed",
			"object", "image", "audio", "video", "handler", "listener");

	/**
	 * Verdicts by file and modification, so a served SVG is parsed once, not per request.
	 */
	private static final Map<String, Optional<String>> VERDICTS = new ConcurrentHashMap<>();

	private MediaFiles() {
	}

	/**
	 * The file named by {@code fileName} in the module's {@code media/} folder, or empty
	 * when it may not be served.
	 */
	static Optional<Path> resolve(Path moduleDir, String fileName) {
		if (fileName == null || !PLAIN_NAME.matcher(fileName).matches() || fileName.contains("..")) {
			return Optional.empty();
		}
		Path file = moduleDir.resolve("media").resolve(fileName);
		return problem(moduleDir, file).isEmpty() ? Optional.of(file) : Optional.empty();
	}

	/**
	 * Why a file in a module's media folder may not be served, or empty when it may.
	 */
	static Optional<String> problem(Path moduleDir, Path file) {
		Path media = moduleDir.resolve("media");
		try {
			if (Files.isSymbolicLink(media) || Files.isSymbolicLink(file)) {
				return Optional.of("is a symbolic link; media must be plain files");
			}
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			if (!attributes.isRegularFile()) {
				return Optional.of("is not a plain file");
			}
			if (!file.toRealPath().startsWith(media.toRealPath())) {
				return Optional.of("lies outside the module's media/ folder");
			}
			String key = file.toRealPath() + "|" + attributes.lastModifiedTime().toMillis() + "|" + attributes.size();
			return VERDICTS.computeIfAbsent(key, (k) -> content(file, attributes.size()));
		}
		catch (IOException ex) {
			return Optional.of("cannot be read");
		}
	}

	private static Optional<String> content(Path file, long size) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String type = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
		if (!TYPES.contains(type)) {
			return Optional
				.of("is not an allowed image type (" + String.join(", ", TYPES.stream().sorted().toList()) + ")");
		}
		if (size > MAX_BYTES) {
			return Optional.of("is larger than " + MAX_BYTES / 1024 + " KB");
		}
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(16);
		}
		catch (IOException ex) {
			return Optional.of("cannot be read");
		}
		boolean headerMatches = switch (type) {
			case "png" -> startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
			case "jpg", "jpeg" -> startsWith(head, 0xFF, 0xD8, 0xFF);
			case "webp" -> startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12 && head[8] == 'W' && head[9] == 'E'
					&& head[10] == 'B' && head[11] == 'P';
			default -> true;
		};
		if (!headerMatches) {
			return Optional.of("does not start like a " + type.toUpperCase(Locale.ROOT) + " image");
		}
		return "svg".equals(type) ? svgProblem(file) : Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, int... expected) {
		if (bytes.length < expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((bytes[i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

	/** Reads the SVG as XML (no DTD, no external anything) and refuses active content. */
	static Optional<String> svgProblem(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			// No DTD is read and no entity is resolved: an SVG with a DTD is refused
			// below.
			XMLInputFactory factory = XMLInputFactory.newFactory();
			factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
			factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
			XMLStreamReader reader = factory.createXMLStreamReader(in);
			boolean root = true;
			boolean inStyle = false;
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.DTD) {
					return Optional.of("is an SVG with a DTD, which is not allowed");
				}
				if (event == XMLStreamConstants.START_ELEMENT) {
					String element = reader.getLocalName().toLowerCase(Locale.ROOT);
					if (root && !"svg".equals(element)) {
						return Optional.of("is not an SVG image (its root element is <" + element + ">)");
					}
					root = false;
					if (SVG_FORBIDDEN_ELEMENTS.contains(element)) {
						return Optional
							.of("is an SVG with a <" + reader.getLocalName() + "> element, which is not allowed");
					}
					inStyle = "style".equals(element);
					for (int i = 0; i < reader.getAttributeCount(); i++) {
						String attribute = reader.getAttributeLocalName(i).toLowerCase(Locale.ROOT);
						String value = reader.getAttributeValue(i);
						String problem = attributeProblem(attribute, value);
						if (problem != null) {
							return Optional.of("is an SVG whose " + problem);
						}
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					inStyle = false;
				}
				else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && inStyle
						&& activeCss(reader.getText())) {
					return Optional.of("is an SVG whose style sheet loads or runs something");
				}
				else if (event == XMLStreamConstants.PROCESSING_INSTRUCTION
						&& "xml-stylesheet".equalsIgnoreCase(reader.getPITarget())) {
					return Optional.of("is an SVG that loads a style sheet");
				}
			}
			if (root) {
				return Optional.of("is not an SVG image");
			}
			return Optional.empty();
		}
		catch (XMLStreamException | IOException | RuntimeException ex) {
			return Optional.of("is not well-formed SVG");
		}
	}

	private static String attributeProblem(String attribute, String value) {
		String compact = value.replaceAll("[\\s\\u0000-\\u001f]", "").toLowerCase(Locale.ROOT);
		if (attribute.startsWith("on")) {
			return "'" + attribute + "' event handler is not allowed";
		}
		if (compact.contains("javascript:") || compact.contains("vbscript:") || compact.contains("data:text/html")) {
			return "'" + attribute + "' attribute holds a script address";
		}
		if (("href".equals(attribute) || "src".equals(attribute)) && !compact.startsWith("#")) {
			return "'" + attribute + "' refers to another file or address";
		}
		if (activeCss(value)) {
			return "'" + attribute + "' attribute loads or runs something";
		}
		return null;
	}

	/** CSS that fetches something (url() other than a local #id, @import) or runs it. */
	private static boolean activeCss(String css) {
		String compact = css.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
		if (compact.contains("@import") || compact.contains("expression(") || compact.contains("javascript:")) {
			return true;
		}
		int at = compact.indexOf("url(");
		while (at >= 0) {
			int target = at + 4;
			if (target < compact.length() && (compact.charAt(target) == '\'' || compact.charAt(target) == '"')) {
				target++;
			}
			if (target >= compact.length() || compact.charAt(target) != '#') {
				return true;
			}
			at = compact.indexOf("url(", target);
		}
		return false;
	}

}
