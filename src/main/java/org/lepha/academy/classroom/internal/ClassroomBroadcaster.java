package org.lepha.academy.classroom.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One fan-out point per live session: the projector and the cadets' views of a session
 * listen here and reread the database when told. A change of the session's state (a new
 * node, a reveal, the end) reaches every listener at once; votes only reach listeners
 * that show counts, and a burst of votes is coalesced into at most one signal per
 * {@link #VOTE_DELAY_MS}, so sixty phones voting within a second cost the projector a
 * handful of redraws, not sixty. Signals go out after the transaction commits, so a
 * listener never rereads the state before it is there. Nothing here is the state itself:
 * after a restart the views reread the database (decision 0016).
 */
@Component
public class ClassroomBroadcaster {

	/** Coalescing window for vote signals. */
	static final long VOTE_DELAY_MS = 100;

	private static final Logger log = LoggerFactory.getLogger(ClassroomBroadcaster.class);

	/** A view's interest in a session. */
	record Listener(boolean votesToo, Runnable signal) {
	}

	private static final class Channel {

		final List<Listener> listeners = new CopyOnWriteArrayList<>();

		final AtomicBoolean votesPending = new AtomicBoolean();

	}

	private final Map<Long, Channel> channels = new ConcurrentHashMap<>();

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((r) -> {
		Thread thread = new Thread(r, "classroom-broadcaster");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Registers a listener; the returned action unregisters it.
	 * @param votesToo whether the listener wants vote signals (the projector) or only
	 * state changes (a cadet's phone)
	 */
	public Runnable register(long sessionId, boolean votesToo, Runnable signal) {
		Listener listener = new Listener(votesToo, signal);
		channels.computeIfAbsent(sessionId, (id) -> new Channel()).listeners.add(listener);
		return () -> channels.computeIfPresent(sessionId, (id, channel) -> {
			channel.listeners.remove(listener);
			return channel.listeners.isEmpty() ? null : channel;
		});
	}

	/** The session moved on: every listener rereads now. */
	public void stateChanged(long sessionId) {
		afterCommit(() -> executor.execute(() -> fire(sessionId, false)));
	}

	/** A vote arrived: listeners that show counts reread, at most once per window. */
	public void votesChanged(long sessionId) {
		afterCommit(() -> {
			Channel channel = channels.get(sessionId);
			if (channel != null && channel.votesPending.compareAndSet(false, true)) {
				executor.schedule(() -> {
					channel.votesPending.set(false);
					fire(sessionId, true);
				}, VOTE_DELAY_MS, TimeUnit.MILLISECONDS);
			}
		});
	}

	/** How many views listen to a session (for the benchmark and tests). */
	public int listeners(long sessionId) {
		Channel channel = channels.get(sessionId);
		return channel == null ? 0 : channel.listeners.size();
	}

	private void fire(long sessionId, boolean votesOnly) {
		Channel channel = channels.get(sessionId);
		if (channel == null) {
			return;
		}
		for (Listener listener : channel.listeners) {
			if (votesOnly && !listener.votesToo()) {
				continue;
			}
			try {
				listener.signal().run();
			}
			catch (RuntimeException ex) {
				// One broken view (say, a UI detached mid-signal) must not starve the
				// others.
				log.debug("A classroom listener failed", ex);
			}
		}
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}

}
