package org.lepha.academy.base.startup;

import java.nio.file.Path;

/**
 * A course folder that cannot be used: a configured one that is missing or unreadable, or
 * a data folder the shipped course cannot be extracted to. The message is the one line
 * the operator sees.
 */
public class CourseFolderException extends RuntimeException {

	private final Path path;

	CourseFolderException(String message, Path path, Throwable cause) {
		super(message, cause);
		this.path = path;
	}

	CourseFolderException(String message, Path path) {
		super(message);
		this.path = path;
	}

	/** The folder at fault, as configured or resolved. */
	public Path path() {
		return path;
	}

}
