package org.lepha.academy.base.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The course the jar was built with: {@code content/} and {@code translations/} as
 * classpath resources under {@code course/} (see {@code pom.xml}), written out to a
 * folder so that the file-based loaders read them like any other course folder.
 * <p>
 * The folder is named after a hash of every file's name and bytes: the same jar finds its
 * copy on the next start, another jar gets a folder of its own, and nodes of different
 * versions can share one data folder during a rolling upgrade (decision 0008).
 */
final class ShippedCourse {

	/** Where the build puts the course on the classpath. */
	static final String ROOT = "course/";

	/** Written last: a folder without it is a half-finished extraction. */
	static final String COMPLETE_MARKER = ".complete";

	/** Relative path (under {@link #ROOT}) to file bytes, sorted for a stable hash. */
	private final Map<String, byte[]> files;

	private ShippedCourse(Map<String, byte[]> files) {
		this.files = files;
	}

	/**
	 * Reads the shipped course from the classpath of the given loader.
	 * @return the course, or {@code null} when this build has none
	 */
	static ShippedCourse read(ClassLoader loader) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(loader);
		Map<String, byte[]> files = new TreeMap<>();
		try {
			Resource[] roots = resolver.getResources("classpath*:" + ROOT);
			for (Resource root : roots) {
				String rootUrl = root.getURL().toString();
				for (Resource resource : resolver.getResources(rootUrl + "**")) {
					String url = resource.getURL().toString();
					if (!url.startsWith(rootUrl) || url.endsWith("/") || isDirectory(resource)) {
						continue;
					}
					String relative = url.substring(rootUrl.length());
					if (!files.containsKey(relative)) {
						try (InputStream in = resource.getInputStream()) {
							files.put(relative, in.readAllBytes());
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The course shipped in the jar cannot be read", ex);
		}
		return new ShippedCourse(files);
	}

	private static boolean isDirectory(Resource resource) {
		try {
			return resource.isFile() && Files.isDirectory(resource.getFile().toPath());
		}
		catch (IOException ex) {
			return false;
		}
	}

	boolean isEmpty() {
		return files.isEmpty();
	}

	/** The first 16 hex digits of a SHA-256 over every file's name and bytes. */
	String hash() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				byte[] name = file.getKey().getBytes(StandardCharsets.UTF_8);
				digest.update(name);
				digest.update((byte) 0);
				digest.update(Long.toString(file.getValue().length).getBytes(StandardCharsets.US_ASCII));
				digest.update((byte) 0);
				digest.update(file.getValue());
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Writes the course to {@code <dataDir>/course/<hash>/} unless a complete copy is
	 * already there. Another process extracting at the same time is harmless: each writes
	 * to a folder of its own and the first rename wins.
	 * @return the folder holding {@code content/} and {@code translations/}
	 */
	Path extractTo(Path dataDir) throws IOException {
		Path parent = dataDir.resolve("course");
		Path target = parent.resolve(hash());
		if (Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
			return target;
		}
		Files.createDirectories(parent);
		Path staging = Files.createTempDirectory(parent, hash() + ".partial-");
		try {
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				Path path = staging.resolve(file.getKey()).normalize();
				if (!path.startsWith(staging)) {
					throw new IOException("Unexpected entry in the shipped course: " + file.getKey());
				}
				Files.createDirectories(path.getParent());
				Files.write(path, file.getValue());
			}
			Files.writeString(staging.resolve(COMPLETE_MARKER), hash() + "\n", StandardCharsets.US_ASCII);
			if (Files.exists(target)) {
				// A copy left half-written by a crash: replace it.
				if (!Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
					deleteTree(target);
				}
			}
			if (!Files.exists(target)) {
				Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
			}
		}
		catch (IOException ex) {
			if (!Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
				throw ex;
			}
			// Another process finished the same copy first.
		}
		finally {
			if (Files.exists(staging)) {
				deleteTree(staging);
			}
		}
		return target;
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
