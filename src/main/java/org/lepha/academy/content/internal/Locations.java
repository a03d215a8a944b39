package org.lepha.academy.content.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each element of a module was written (file and line), keyed like the element's
 * segment ({@code question.<id>}, {@code scenario.<s>.choice.<c>}…), so that checks run
 * on the loaded records can still point an author at the line.
 */
final class Locations {

	record Location(String path, int line) {
	}

	private final Map<String, Location> byKey = new HashMap<>();

	private final String fallbackPath;

	Locations(String fallbackPath) {
		this.fallbackPath = fallbackPath;
	}

	void put(String key, String path, int line) {
		byKey.putIfAbsent(key, new Location(path, line));
	}

	Location of(String key) {
		return byKey.getOrDefault(key, new Location(fallbackPath, 1));
	}

}
