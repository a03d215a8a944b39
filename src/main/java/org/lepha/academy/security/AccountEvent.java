package org.lepha.academy.security;

import org.jspecify.annotations.Nullable;

/**
 * Something security-relevant happened to an account or at sign-in. Published
 * synchronously, inside the transaction of the change when there is one, so that the
 * audit feature (which depends on security, not the other way round) records it together
 * with the change. Never carries a password.
 *
 * @param actorName who did it: the signed-in user, or the user name typed at sign-in
 * @param actorId the actor's account id when known
 * @param subject the user name (or, for {@link Kind#ADDRESS_UNLOCKED}, the client
 * address) the action was about
 * @param details a short free text for the audit log (client address, roles, language)
 */
public record AccountEvent(Kind kind, String actorName, @Nullable Long actorId, String subject, String details) {

	/** What happened. */
	public enum Kind {

		ACCOUNT_CREATED, TRANSLATOR_LANGUAGE_ASSIGNED, PASSWORD_CHANGED, PASSWORD_RESET, SIGNED_OUT_EVERYWHERE,
		ACCOUNT_DEACTIVATED, ACCOUNT_REACTIVATED, SIGN_IN, SIGN_IN_FAILED, SIGN_IN_LOCKED, SIGN_IN_REFUSED,
		ACCOUNT_UNLOCKED, ADDRESS_UNLOCKED

	}

}
