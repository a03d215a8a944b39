package org.lepha.academy.exams.ui;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.vaadin.flow.shared.Registration;
import org.jspecify.annotations.Nullable;
import org.lepha.academy.exams.ExamMonitor;
import org.lepha.academy.exams.ExamSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * One refresh task per exam session that has a monitor open, however many trainers watch
 * it: every {@link #PERIOD} it reads {@link ExamSessions#monitor} once and hands the
 * result to each open monitor, which pushes it to its browser. The task stops when the
 * last monitor of the session closes, so a session nobody watches costs nothing.
 */
@Component
class ExamMonitorFeeds implements DisposableBean {

	static final Duration PERIOD = Duration.ofMillis(2500);

	private static final Logger log = LoggerFactory.getLogger(ExamMonitorFeeds.class);

	private final ExamSessions exams;

	private final ScheduledExecutorService timer = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("exam-monitor").daemon().factory());

	private final Map<Long, Feed> feeds = new ConcurrentHashMap<>();

	ExamMonitorFeeds(ExamSessions exams) {
		this.exams = exams;
	}

	/**
	 * Adds a monitor of the session. The read runs as one of the session's watchers (the
	 * service checks them as for any other call), never as a system identity.
	 * @param watcher the signed-in trainer's (or administrator's) security context
	 * @param viewer receives every new state, on the timer's thread
	 * @return removes the monitor; the last one stops the session's task
	 */
	Registration subscribe(long sessionId, SecurityContext watcher, Consumer<ExamMonitor> viewer) {
		feeds.compute(sessionId, (id, existing) -> {
			Feed feed = existing != null ? existing : new Feed(id);
			feed.viewers.put(viewer, watcher);
			if (feed.task == null) {
				feed.task = timer.scheduleAtFixedRate(() -> tick(feed), PERIOD.toMillis(), PERIOD.toMillis(),
						TimeUnit.MILLISECONDS);
			}
			return feed;
		});
		return () -> feeds.computeIfPresent(sessionId, (id, feed) -> {
			feed.viewers.remove(viewer);
			if (!feed.viewers.isEmpty()) {
				return feed;
			}
			if (feed.task != null) {
				feed.task.cancel(false);
			}
			return null;
		});
	}

	/** How many sessions have a running task (for tests). */
	int activeFeeds() {
		return feeds.size();
	}

	/** Refreshes the session's monitors at once, off schedule (for tests). */
	void refreshNow(long sessionId) {
		Feed feed = feeds.get(sessionId);
		if (feed != null) {
			tick(feed);
		}
	}

	/** Reads the session's state once and hands it to every monitor of it. */
	void tick(Feed feed) {
		var any = feed.viewers.entrySet().stream().findFirst();
		if (any.isEmpty()) {
			return;
		}
		ExamMonitor monitor;
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(any.get().getValue());
		try {
			monitor = exams.monitor(feed.sessionId);
		}
		catch (RuntimeException ex) {
			// A failed read (the database away for a moment, a trainer taken off the
			// cohort) must not end the schedule: the next tick tries again.
			log.warn("Exam monitor of session {} not refreshed: {}", feed.sessionId, ex.toString());
			return;
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
		for (Consumer<ExamMonitor> viewer : feed.viewers.keySet()) {
			try {
				viewer.accept(monitor);
			}
			catch (RuntimeException ex) {
				log.debug("Exam monitor view not updated", ex);
			}
		}
	}

	@Override
	public void destroy() {
		timer.shutdownNow();
	}

	/** The monitors of one session and its refresh task. */
	static final class Feed {

		final long sessionId;

		final Map<Consumer<ExamMonitor>, SecurityContext> viewers = new ConcurrentHashMap<>();

		@Nullable ScheduledFuture<?> task;

		Feed(long sessionId) {
			this.sessionId = sessionId;
		}

	}

}
