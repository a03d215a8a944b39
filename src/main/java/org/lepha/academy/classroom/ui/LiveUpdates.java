package org.lepha.academy.classroom.ui;

import java.time.Duration;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import org.lepha.academy.base.ui.PagePush;
import org.lepha.academy.classroom.ClassroomSessions;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Live updates for one classroom view: server push is switched on for this UI only (the
 * rest of the application keeps plain request/response, decision 0016), and the view
 * rereads the session through the service whenever the session's broadcaster signals. The
 * signal arrives on the broadcaster's thread, where no one is signed in, so the reread
 * runs under the security context of the user who opened the view.
 */
final class LiveUpdates {

	/** Where push is unavailable: a classroom round lasts minutes, a second is enough. */
	private static final Duration POLL = Duration.ofSeconds(1);

	private LiveUpdates() {
	}

	/**
	 * Subscribes the UI to the session; call from {@code onAttach}.
	 * @return the action that stops the updates; call from {@code onDetach}
	 */
	static Runnable start(UI ui, ClassroomSessions sessions, long sessionId, Runnable refresh) {
		Runnable pushOff = PagePush.enable(ui, POLL);
		SecurityContext context = SecurityContextHolder.getContext();
		Runnable unsubscribe = sessions.subscribe(sessionId, () -> PagePush.accessAs(ui, context, refresh));
		return () -> {
			unsubscribe.run();
			pushOff.run();
		};
	}

	/** The {@code session} query parameter, if it is a number. */
	static Optional<Long> sessionParameter(BeforeEnterEvent event) {
		return event.getLocation()
			.getQueryParameters()
			.getSingleParameter("session")
			.filter((s) -> s.matches("\\d{1,18}"))
			.map(Long::valueOf);
	}

}
