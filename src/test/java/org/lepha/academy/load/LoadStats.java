package org.lepha.academy.load;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latency of every request by type, and errors by type and kind; thread-safe, shared by
 * all simulated cadets.
 */
public final class LoadStats {

	private final ConcurrentMap<String, Samples> latencies = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, AtomicInteger> errors = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, String> firstErrorMessage = new ConcurrentHashMap<>();

	public void record(String type, long nanos) {
		latencies.computeIfAbsent(type, (t) -> new Samples()).add(nanos);
	}

	public void error(String type, String message) {
		String kind = type + ": " + kindOf(message);
		errors.computeIfAbsent(kind, (k) -> new AtomicInteger()).incrementAndGet();
		firstErrorMessage.putIfAbsent(kind, message);
	}

	public int errorCount() {
		return errors.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	/** Error kinds with their counts and the first message seen of each. */
	public Map<String, String> errorSummary() {
		Map<String, String> summary = new TreeMap<>();
		errors.forEach((kind, count) -> summary.put(kind, count.get() + "× e.g. " + firstErrorMessage.get(kind)));
		return summary;
	}

	/** Percentiles per request type, plus "all". */
	public Map<String, Summary> summaries() {
		Map<String, Summary> result = new TreeMap<>();
		long[] all = new long[0];
		for (Map.Entry<String, Samples> entry : latencies.entrySet()) {
			long[] values = entry.getValue().snapshot();
			result.put(entry.getKey(), Summary.of(values));
			long[] merged = Arrays.copyOf(all, all.length + values.length);
			System.arraycopy(values, 0, merged, all.length, values.length);
			all = merged;
		}
		result.put("(all)", Summary.of(all));
		return result;
	}

	/** A kind of error without the parts that differ per user (ids, numbers). */
	private static String kindOf(String message) {
		String kind = message.replaceAll("#[\\w-]+", "#…").replaceAll("\\d+", "N");
		return kind.length() > 80 ? kind.substring(0, 80) : kind;
	}

	private static final class Samples {

		private long[] values = new long[1024];

		private int size;

		synchronized void add(long value) {
			if (size == values.length) {
				values = Arrays.copyOf(values, size * 2);
			}
			values[size++] = value;
		}

		synchronized long[] snapshot() {
			return Arrays.copyOf(values, size);
		}

	}

	/** Count and latency percentiles in milliseconds. */
	public record Summary(int count, double p50, double p95, double p99, double max) {

		static Summary of(long[] nanos) {
			long[] sorted = nanos.clone();
			Arrays.sort(sorted);
			return new Summary(sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
					sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
		}

		private static double percentile(long[] sorted, double p) {
			if (sorted.length == 0) {
				return 0;
			}
			int rank = (int) Math.ceil(p / 100 * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(rank, sorted.length - 1))] / 1e6;
		}

	}

	/** The report as a Markdown table and an error list. */
	public String report() {
		StringBuilder out = new StringBuilder();
		out.append("| request type | count | p50 ms | p95 ms | p99 ms | max ms |\n");
		out.append("|---|---|---|---|---|---|\n");
		summaries().forEach((type, s) -> out.append(String.format("| %s | %,d | %.1f | %.1f | %.1f | %.1f |%n", type,
				s.count(), s.p50(), s.p95(), s.p99(), s.max())));
		out.append("\nerrors: ").append(errorCount()).append('\n');
		errorSummary().forEach((kind, text) -> out.append("  ").append(kind).append(": ").append(text).append('\n'));
		return out.toString();
	}

}
