package org.lepha.academy.audit;

import org.lepha.academy.security.AccountEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records security's account and sign-in events in the audit log, in the transaction of
 * the change that published them (a sign-in has none and gets its own). Sign-ins are also
 * written to the application log, for log collectors: user name and client address, never
 * a password.
 */
@Component
class AccountAuditListener {

	private static final Logger log = LoggerFactory.getLogger("org.lepha.academy.audit.signin");

	private final AuditLog audit;

	AccountAuditListener(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	@Transactional
	public void on(AccountEvent event) {
		AuditAction action = switch (event.kind()) {
			case ACCOUNT_CREATED -> AuditAction.ACCOUNT_CREATED;
			case TRANSLATOR_LANGUAGE_ASSIGNED -> AuditAction.TRANSLATOR_LANGUAGE_ASSIGNED;
			case PASSWORD_CHANGED -> AuditAction.PASSWORD_CHANGED;
			case PASSWORD_RESET -> AuditAction.PASSWORD_RESET;
			case SIGNED_OUT_EVERYWHERE -> AuditAction.SIGNED_OUT_EVERYWHERE;
			case ACCOUNT_DEACTIVATED -> AuditAction.ACCOUNT_DEACTIVATED;
			case ACCOUNT_REACTIVATED -> AuditAction.ACCOUNT_REACTIVATED;
			case SIGN_IN -> AuditAction.SIGN_IN;
			case SIGN_IN_FAILED -> AuditAction.SIGN_IN_FAILED;
			case SIGN_IN_LOCKED -> AuditAction.SIGN_IN_LOCKED;
			case SIGN_IN_REFUSED -> AuditAction.SIGN_IN_REFUSED;
			case ACCOUNT_UNLOCKED -> AuditAction.ACCOUNT_UNLOCKED;
			case ADDRESS_UNLOCKED -> AuditAction.ADDRESS_UNLOCKED;
		};
		String subjectType = event.kind() == AccountEvent.Kind.ADDRESS_UNLOCKED ? "address" : "user";
		audit.recordAs(event.actorName(), event.actorId(), action, subjectType, event.subject(), event.details());
		switch (event.kind()) {
			case SIGN_IN, SIGN_IN_FAILED, SIGN_IN_LOCKED, SIGN_IN_REFUSED ->
				// The user name is what was typed: keep a forged line break out of the
				// log.
				log.info("{} user={} {}", action, printable(event.subject()), printable(event.details()));
			default -> {
			}
		}
	}

	private static String printable(String text) {
		return text.replaceAll("\\p{Cntrl}", "?");
	}

}
