package org.lepha.academy.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Copies content fixtures into temporary folders, so a test can change them freely.
 */
public final class ContentFolders {

	private ContentFolders() {
	}

	/**
	 * Copies a folder. A module folder brings its course's {@code course.yaml} along
	 * (unless the target course has one), since its sources cite the documents listed
	 * there.
	 */
	public static void copy(Path source, Path target) throws IOException {
		Path course = source.resolveSibling("course.yaml");
		Path targetCourse = target.resolveSibling("course.yaml");
		if (Files.isRegularFile(source.resolve("module.yaml")) && Files.isRegularFile(course)
				&& !Files.exists(targetCourse)) {
			Files.createDirectories(target.getParent());
			Files.copy(course, targetCourse);
		}
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
				Path destination = target.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(file, destination, java.nio.file.LinkOption.NOFOLLOW_LINKS);
				}
			}
		}
	}

}
