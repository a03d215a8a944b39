package org.lepha.academy.content.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lepha.academy.content.ContentProblem.Code;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.Source;

/**
 * Checks that each passage a module cites can be found in its source document: the quote
 * must occur in the document's text. Text extracted from PDFs breaks lines anywhere and
 * mixes typographic quotes and dashes, so both sides are compared after folding
 * whitespace, quotes, dashes and case.
 */
final class QuoteCheck {

	private final Path seedsDir;

	private final Map<String, Optional<String>> documents = new HashMap<>();

	QuoteCheck(Path seedsDir) {
		this.seedsDir = seedsDir;
	}

	void check(Module module, Locations at, ProblemSink problems) {
		for (Source source : module.sources()) {
			if (!(source instanceof Source.Passage passage) || passage.file() == null) {
				continue;
			}
			Locations.Location where = at.of("source." + passage.id());
			Optional<String> text = documents.computeIfAbsent(passage.file(), this::read);
			if (text.isEmpty()) {
				problems.error(where.path(), where.line(), Code.C021_UNKNOWN_DOCUMENT,
						"document '" + passage.file() + "' of source '" + passage.id() + "' is not in " + seedsDir);
			}
			else if (passage.quote() != null && !text.get().contains(fold(passage.quote()))) {
				problems.error(where.path(), where.line(), Code.C023_QUOTE_NOT_FOUND, "the quote of source '"
						+ passage.id() + "' is not found in " + passage.file() + ": \"" + passage.quote() + "\"");
			}
		}
	}

	private Optional<String> read(String file) {
		Path path = seedsDir.resolve(file).normalize();
		if (!path.startsWith(seedsDir.normalize()) || !Files.isRegularFile(path)) {
			return Optional.empty();
		}
		try {
			return Optional.of(fold(Files.readString(path, StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	static String fold(String text) {
		return text.replace('\u00ad', ' ')
			.replaceAll("[\u201c\u201d\u201e\u00ab\u00bb]", "\"")
			.replaceAll("[\u2018\u2019\u201a]", "'")
			.replaceAll("[\u2010-\u2015]", "-")
			.replaceAll("\\s+", " ")
			.toLowerCase(Locale.ROOT)
			.strip();
	}

}
