package org.lepha.academy.learning.ui;

import java.time.Duration;
import java.time.Instant;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import org.jspecify.annotations.Nullable;
import org.lepha.academy.learning.QuizService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the trainer's exam monitor that the cadet is still on an open attempt
 * ({@link QuizService#seen}, kept in memory, no SQL): on each of Vaadin's heartbeats,
 * and, while the attempt runs, every {@link #PING} from the page itself. Vaadin's
 * heartbeat comes only every five minutes by default, far too rarely for "not seen for
 * more than 60 s"; changing it would change it for every page of every user. The ping
 * stops at the deadline, so an abandoned page does not keep the session alive for ever.
 */
class AttemptPresence extends Span {

	static final Duration PING = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(AttemptPresence.class);

	private static final String SCRIPT = """
			const element = this, every = $0, until = $1 < 0 ? Infinity : performance.now() + $1;
			const timer = setInterval(() => {
			  if (!element.isConnected || performance.now() > until) { clearInterval(timer); return; }
			  element.$server.present();
			}, every);
			""";

	private final QuizService quizzes;

	/** The attempt reported; 0 until {@link #begin} (an exam page built before Start). */
	private long attemptId;

	private @Nullable Registration heartbeats;

	AttemptPresence(QuizService quizzes, long attemptId, @Nullable Instant deadline) {
		this(quizzes);
		begin(attemptId, deadline);
	}

	/**
	 * Reports nothing until {@link #begin}: the exam page builds it while the cadet waits
	 * for the opening, so that Start has less to build.
	 */
	AttemptPresence(QuizService quizzes) {
		this.quizzes = quizzes;
		getElement().setAttribute("hidden", true);
	}

	/** Starts reporting the attempt, until its deadline. */
	void begin(long attemptId, @Nullable Instant deadline) {
		this.attemptId = attemptId;
		long untilMillis = deadline == null ? -1 : Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
		getElement().executeJs(SCRIPT, PING.toMillis(), untilMillis);
	}

	@Override
	protected void onAttach(AttachEvent event) {
		super.onAttach(event);
		heartbeats = event.getUI().addHeartbeatListener((e) -> present());
	}

	@Override
	protected void onDetach(DetachEvent event) {
		if (heartbeats != null) {
			heartbeats.remove();
			heartbeats = null;
		}
		super.onDetach(event);
	}

	@ClientCallable
	void present() {
		if (attemptId == 0) {
			return;
		}
		try {
			quizzes.seen(attemptId);
		}
		catch (RuntimeException ex) {
			// Presence is a hint for the monitor: a refused or failed call changes
			// nothing
			// for the cadet and must not show them an error.
			log.debug("Presence of attempt {} not recorded: {}", attemptId, ex.toString());
		}
	}

}
