package org.lepha.academy.security.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Who is signed in on this node, from the session registry that every sign-in already
 * feeds ({@link SecurityConfiguration}): {@code academy.sessions.signed.in} counts
 * sessions, {@code academy.users.signed.in} people (one person may have several). Counted
 * at scrape time, so signing in costs nothing extra.
 */
@Component
class SessionMetrics implements MeterBinder {

	private final SessionRegistry sessions;

	SessionMetrics(SessionRegistry sessions) {
		this.sessions = sessions;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("academy.sessions.signed.in", sessions, SessionMetrics::signedInSessions)
			.description("Signed-in sessions on this node (expired ones not counted)")
			.register(registry);
		Gauge.builder("academy.users.signed.in", sessions, SessionMetrics::signedInUsers)
			.description("Users with at least one signed-in session on this node")
			.register(registry);
	}

	private static double signedInSessions(SessionRegistry sessions) {
		return sessions.getAllPrincipals()
			.stream()
			.mapToInt((principal) -> sessions.getAllSessions(principal, false).size())
			.sum();
	}

	private static double signedInUsers(SessionRegistry sessions) {
		return sessions.getAllPrincipals()
			.stream()
			.filter((principal) -> !sessions.getAllSessions(principal, false).isEmpty())
			.count();
	}

}
