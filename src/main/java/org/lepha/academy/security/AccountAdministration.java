package org.lepha.academy.security;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.lepha.academy.security.internal.AccountEvents;
import org.lepha.academy.security.internal.AccountSessions;
import org.lepha.academy.security.internal.LoginThrottle;
import org.lepha.academy.security.internal.UserAccountRepository;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Helping people back into their accounts, and keeping leavers out: password resets (a
 * trainer for the cadets of their own cohorts, an administrator for anyone), ending
 * sign-in locks early, deactivating and reactivating accounts. Every operation checks the
 * caller here, not only in the views, and is published as an {@link AccountEvent} for the
 * audit log.
 */
@Service
public class AccountAdministration {

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final LoginThrottle throttle;

	private final AccountSessions sessions;

	private final CadetSupervision supervision;

	private final AccountEvents events;

	private final Clock clock;

	public AccountAdministration(UserAccountRepository users, PasswordEncoder passwordEncoder, LoginThrottle throttle,
			AccountSessions sessions, CadetSupervision supervision, AccountEvents events, Clock clock) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.sessions = sessions;
		this.supervision = supervision;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Gives the user a new one-time password, to be shown once to the caller and handed
	 * over: the user must change it at the next sign-in (as after a cadet import), the
	 * user's signed-in sessions end (whoever used the old password is out), and the
	 * account's sign-in lock is lifted (a cadet who forgot the password has usually
	 * locked it). A trainer may reset only cadets enrolled in a cohort they run; nobody
	 * resets their own password here (they change it, knowing the current one).
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public OneTimePassword resetPassword(long userId) {
		UserAccount target = users.findById(userId).orElseThrow(() -> new AccessDeniedException("No such user"));
		if (!isAdmin() && (!target.roles().equals(Set.of(Role.CADET))
				|| !supervision.isSupervisedBy(userId, UserAccountService.requireCurrentUserId()))) {
			// The same answer whether or not the account exists.
			throw new AccessDeniedException("No such user");
		}
		requireNotMe(userId);
		String password = OneTimePasswords.generate();
		users.updatePassword(userId, passwordEncoder.encode(password), true);
		throttle.clear(SignInLock.Kind.ACCOUNT, target.username());
		sessions.expireAll(userId);
		events.publish(AccountEvent.Kind.PASSWORD_RESET, target.username(), "");
		return new OneTimePassword(target.username(), target.fullName(), password);
	}

	/** The sign-in locks in force now, by account name and by client address. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<SignInLock> signInLocks() {
		return throttle.currentLocks();
	}

	/**
	 * Ends a sign-in lock before its 15 minutes (the failures that caused it are
	 * forgotten).
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public void unlock(SignInLock.Kind kind, String key) {
		if (throttle.clear(kind, key)) {
			events.publish(kind == SignInLock.Kind.ACCOUNT ? AccountEvent.Kind.ACCOUNT_UNLOCKED
					: AccountEvent.Kind.ADDRESS_UNLOCKED, key, "");
		}
	}

	/**
	 * Deactivates an account (a cadet who left, a trainer who moved on): it can no longer
	 * sign in, its sessions end, and it leaves the active lists; its records and
	 * certificates stay. Administrators cannot deactivate themselves, nor the last active
	 * administrator.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public void deactivate(long userId) {
		UserAccount target = users.findById(userId).orElseThrow(() -> new AccessDeniedException("No such user"));
		requireNotMe(userId);
		if (target.hasRole(Role.ADMIN) && target.enabled() && users.countEnabledWithRole(Role.ADMIN) <= 1) {
			throw new AccountException("account.error.lastAdmin");
		}
		if (users.setEnabled(userId, false, clock.instant())) {
			sessions.expireAll(userId);
			events.publish(AccountEvent.Kind.ACCOUNT_DEACTIVATED, target.username(), "");
		}
	}

	/** Lets a deactivated account sign in again, with its records as they were. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public void reactivate(long userId) {
		UserAccount target = users.findById(userId).orElseThrow(() -> new AccessDeniedException("No such user"));
		if (users.setEnabled(userId, true, clock.instant())) {
			events.publish(AccountEvent.Kind.ACCOUNT_REACTIVATED, target.username(), "");
		}
	}

	/** System work (start-up, {@link SystemAccess}) has no account of its own. */
	private static void requireNotMe(long userId) {
		if (UserAccountService.currentUserId().map((me) -> me == userId).orElse(false)) {
			throw new AccountException("account.error.self");
		}
	}

	private static boolean isAdmin() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((a) -> Role.ADMIN.authority().equals(a.getAuthority()));
	}

}
