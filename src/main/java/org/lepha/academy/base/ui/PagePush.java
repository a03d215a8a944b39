package org.lepha.academy.base.ui;

import java.time.Duration;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.communication.PushMode;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Server push for the few live pages only (the exam monitor, the classroom views). The
 * app has no {@code @Push}: 2,000 cadets on exam day would each keep a connection open. A
 * live page switches push on for its UI while attached and off again when it is left.
 */
public final class PagePush {

	private PagePush() {
	}

	/**
	 * Switches push on for the UI; where the container cannot push, the page polls at the
	 * given pace instead. Call from {@code onAttach}.
	 * @return what undoes it; call from {@code onDetach}
	 */
	public static Runnable enable(UI ui, Duration fallbackPoll) {
		if (ui.getPushConfiguration().getPushMode() != PushMode.DISABLED) {
			return () -> {
			};
		}
		try {
			ui.getPushConfiguration().setPushMode(PushMode.AUTOMATIC);
		}
		catch (IllegalStateException ex) {
			ui.setPollInterval((int) fallbackPoll.toMillis());
			return () -> ui.setPollInterval(-1);
		}
		return () -> {
			try {
				ui.getPushConfiguration().setPushMode(PushMode.DISABLED);
			}
			catch (RuntimeException ex) {
				// The UI is closing anyway; its connection goes with it.
			}
		};
	}

	/**
	 * Runs an update on the UI from another thread (a broadcaster, a scheduled feed),
	 * where nobody is signed in, under the security context of the user who opened the
	 * page; a UI that has gone away is skipped (its detach already unsubscribed it).
	 */
	public static void accessAs(UI ui, SecurityContext context, Runnable update) {
		try {
			ui.access(() -> {
				SecurityContext previous = SecurityContextHolder.getContext();
				SecurityContextHolder.setContext(context);
				try {
					update.run();
				}
				finally {
					SecurityContextHolder.setContext(previous);
				}
			});
		}
		catch (UIDetachedException ex) {
			// Gone between the signal and the update.
		}
	}

}
