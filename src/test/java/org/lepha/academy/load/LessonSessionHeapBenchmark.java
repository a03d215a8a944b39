package org.lepha.academy.load;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark (not a test): live heap per signed-in cadet session with a lesson open,
 * measured on the server alone. The server runs in its own JVM (production jar); this
 * program signs in N cadets with the protocol client, opens the first lesson page for
 * each and keeps the sessions open, and after 20 sessions and then every 50 runs full GCs
 * in the server ({@code jcmd}) and reads its used heap. The per-session cost is the slope
 * of a least-squares line through those points. Unlike the older in-JVM benchmark, the
 * clients' own bookkeeping is not in the measured heap.
 * <p>
 * Arguments: server URL, user-name prefix, password, module id, server pid, sessions
 * (default 220). Commands in docs/performance.md.
 */
public final class LessonSessionHeapBenchmark {

	private LessonSessionHeapBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		URI base = URI.create(args[0]);
		String prefix = args[1];
		String password = args[2];
		String module = args[3];
		String pid = args[4];
		int sessions = args.length > 5 ? Integer.parseInt(args[5]) : 220;
		LoadStats stats = new LoadStats();
		List<VaadinClient> open = new ArrayList<>();
		List<long[]> points = new ArrayList<>();
		for (int i = 0; i < sessions; i++) {
			// One HTTP client per cadet: its own cookie jar, so its own server session.
			VaadinClient client = new VaadinClient(VaadinClient.newHttpClient(), base, stats, "en");
			client.login(prefix + "." + i, password);
			// Clicks in the one UI the login opened, as a cadet does: a second page load
			// would add a second UI to the session.
			client.click("open-" + module, "open-module");
			client.require("continue-reading", "open-module");
			client.click("continue-reading", "lesson");
			client.require("lesson-text", "lesson");
			open.add(client);
			int n = i + 1;
			if (n == 20 || (n > 20 && (n - 20) % 50 == 0) || n == sessions) {
				long kb = LoadBenchmark.usedHeapKb(LoadBenchmark.heapAfterGc(pid));
				points.add(new long[] { n, kb });
				System.out.printf("%d sessions: %,d KB used after full GC%n", n, kb);
			}
		}
		double meanX = points.stream().mapToLong((p) -> p[0]).average().orElse(0);
		double meanY = points.stream().mapToLong((p) -> p[1]).average().orElse(0);
		double num = 0;
		double den = 0;
		for (long[] p : points) {
			num += (p[0] - meanX) * (p[1] - meanY);
			den += (p[0] - meanX) * (p[0] - meanX);
		}
		System.out.printf("slope: %.1f KB per session over %d sessions (%d open), errors: %s%n", num / den, sessions,
				open.size(), stats.errorCount());
	}

}
