package org.lepha.academy.base.chart;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Showing a chart on a page. */
public final class SvgCharts {

	private SvgCharts() {
	}

	/**
	 * The SVG as a {@code data:} URL for an {@code <img>}, in which a browser runs
	 * nothing even if an SVG held a script (these never do).
	 */
	public static String dataUrl(String svg) {
		return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
	}

}
