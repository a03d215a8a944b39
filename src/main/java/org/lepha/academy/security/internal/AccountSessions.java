package org.lepha.academy.security.internal;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Ends a user's signed-in sessions: an expired session's next request signs it out to the
 * login page. Only the sessions of this server node are known here (the registry is in
 * memory); see docs/deployment.md for several nodes.
 */
@Component
public class AccountSessions {

	private final SessionRegistry sessions;

	public AccountSessions(SessionRegistry sessions) {
		this.sessions = sessions;
	}

	/** Ends every session of the user (a reset or a deactivation by someone else). */
	public int expireAll(long userId) {
		return expire(userId, null);
	}

	/** Ends the user's sessions except the one making the current request. */
	public int expireOthers(long userId) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		return expire(userId, request == null ? null : request.getSessionId());
	}

	private int expire(long userId, String keep) {
		int expired = 0;
		for (Object principal : sessions.getAllPrincipals()) {
			if (principal instanceof AcademyUserDetails details && details.account().id() == userId) {
				for (SessionInformation session : sessions.getAllSessions(principal, false)) {
					if (!session.getSessionId().equals(keep)) {
						session.expireNow();
						expired++;
					}
				}
			}
		}
		return expired;
	}

}
