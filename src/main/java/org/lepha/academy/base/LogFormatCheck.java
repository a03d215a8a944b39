package org.lepha.academy.base;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks {@code LOG_FORMAT} before Spring starts: Spring Boot rejects an unknown format
 * while setting up logging, with a stack trace and before any log is there to read, so a
 * typo (say {@code json}) gets one clear line instead.
 */
public final class LogFormatCheck {

	/** The formats Spring Boot's structured logging knows by name. */
	public static final Set<String> FORMATS = Set.of("ecs", "logstash", "gelf");

	private LogFormatCheck() {
	}

	/**
	 * The one-line problem, or empty when {@code LOG_FORMAT} is unset, empty or known.
	 */
	public static Optional<String> problem(Map<String, String> environment) {
		String format = environment.get("LOG_FORMAT");
		if (format == null || format.isBlank() || FORMATS.contains(format.strip().toLowerCase(Locale.ROOT))) {
			return Optional.empty();
		}
		return Optional.of("LOG_FORMAT=" + format
				+ " is not a log format: use ecs, logstash or gelf for JSON lines, or leave it unset for plain text.");
	}

}
