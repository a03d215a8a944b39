package org.lepha.academy.translation;

import java.util.Locale;
import java.util.Set;

/**
 * Which segments to list.
 *
 * @param statuses the statuses to include; empty for all
 * @param search text to look for in the key, the English or the translation (case does
 * not matter); blank for all
 */
public record SegmentFilter(Set<SegmentStatus> statuses, String search) {

	public SegmentFilter {
		statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
		search = search == null ? "" : search.strip();
	}

	public static SegmentFilter all() {
		return new SegmentFilter(Set.of(), "");
	}

	public static SegmentFilter status(SegmentStatus status) {
		return new SegmentFilter(Set.of(status), "");
	}

	boolean matches(Segment segment) {
		if (!statuses.isEmpty() && !statuses.contains(segment.status())) {
			return false;
		}
		if (search.isEmpty()) {
			return true;
		}
		String needle = search.toLowerCase(Locale.ROOT);
		return segment.key().toLowerCase(Locale.ROOT).contains(needle)
				|| segment.english().toLowerCase(Locale.ROOT).contains(needle)
				|| (segment.target() != null && segment.target().toLowerCase(Locale.ROOT).contains(needle));
	}

}
