package org.lepha.academy.security.internal;

import org.lepha.academy.security.AccountEvent;
import org.lepha.academy.security.UserAccountService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link AccountEvent}s with the signed-in user (or "system" for start-up work)
 * as the actor.
 */
@Component
public class AccountEvents {

	private final ApplicationEventPublisher events;

	public AccountEvents(ApplicationEventPublisher events) {
		this.events = events;
	}

	public void publish(AccountEvent.Kind kind, String subject, String details) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String actor = authentication == null ? "system" : authentication.getName();
		events.publishEvent(
				new AccountEvent(kind, actor, UserAccountService.currentUserId().orElse(null), subject, details));
	}

}
