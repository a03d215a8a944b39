package org.lepha.academy.learning.internal;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * How many quizzes are started, answered and submitted, and how long each call takes (a
 * histogram, so a dashboard can show the 95th percentile on exam day). The timers are
 * built once: recording one costs no allocation.
 */
@Component
public class QuizMetrics {

	/** {@code academy.quiz.starts}: starting or resuming an attempt. */
	public final Timer starts;

	/** {@code academy.quiz.answers}: saving one answer. */
	public final Timer answers;

	/** {@code academy.quiz.submits}: grading an attempt. */
	public final Timer submits;

	public QuizMetrics(MeterRegistry registry) {
		this.starts = timer(registry, "academy.quiz.starts", "Quiz attempts started or resumed");
		this.answers = timer(registry, "academy.quiz.answers", "Quiz answers saved");
		this.submits = timer(registry, "academy.quiz.submits", "Quiz attempts submitted and graded");
	}

	static Timer timer(MeterRegistry registry, String name, String description) {
		return Timer.builder(name)
			.description(description)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(30))
			.register(registry);
	}

}
