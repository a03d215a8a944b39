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

import org.lepha.academy.load.VaadinClient.LoadFailure;
import org.lepha.academy.load.VaadinClient.Node;

/**
 * Simulated cadets, one virtual thread and one {@link VaadinClient} each: sign in over a
 * ramp, open the cadet home and the module, read some lesson pages, wait at a barrier so
 * that all of them start the quiz at the same moment, answer every question with a think
 * time between answers, submit (the verdict must appear), then play the module's first
 * scenario to an ending.
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
			Duration scenarioMin, Duration scenarioMax, Duration barrierTimeout) {

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

	/** What happened: latencies and errors, and how many cadets got how far. */
	public record Result(LoadStats stats, int users, int loggedIn, int atBarrier, int quizSubmitted,
			int scenarioFinished, Instant started, Instant barrierReleased, Instant quizPhaseEnded, Instant ended) {

		public int completed() {
			return scenarioFinished;
		}

	}

	private final Settings settings;

	private final LoadStats stats = new LoadStats();

	private final AtomicInteger loggedIn = new AtomicInteger();

	private final AtomicInteger atBarrier = new AtomicInteger();

	private final AtomicInteger submitted = new AtomicInteger();

	private final AtomicInteger finished = new AtomicInteger();

	private final AtomicReference<Instant> barrierReleased = new AtomicReference<>();

	private final AtomicReference<Instant> lastSubmit = new AtomicReference<>();

	public CadetSimulation(Settings settings) {
		this.settings = settings;
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
		return new Result(stats, settings.users(), loggedIn.get(), atBarrier.get(), submitted.get(), finished.get(),
				started, barrierReleased.get(), lastSubmit.get(), Instant.now());
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
			client.require("start-quiz", "open-module");
			readLessons(client);

			atBarrier.incrementAndGet();
			arrived = true;
			int phase = barrier.arrive();
			barrier.awaitAdvanceInterruptibly(phase, settings.barrierTimeout().toMillis(), TimeUnit.MILLISECONDS);
			barrierReleased.compareAndSet(null, Instant.now());

			client.click("start-quiz", "start-quiz");
			client.require("quiz-submit", "start-quiz");
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
				client.require("start-quiz", "lesson");
				return;
			}
		}
		client.think(settings.read());
		// Back to the module as a click on a link in the browser does.
		client.navigate("/learn/" + settings.moduleId(), "open-module");
		client.require("start-quiz", "open-module");
	}

	private void takeQuiz(VaadinClient client) throws InterruptedException {
		List<Node> questions = client.byIdMatching((id) -> id.startsWith("question-"));
		if (questions.isEmpty()) {
			throw new LoadFailure("start-quiz", "no questions on the quiz page");
		}
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (Node question : questions) {
			client.think(settings.answer());
			answer(client, question, random);
			client.require("quiz-submit", "answer");
		}
		client.think(settings.answer());
		client.click("quiz-submit", "submit");
		client.require("quiz-verdict", "submit");
		client.require("quiz-score", "submit");
	}

	/** Answers one question as its Vaadin components send it from the browser. */
	private void answer(VaadinClient client, Node question, ThreadLocalRandom random) {
		List<Node> radioGroups = client.descendants(question, "vaadin-radio-group");
		List<Node> checkboxGroups = client.descendants(question, "vaadin-checkbox-group");
		List<Node> selects = client.descendants(question, "vaadin-select");
		if (!radioGroups.isEmpty()) {
			Node group = radioGroups.get(0);
			List<Node> radios = client.descendants(group, "vaadin-radio-button");
			requireSome(radios, question);
			int pick = random.nextInt(radios.size());
			Node radio = radios.get(pick);
			client.rpc("answer",
					List.of(VaadinClient.sync(radio.id, "checked", true),
							VaadinClient.event(radio.id, "checked-changed", Map.of()),
							VaadinClient.sync(group.id, "value", valueOf(radio, pick)),
							VaadinClient.event(group.id, "value-changed", Map.of())));
		}
		else if (!checkboxGroups.isEmpty()) {
			Node group = checkboxGroups.get(0);
			List<Node> boxes = client.descendants(group, "vaadin-checkbox");
			requireSome(boxes, question);
			List<String> chosen = new ArrayList<>();
			int picks = 1 + random.nextInt(Math.min(2, boxes.size()));
			int first = random.nextInt(boxes.size());
			for (int i = 0; i < picks; i++) {
				int pick = (first + i) % boxes.size();
				Node box = boxes.get(pick);
				chosen.add(valueOf(box, pick));
				client.rpc("answer",
						List.of(VaadinClient.sync(box.id, "checked", true),
								VaadinClient.event(box.id, "checked-changed", Map.of()),
								VaadinClient.sync(group.id, "value", List.copyOf(chosen)),
								VaadinClient.event(group.id, "value-changed", Map.of())));
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
	private static String valueOf(Node item, int index) {
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
