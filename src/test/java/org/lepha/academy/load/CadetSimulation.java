package org.lepha.academy.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.lepha.academy.load.VaadinClient.LoadFailure;
import org.lepha.academy.load.VaadinClient.Node;

/**
 * Simulated cadets, one virtual thread and one {@link VaadinClient} each: sign in over a
 * ramp, open the cadet home and the module, read some lesson pages, wait at a barrier so
 * that all of them start the quiz at the same moment, answer every question with a think
 * time between answers, submit (the verdict must appear), then play the module's first
 * scenario to an ending.
 * <p>
 * Exam day ({@link ExamDay}): instead of the barrier, the cadets wait on the module page
 * (its countdown must show) for the trainer's exam session to open and all press Start at
 * the opening instant, as their browsers' countdowns let them. Either the session is
 * opened beforehand (the CI test opens it through the service), or the simulation's
 * trainer signs in first, opens it in the cohort's exam tab over Vaadin's protocol and,
 * if asked, keeps the live monitor open for the whole run.
 */
public final class CadetSimulation {

	/**
	 * What to simulate.
	 *
	 * @param baseUrl the server, e.g. {@code http://localhost:8080/}
	 * @param usernamePrefix cadets are {@code prefix.0 .. prefix.(users-1)} (see
	 * {@link LoadAccounts})
	 * @param lessonPages lesson pages read before the quiz ("Next" clicks after the
	 * first)
	 */
	public record Settings(URI baseUrl, String moduleId, String usernamePrefix, String password, int users,
			Duration ramp, int lessonPages, Duration readMin, Duration readMax, Duration answerMin, Duration answerMax,
			Duration scenarioMin, Duration scenarioMax, Duration barrierTimeout, ExamDay exam) {

		/** Without an exam session: the cadets start together at a barrier. */
		public Settings(URI baseUrl, String moduleId, String usernamePrefix, String password, int users, Duration ramp,
				int lessonPages, Duration readMin, Duration readMax, Duration answerMin, Duration answerMax,
				Duration scenarioMin, Duration scenarioMax, Duration barrierTimeout) {
			this(baseUrl, moduleId, usernamePrefix, password, users, ramp, lessonPages, readMin, readMax, answerMin,
					answerMax, scenarioMin, scenarioMax, barrierTimeout, null);
		}

		public Settings withExam(ExamDay exam) {
			return new Settings(baseUrl, moduleId, usernamePrefix, password, users, ramp, lessonPages, readMin, readMax,
					answerMin, answerMax, scenarioMin, scenarioMax, barrierTimeout, exam);
		}

		Duration read() {
			return between(readMin, readMax);
		}

		Duration answer() {
			return between(answerMin, answerMax);
		}

		Duration scenario() {
			return between(scenarioMin, scenarioMax);
		}

		private static Duration between(Duration min, Duration max) {
			long from = min.toMillis();
			long to = Math.max(from, max.toMillis());
			return Duration.ofMillis(from == to ? from : ThreadLocalRandom.current().nextLong(from, to + 1));
		}

	}

	/**
	 * The exam session the cadets wait for.
	 *
	 * @param opensAt when a session opened beforehand opens; null when the trainer opens
	 * it
	 * @param trainer the trainer who opens it in the exam tab ({@code <prefix>.trainer},
	 * same password as the cadets), or null
	 * @param opensAfter for the trainer: the opening time chosen, counted from the start
	 * of the run (after the sign-in ramp), rounded up to the next minute as the form
	 * takes it
	 * @param monitor whether the trainer keeps the live monitor open for the whole run
	 */
	public record ExamDay(Instant opensAt, long cohortId, String trainer, Duration opensAfter, boolean monitor) {

		/** A session opened beforehand, opening at this instant. */
		public static ExamDay opened(Instant opensAt) {
			return new ExamDay(opensAt, 0, null, Duration.ZERO, false);
		}

		/** The simulation's trainer opens the session first. */
		public static ExamDay byTrainer(long cohortId, String trainer, Duration opensAfter, boolean monitor) {
			return new ExamDay(null, cohortId, trainer, opensAfter, monitor);
		}

	}

	/**
	 * A moment of the run with the server's CPU time used so far (-1 when it is not
	 * sampled): the start of the sign-ins, all cadets waiting, the quiz opening (barrier
	 * released), the last start of the burst served.
	 */
	public record Mark(String name, Instant at, long serverCpuMillis, int count) {
	}

	/** What happened: latencies and errors, and how many cadets got how far. */
	public record Result(LoadStats stats, int users, int loggedIn, int atBarrier, int quizSubmitted,
			int scenarioFinished, Instant started, Instant barrierReleased, Instant quizPhaseEnded, Instant ended,
			List<Mark> marks) {

		public int completed() {
			return scenarioFinished;
		}

		public java.util.Optional<Mark> mark(String name) {
			return marks.stream().filter((m) -> m.name().equals(name)).findFirst();
		}

		/**
		 * Server CPU milliseconds between two marks per thing counted in the second (e.g.
		 * per quiz start of the burst); empty when not sampled or not reached.
		 */
		public java.util.OptionalDouble cpuMillisPer(String from, String to) {
			java.util.Optional<Mark> a = mark(from);
			java.util.Optional<Mark> b = mark(to);
			if (a.isEmpty() || b.isEmpty() || a.get().serverCpuMillis() < 0 || b.get().count() <= 0) {
				return java.util.OptionalDouble.empty();
			}
			return java.util.OptionalDouble
				.of((b.get().serverCpuMillis() - a.get().serverCpuMillis()) / (double) b.get().count());
		}

		/** Average server CPU between two marks, in percent of one core. */
		public java.util.OptionalDouble cpuPercent(String from, String to) {
			java.util.Optional<Mark> a = mark(from);
			java.util.Optional<Mark> b = mark(to);
			if (a.isEmpty() || b.isEmpty() || a.get().serverCpuMillis() < 0) {
				return java.util.OptionalDouble.empty();
			}
			long millis = Duration.between(a.get().at(), b.get().at()).toMillis();
			return millis <= 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble
				.of(100.0 * (b.get().serverCpuMillis() - a.get().serverCpuMillis()) / millis);
		}

	}

	/** Mark names, in the order they happen. */
	public static final String SIGN_IN = "sign-in", ALL_WAITING = "all-waiting", OPENING = "opening",
			BURST_SERVED = "burst-served";

	private final Settings settings;

	private final LoadStats stats = new LoadStats();

	private final AtomicInteger loggedIn = new AtomicInteger();

	private final AtomicInteger atBarrier = new AtomicInteger();

	private final AtomicInteger submitted = new AtomicInteger();

	private final AtomicInteger finished = new AtomicInteger();

	private final AtomicReference<Instant> barrierReleased = new AtomicReference<>();

	private final AtomicReference<Instant> lastSubmit = new AtomicReference<>();

	private final AtomicInteger startsAnswered = new AtomicInteger();

	/**
	 * Cadets waiting when the quiz opened: the burst is served when each has had the
	 * answer to its Start (the quiz, or an error).
	 */
	private final AtomicInteger waitingAtOpening = new AtomicInteger(Integer.MAX_VALUE);

	private final List<Mark> marks = java.util.Collections.synchronizedList(new ArrayList<>());

	private final LongSupplier serverCpuMillis;

	private volatile Instant opensAt;

	private volatile boolean running = true;

	public CadetSimulation(Settings settings) {
		this(settings, null);
	}

	/**
	 * @param serverCpuMillis the server's CPU time used so far (e.g. from {@code /proc}),
	 * or null when it runs in this JVM or cannot be read
	 */
	public CadetSimulation(Settings settings, LongSupplier serverCpuMillis) {
		this.settings = settings;
		this.serverCpuMillis = serverCpuMillis;
	}

	private void mark(String name, int count) {
		marks.add(new Mark(name, Instant.now(), serverCpuMillis == null ? -1 : serverCpuMillis.getAsLong(), count));
	}

	public LoadStats stats() {
		return stats;
	}

	/** Progress so far, for a running display. */
	public String progress() {
		return String.format("logged in %d, at barrier %d, quiz submitted %d, scenario finished %d, errors %d",
				loggedIn.get(), atBarrier.get(), submitted.get(), finished.get(), stats.errorCount());
	}

	public Result run() throws InterruptedException {
		Instant started = Instant.now();
		HttpClient http = VaadinClient.newHttpClient();
		Phaser barrier = new Phaser(settings.users());
		long rampNanos = settings.ramp().toNanos();
		ExamDay exam = settings.exam();
		Thread monitor = null;
		if (exam != null) {
			if (exam.trainer() != null) {
				VaadinClient trainer = new VaadinClient(http, settings.baseUrl(), stats, "en");
				long sessionId = openExamSession(trainer, exam, started);
				if (exam.monitor()) {
					monitor = Thread.ofVirtual().start(() -> watchMonitor(trainer, sessionId));
				}
			}
			else {
				opensAt = exam.opensAt();
			}
			Thread.ofVirtual().start(this::markOpening);
		}
		mark(SIGN_IN, 0);
		try (ExecutorService cadets = Executors.newVirtualThreadPerTaskExecutor()) {
			List<java.util.concurrent.Future<?>> running = new ArrayList<>();
			for (int i = 0; i < settings.users(); i++) {
				int index = i;
				long delay = settings.users() <= 1 ? 0 : rampNanos * i / (settings.users() - 1);
				running.add(cadets.submit(() -> {
					try {
						TimeUnit.NANOSECONDS.sleep(delay);
						cadet(http, settings.usernamePrefix() + "." + index, barrier);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					return null;
				}));
			}
			cadets.shutdown();
			cadets.awaitTermination(365, TimeUnit.DAYS);
		}
		running = false;
		if (monitor != null) {
			monitor.join(Duration.ofSeconds(30));
		}
		return new Result(stats, settings.users(), loggedIn.get(), atBarrier.get(), submitted.get(), finished.get(),
				started, barrierReleased.get(), lastSubmit.get(), Instant.now(), List.copyOf(marks));
	}

	/**
	 * The trainer signs in, opens the cohort's exam tab and schedules a session of the
	 * module (the form preselects the cohort's first assigned module) opening
	 * {@code opensAfter} after the start of the run, rounded up to the minute, closing
	 * two hours later. The form's date-time pickers take local times of the server's
	 * zone; the generator runs on the same machine and uses its own default zone.
	 * @return the new session's id, from its monitor link
	 */
	private long openExamSession(VaadinClient trainer, ExamDay exam, Instant runStart) {
		trainer.login(exam.trainer(), settings.password());
		trainer.openPage("cohorts/" + exam.cohortId() + "/exams", "trainer-page");
		java.time.ZoneId zone = java.time.ZoneId.systemDefault();
		java.time.LocalDateTime opens = java.time.LocalDateTime.ofInstant(runStart.plus(exam.opensAfter()), zone)
			.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
			.plusMinutes(1);
		java.time.LocalDateTime closes = opens.plusHours(2);
		Node when = trainer.require("exam-when", "trainer-form");
		List<Node> choices = trainer.descendants(when, "vaadin-radio-button");
		if (choices.size() < 2) {
			throw new IllegalStateException("the exam form offers no \"later\" choice");
		}
		// Items "now", "later": the second. Then the opening time, which is shown only
		// once "later" is chosen (Flow ignores changes to hidden fields).
		Node later = choices.get(1);
		trainer.rpc("trainer-form",
				List.of(VaadinClient.sync(later.id, "checked", true),
						VaadinClient.event(later.id, "checked-changed", Map.of()),
						VaadinClient.sync(when.id, "value", valueOf(later, 1)),
						VaadinClient.event(when.id, "value-changed", Map.of())));
		for (String[] field : new String[][] { { "exam-opens-at", opens.toString() },
				{ "exam-closes-at", closes.toString() } }) {
			Node picker = trainer.require(field[0], "trainer-form");
			trainer.rpc("trainer-form", List.of(VaadinClient.sync(picker.id, "value", field[1]),
					VaadinClient.event(picker.id, "value-changed", Map.of())));
		}
		trainer.click("exam-open", "trainer-open");
		long sessionId = trainer.byIdMatching((id) -> id.matches("exam-monitor-\\d+"))
			.stream()
			.mapToLong((n) -> Long.parseLong(((String) n.attributes.get("id")).substring("exam-monitor-".length())))
			.max()
			.orElseThrow(() -> new IllegalStateException("no exam session listed after opening one"));
		opensAt = opens.atZone(zone).toInstant();
		System.out.printf("%s: exam session %d opens at %s%n", Instant.now(), sessionId, opensAt);
		return sessionId;
	}

	/**
	 * The trainer's monitor page, open for the whole run. The generator speaks no push:
	 * the server's shared refresh task still reads the monitor and updates the attached
	 * view every few seconds (the cost measured), and the generator collects the pushed
	 * changes with a UIDL request every 5 s, as a browser without WebSocket would.
	 */
	private void watchMonitor(VaadinClient trainer, long sessionId) {
		try {
			trainer.openPage("exams/" + sessionId + "/monitor", "monitor-page");
			trainer.require("exam-count-not-started", "monitor-page");
			while (running) {
				trainer.think(Duration.ofSeconds(5));
				trainer.rpc("monitor-poll", List.of());
			}
		}
		catch (LoadFailure failure) {
			stats.error(failure.type(), failure.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Exam day: marks the opening instant, with the cadets then waiting. */
	private void markOpening() {
		try {
			// toMillis() truncates: sleep until the instant has passed, not to the
			// millisecond before it (the smoke test saw the mark 0.6 ms early).
			Instant now;
			while ((now = Instant.now()).isBefore(opensAt)) {
				Thread.sleep(Duration.between(now, opensAt).toMillis() + 1);
			}
			opened();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void opened() {
		if (barrierReleased.compareAndSet(null, Instant.now())) {
			waitingAtOpening.set(atBarrier.get());
			mark(OPENING, atBarrier.get());
			if (startsAnswered.get() >= waitingAtOpening.get()) {
				mark(BURST_SERVED, startsAnswered.get());
			}
		}
	}

	private void cadet(HttpClient http, String username, Phaser barrier) throws InterruptedException {
		VaadinClient client = new VaadinClient(http, settings.baseUrl(), stats, "en");
		boolean arrived = false;
		try {
			client.login(username, settings.password());
			loggedIn.incrementAndGet();
			String module = settings.moduleId();
			client.require("open-" + module, "page");
			client.think(settings.read());
			client.click("open-" + module, "open-module");
			client.require(startOrRoom(), "open-module");
			readLessons(client);

			if (atBarrier.incrementAndGet() == settings.users()) {
				mark(ALL_WAITING, loggedIn.get());
			}
			arrived = true;
			if (settings.exam() != null) {
				waitForTheOpening(client);
			}
			else {
				int phase = barrier.arrive();
				barrier.awaitAdvanceInterruptibly(phase, settings.barrierTimeout().toMillis(), TimeUnit.MILLISECONDS);
				opened();
			}

			try {
				client.click("start-quiz", "start-quiz");
			}
			finally {
				// A failed start is answered too (an error is its answer): the burst's
				// CPU per start is still known when some starts failed.
				if (startsAnswered.incrementAndGet() == waitingAtOpening.get()) {
					mark(BURST_SERVED, waitingAtOpening.get());
				}
			}
			// The exam page has the attempt's frame from the start, hidden until Start.
			if (!client.shown("quiz-submit")) {
				String refusal = client.byId("exam-start-error").map(client::text).orElse("");
				throw new LoadFailure("start-quiz", "no quiz after Start " + refusal);
			}
			takeQuiz(client);
			submitted.incrementAndGet();
			lastSubmit.set(Instant.now());

			client.think(settings.scenario());
			client.click("back-to-module", "back-to-module");
			playScenario(client);
			finished.incrementAndGet();
		}
		catch (LoadFailure failure) {
			stats.error(failure.type(), failure.getMessage());
		}
		catch (java.util.concurrent.TimeoutException ex) {
			stats.error("barrier", "barrier not reached by everyone in " + settings.barrierTimeout());
		}
		catch (RuntimeException ex) {
			stats.error("client", ex.toString());
		}
		finally {
			if (!arrived) {
				barrier.arriveAndDeregister();
			}
		}
	}

	/**
	 * From the module page to the exam page, and there until the session opens, as a
	 * cadet whose countdown runs in the browser: the countdown must show, heartbeats go
	 * on, and Start is pressed a few milliseconds after the opening instant (the server's
	 * clock decides; it is this machine's).
	 */
	private void waitForTheOpening(VaadinClient client) throws InterruptedException {
		client.click("exam-room-link", "exam-room");
		client.require("start-quiz", "exam-room");
		Duration left = Duration.between(Instant.now(), opensAt);
		if (!left.isNegative()) {
			client.require("exam-countdown", "exam-room");
			client.think(left.plusMillis(5));
		}
	}

	private void readLessons(VaadinClient client) throws InterruptedException {
		if (settings.lessonPages() <= 0) {
			return;
		}
		client.think(settings.read());
		client.click("continue-reading", "lesson");
		client.require("lesson-text", "lesson");
		for (int page = 1; page < settings.lessonPages(); page++) {
			client.think(settings.read());
			client.click("lesson-next", "lesson");
			if (client.byId("lesson-text").isEmpty()) {
				// The module's last page leads back to the module.
				client.require(startOrRoom(), "lesson");
				return;
			}
		}
		client.think(settings.read());
		// Back to the module as a click on a link in the browser does.
		client.navigate("/learn/" + settings.moduleId(), "open-module");
		client.require(startOrRoom(), "open-module");
	}

	/** What the module page leads on with: the exam page on exam day, else Start. */
	private String startOrRoom() {
		return settings.exam() != null ? "exam-room-link" : "start-quiz";
	}

	private void takeQuiz(VaadinClient client) throws InterruptedException {
		List<Node> questions = client.byIdMatching((id) -> id.startsWith("question-"));
		if (questions.isEmpty()) {
			throw new LoadFailure("start-quiz", "no questions on the quiz page");
		}
		ThreadLocalRandom random = ThreadLocalRandom.current();
		if (client.byId("quiz-next").isPresent() || client.byId("quiz-position").isPresent()) {
			// An exam session: one question at a time, Next to the following one.
			while (true) {
				client.think(settings.answer());
				answer(client, questions.get(0), random);
				client.require("quiz-submit", "answer");
				if (client.byId("quiz-next").isEmpty()) {
					break;
				}
				client.click("quiz-next", "quiz-next");
				questions = client.byIdMatching((id) -> id.startsWith("question-"));
				if (questions.size() != 1) {
					throw new LoadFailure("quiz-next", questions.size() + " questions after Next");
				}
			}
		}
		else {
			for (Node question : questions) {
				client.think(settings.answer());
				answer(client, question, random);
				client.require("quiz-submit", "answer");
			}
		}
		client.think(settings.answer());
		client.click("quiz-submit", "submit");
		client.require("quiz-verdict", "submit");
		client.require("quiz-score", "submit");
	}

	/** Answers one question as its Vaadin components send it from the browser. */
	private void answer(VaadinClient client, Node question, ThreadLocalRandom random) {
		List<Node> choices = client.descendants(question, "fieldset");
		List<Node> selects = client.descendants(question, "vaadin-select");
		if (!choices.isEmpty()) {
			// The browser's own radio buttons or check boxes: a "change" event on the
			// fieldset with what the server asked for, the positions ticked now.
			Node group = choices.get(0);
			List<Node> inputs = client.descendants(group, "input");
			requireSome(inputs, question);
			List<String> data = group.listeners.getOrDefault("change", List.of());
			if (data.size() != 1) {
				throw new LoadFailure("answer", "the options of #" + question.attributes.get("id")
						+ " do not ask for one value on a change: " + data);
			}
			boolean multiple = "checkbox".equals(inputs.get(0).attributes.get("type"));
			List<Integer> ticked = new ArrayList<>();
			int first = random.nextInt(inputs.size());
			int picks = multiple ? 1 + random.nextInt(Math.min(2, inputs.size())) : 1;
			for (int i = 0; i < picks; i++) {
				ticked.add(Integer
					.valueOf(String.valueOf(inputs.get((first + i) % inputs.size()).attributes.get("value"))));
				client.rpc("answer",
						List.of(VaadinClient.event(group.id, "change", Map.of(data.get(0), List.copyOf(ticked)))));
			}
		}
		else if (!selects.isEmpty()) {
			for (Node select : selects) {
				List<Node> items = client.descendants(select, "vaadin-select-item");
				requireSome(items, question);
				int pick = random.nextInt(items.size());
				client.rpc("answer", List.of(VaadinClient.sync(select.id, "value", valueOf(items.get(pick), pick)),
						VaadinClient.event(select.id, "value-changed", Map.of())));
			}
		}
		else {
			// Ordering: move one item with its enabled up or down button.
			List<Node> buttons = client.descendants(question, "vaadin-button")
				.stream()
				.filter((b) -> !b.attributes.containsKey("disabled"))
				.toList();
			requireSome(buttons, question);
			Node button = buttons.get(random.nextInt(buttons.size()));
			client.rpc("answer", List.of(VaadinClient.event(button.id, "click", VaadinClient.CLICK_DATA)));
		}
	}

	private static void requireSome(List<Node> found, Node question) {
		if (found.isEmpty()) {
			throw new LoadFailure("answer", "nothing to answer in #" + question.attributes.get("id"));
		}
	}

	/** The key Flow gave the item (its "value" property); items are keyed from 1. */
	static String valueOf(Node item, int index) {
		Object value = item.properties.getOrDefault("value", item.attributes.get("value"));
		return value != null ? String.valueOf(value) : String.valueOf(index + 1);
	}

	private void playScenario(VaadinClient client) throws InterruptedException {
		List<Node> starts = client.byIdMatching((id) -> id.startsWith("start-scenario-"));
		if (starts.isEmpty()) {
			throw new LoadFailure("back-to-module", "no scenario to start on the module page");
		}
		client.think(settings.read());
		client.click((String) starts.get(0).attributes.get("id"), "scenario");
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int step = 0; step < 40; step++) {
			if (client.byId("ending-rating").isPresent()) {
				client.require("debrief", "scenario");
				return;
			}
			List<Node> choices = client.byIdMatching((id) -> id.startsWith("choice-"))
				.stream()
				.filter((n) -> "vaadin-button".equals(n.tag))
				.toList();
			if (choices.isEmpty()) {
				throw new LoadFailure("scenario", "neither choices nor an ending on the scenario page");
			}
			client.think(settings.scenario());
			client.click((String) choices.get(random.nextInt(choices.size())).attributes.get("id"), "scenario");
		}
		throw new LoadFailure("scenario", "no ending after 40 choices");
	}

}
