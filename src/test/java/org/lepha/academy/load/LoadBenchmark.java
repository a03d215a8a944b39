package org.lepha.academy.load;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Load generator (not a test): simultaneous quiz takers against a running server, in its
 * own JVM. Settings are system properties (defaults in brackets):
 * <ul>
 * <li>{@code load.url} [http://localhost:8080/], {@code load.module}
 * [police-role-public-health], {@code load.prefix} [load], {@code load.password}
 * [load-password-1]: the accounts made by {@link LoadAccounts}</li>
 * <li>{@code load.users} [2000], {@code load.ramp} [300] seconds over which they sign in,
 * {@code load.lessonPages} [3]</li>
 * <li>think times in seconds: {@code load.read} [5-15], {@code load.answer} [30-90],
 * {@code load.scenario} [5-15]</li>
 * <li>{@code load.serverPid}: the server's process id, to sample its CPU (from
 * {@code /proc}) and, at the barrier and at the end, its heap after a full GC
 * ({@code jcmd})</li>
 * <li>exam day: {@code load.exam} [false]: the trainer {@code load.trainer}
 * [&lt;prefix&gt;.trainer] opens an exam session for cohort {@code load.cohort} (printed
 * by {@link LoadAccounts}) opening {@code load.opensAfter} [ramp + 60] seconds after the
 * start, rounded up to the minute, and keeps the monitor open unless {@code load.monitor}
 * is false; the cadets wait on the module page and press Start when it opens</li>
 * </ul>
 * With {@code load.serverPid} it reports the server's CPU per cadet before the quiz
 * (sign-in, home, module, lessons: run with {@code load.lessonPages=0} for the sign-in
 * alone), per quiz start of the burst, and while everybody waits (heartbeats, and the
 * monitor's refresh when it is open). Run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.lepha.academy.load.LoadBenchmark -Dload.users=2000 ...}; see
 * docs/performance.md.
 */
public final class LoadBenchmark {

	private LoadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		CadetSimulation.Settings settings = new CadetSimulation.Settings(
				URI.create(property("load.url", "http://localhost:8080/")),
				property("load.module", "police-role-public-health"), property("load.prefix", "load"),
				property("load.password", "load-password-1"), Integer.parseInt(property("load.users", "2000")),
				Duration.ofSeconds(Long.parseLong(property("load.ramp", "300"))),
				Integer.parseInt(property("load.lessonPages", "3")), min("load.read", "5-15"), max("load.read", "5-15"),
				min("load.answer", "30-90"), max("load.answer", "30-90"), min("load.scenario", "5-15"),
				max("load.scenario", "5-15"), Duration.ofMinutes(60));
		if (Boolean.parseBoolean(property("load.exam", "false"))) {
			long cohort = Long.parseLong(property("load.cohort", "-1"));
			if (cohort < 0) {
				System.err.println("load.exam=true needs -Dload.cohort=<id> (LoadAccounts prints it)");
				System.exit(2);
			}
			Duration opensAfter = Duration.ofSeconds(
					Long.parseLong(property("load.opensAfter", String.valueOf(settings.ramp().toSeconds() + 60))));
			settings = settings.withExam(CadetSimulation.ExamDay.byTrainer(cohort,
					property("load.trainer", settings.usernamePrefix() + ".trainer"), opensAfter,
					Boolean.parseBoolean(property("load.monitor", "true"))));
		}
		String pid = System.getProperty("load.serverPid");
		System.out.printf("%s: %d cadets on %s, module %s, ramp %s, answer think %s..%s%n", Instant.now(),
				settings.users(), settings.baseUrl(), settings.moduleId(), settings.ramp(), settings.answerMin(),
				settings.answerMax());
		System.out.println("load average before: " + loadAverage());
		long heapBefore = pid == null ? -1 : usedHeapKb(heapAfterGc(pid));
		if (pid != null) {
			System.out.printf("server heap used after full GC before the run: %,d KB%n", heapBefore);
		}
		CadetSimulation simulation = new CadetSimulation(settings, pid == null ? null : () -> cpuTicks(pid) * 10);
		List<String> cpuLog = new ArrayList<>();
		ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor();
		long[] lastCpu = { pid == null ? 0 : cpuTicks(pid) };
		long[] lastTime = { System.nanoTime() };
		monitor.scheduleAtFixedRate(() -> {
			String cpu = "";
			if (pid != null) {
				long ticks = cpuTicks(pid);
				long now = System.nanoTime();
				// /proc counts in USER_HZ (100 per second): percent of one core.
				double percent = (ticks - lastCpu[0]) * 1e9 / 100 / (now - lastTime[0]) * 100;
				lastCpu[0] = ticks;
				lastTime[0] = now;
				cpu = String.format(Locale.ROOT, " server CPU %.0f%%", percent);
				cpuLog.add(Instant.now() + cpu);
			}
			System.out.println(Instant.now() + " " + simulation.progress() + cpu + " load " + loadAverage());
		}, 10, 10, TimeUnit.SECONDS);
		CadetSimulation.Result result = simulation.run();
		monitor.shutdownNow();
		System.out.println();
		System.out.println("load average after: " + loadAverage());
		System.out.printf("started %s, barrier released %s, last submit %s, ended %s%n", result.started(),
				result.barrierReleased(), result.quizPhaseEnded(), result.ended());
		System.out.printf("users %d, logged in %d, at barrier %d, quiz submitted %d, scenario finished %d%n",
				result.users(), result.loggedIn(), result.atBarrier(), result.quizSubmitted(),
				result.scenarioFinished());
		System.out.println(result.stats().report());
		result.marks()
			.forEach((m) -> System.out.printf("mark %-13s %s server CPU %,d ms, count %d%n", m.name(), m.at(),
					m.serverCpuMillis(), m.count()));
		print("server CPU ms per cadet before the quiz (sign-in, home, module, lessons)",
				result.cpuMillisPer(CadetSimulation.SIGN_IN, CadetSimulation.ALL_WAITING));
		print("server CPU % of one core while all wait (heartbeats"
				+ (settings.exam() != null && settings.exam().monitor() ? ", monitor refresh)" : ")"),
				result.cpuPercent(CadetSimulation.ALL_WAITING, CadetSimulation.OPENING));
		print("server CPU ms per quiz start in the burst",
				result.cpuMillisPer(CadetSimulation.OPENING, CadetSimulation.BURST_SERVED));
		result.mark(CadetSimulation.OPENING)
			.flatMap((o) -> result.mark(CadetSimulation.BURST_SERVED).map((b) -> Duration.between(o.at(), b.at())))
			.ifPresent((d) -> System.out.printf("burst served in %,d ms%n", d.toMillis()));
		if (pid != null) {
			// The sessions are still open (30 min timeout): their cost is the difference.
			String info = heapAfterGc(pid);
			long heapAfter = usedHeapKb(info);
			System.out.println(info);
			System.out.printf("server heap used after full GC with %d sessions open: %,d KB, %.1f KB per session%n",
					result.loggedIn(), heapAfter, (heapAfter - heapBefore) / (double) Math.max(1, result.loggedIn()));
		}
		System.exit(result.stats().errorCount() == 0 && result.completed() == result.users() ? 0 : 1);
	}

	private static void print(String what, java.util.OptionalDouble value) {
		System.out.println(
				what + ": " + (value.isPresent() ? String.format(Locale.ROOT, "%.2f", value.getAsDouble()) : "n/a"));
	}

	private static String property(String name, String fallback) {
		return System.getProperty(name, fallback);
	}

	private static Duration min(String name, String fallback) {
		return Duration.ofMillis((long) (Double.parseDouble(property(name, fallback).split("-")[0]) * 1000));
	}

	private static Duration max(String name, String fallback) {
		String[] range = property(name, fallback).split("-");
		return Duration.ofMillis((long) (Double.parseDouble(range[range.length - 1]) * 1000));
	}

	/** utime + stime of a process, in clock ticks. */
	static long cpuTicks(String pid) {
		try {
			String stat = Files.readString(Path.of("/proc", pid, "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "?";
		}
	}

	/** The "used" figure of {@code GC.heap_info}, in KB. */
	static long usedHeapKb(String heapInfo) {
		java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(heapInfo);
		return used.find() ? Long.parseLong(used.group(1)) : -1;
	}

	/** Runs {@code jcmd <pid> GC.run} twice, then returns {@code GC.heap_info}. */
	static String heapAfterGc(String pid) {
		try {
			Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
			for (int i = 0; i < 2; i++) {
				new ProcessBuilder(jcmd.toString(), pid, "GC.run").redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.redirectErrorStream(true)
					.start()
					.waitFor();
			}
			Process info = new ProcessBuilder(jcmd.toString(), pid, "GC.heap_info").redirectErrorStream(true).start();
			String text = new String(info.getInputStream().readAllBytes());
			info.waitFor();
			return text;
		}
		catch (IOException ex) {
			return "jcmd failed: " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

}
