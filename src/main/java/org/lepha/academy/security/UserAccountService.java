package org.lepha.academy.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import org.lepha.academy.base.text.SafeNames;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.security.internal.AcademyUserDetails;
import org.lepha.academy.security.internal.AccountEvents;
import org.lepha.academy.security.internal.AccountSessions;
import org.lepha.academy.security.internal.LoginThrottle;
import org.lepha.academy.security.internal.UserAccountRepository;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: the signed-in user's own settings, and account administration. Every method
 * checks who is calling; the views only decide what to show.
 */
@Service
public class UserAccountService {

	/** Shortest password we accept; see {@link PasswordPolicy}. */
	public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final LoginThrottle throttle;

	private final AccountSessions sessions;

	private final PasswordPolicy policy;

	private final AccountEvents events;

	public UserAccountService(UserAccountRepository users, PasswordEncoder passwordEncoder, LoginThrottle throttle,
			AccountSessions sessions, PasswordPolicy policy, AccountEvents events) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.sessions = sessions;
		this.policy = policy;
		this.events = events;
	}

	/**
	 * The address the signed-in user signed in from, as the sign-in throttle counts it.
	 */
	private static String currentClientAddress() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) {
			return details.getRemoteAddress();
		}
		return "unknown";
	}

	/** The signed-in user, fresh from the database; empty for anonymous callers. */
	@PermitAll
	@Transactional(readOnly = true)
	public Optional<UserAccount> currentUser() {
		return currentUserId().flatMap(users::findById);
	}

	/** The signed-in user's id from the session, without a database round trip. */
	public static Optional<Long> currentUserId() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AcademyUserDetails details) {
			return Optional.of(details.account().id());
		}
		return Optional.empty();
	}

	/** The signed-in user's id, or access denied for anonymous callers. */
	public static long requireCurrentUserId() {
		return currentUserId().orElseThrow(() -> new AccessDeniedException("Not signed in"));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void changeMyLanguage(Locale locale) {
		users.updateLocale(requireCurrentUserId(), locale);
	}

	/**
	 * Whether the signed-in user chose the data saver (images on request, nothing fetched
	 * ahead); false for anonymous visitors.
	 */
	@Transactional(readOnly = true)
	public boolean myDataSaver() {
		return currentUserId().map(users::dataSaver).orElse(false);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void changeMyDataSaver(boolean on) {
		users.updateDataSaver(requireCurrentUserId(), on);
	}

	/**
	 * Changes the signed-in user's password after checking the current one. A wrong
	 * current password counts as a failed sign-in (for the account and the client address
	 * it signed in from): otherwise a session left open on a shared computer would allow
	 * guessing the password without the sign-in throttle.
	 * @throws PasswordRejectedException with a UI message key when the change is refused
	 */
	@PreAuthorize("isAuthenticated()")
	// The recorded failure must survive the refusal.
	@Transactional(noRollbackFor = PasswordRejectedException.class)
	public void changeMyPassword(String currentPassword, String newPassword) {
		UserAccount me = users.findById(requireCurrentUserId()).orElseThrow();
		String address = currentClientAddress();
		if (throttle.lockedUntil(me.username(), address).isPresent()) {
			throw new PasswordRejectedException("password.error.throttled");
		}
		String hash = users.findByUsername(me.username()).orElseThrow().passwordHash();
		if (!passwordEncoder.matches(currentPassword, hash)) {
			throttle.recordFailure(me.username(), address);
			throw new PasswordRejectedException("password.error.current");
		}
		policy.requireAcceptable(me.username(), newPassword);
		if (newPassword.equals(currentPassword)) {
			throw new PasswordRejectedException("password.error.same");
		}
		users.updatePassword(me.id(), passwordEncoder.encode(newPassword), false);
		// A password changed because it leaked must lock out whoever used it.
		sessions.expireOthers(me.id());
		events.publish(AccountEvent.Kind.PASSWORD_CHANGED, me.username(), "");
	}

	/**
	 * Ends the signed-in user's other sessions (a computer left signed in, a lost phone),
	 * keeping the one asking; returns how many were ended on this server node.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public int signOutEverywhereElse() {
		UserAccount me = users.findById(requireCurrentUserId()).orElseThrow();
		int ended = sessions.expireOthers(me.id());
		events.publish(AccountEvent.Kind.SIGNED_OUT_EVERYWHERE, me.username(), ended + " sessions");
		return ended;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<UserAccount> listUsers() {
		return users.findAll();
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public UserAccount createUser(NewUser user) {
		return users.findById(createAccount(user)).orElseThrow();
	}

	/**
	 * Creates cadet accounts (never any other role) for a trainer's import, with
	 * passwords that must be changed at first sign-in.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public List<UserAccount> createCadets(List<NewUser> cadets) {
		for (NewUser cadet : cadets) {
			if (!cadet.roles().equals(Set.of(Role.CADET)) || !cadet.mustChangePassword()) {
				throw new AccessDeniedException("Only cadet accounts with one-time passwords can be created here");
			}
		}
		return cadets.stream().map((cadet) -> users.findById(createAccount(cadet)).orElseThrow()).toList();
	}

	/** Which of the given user names are taken (compared as stored: lower case). */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public Set<String> takenUsernames(java.util.Collection<String> usernames) {
		return users.existingUsernames(usernames.stream()
			.map((u) -> u.strip().toLowerCase(Locale.ROOT))
			.collect(java.util.stream.Collectors.toSet()));
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public void assignTranslatorLocale(long userId, Locale locale) {
		users.addTranslatorLocale(userId, locale);
		events.publish(AccountEvent.Kind.TRANSLATOR_LANGUAGE_ASSIGNED,
				users.findById(userId).map(UserAccount::username).orElse(String.valueOf(userId)),
				locale.toLanguageTag());
	}

	/** The locales the signed-in translator may edit. */
	@PreAuthorize("hasRole('TRANSLATOR')")
	@Transactional(readOnly = true)
	public Set<Locale> myTranslatorLocales() {
		return users.translatorLocales(requireCurrentUserId());
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public boolean hasAnyUserWithRole(Role role) {
		return users.anyWithRole(role);
	}

	private long createAccount(NewUser user) {
		String username = TextLimits.require(user.username().strip().toLowerCase(Locale.ROOT), TextLimits.USERNAME);
		if (user.email() != null) {
			TextLimits.require(user.email(), TextLimits.EMAIL);
		}
		if (!username.matches("[\\p{L}\\p{N}._-]{2,64}")) {
			throw new IllegalArgumentException("Invalid user name: " + user.username());
		}
		// Full names are printed on certificates and the public verification page.
		NewUser normalized = new NewUser(username, SafeNames.requireSafe(user.fullName(), TextLimits.FULL_NAME),
				user.email(), user.locale(), user.roles(), user.academyId(), user.password(),
				user.mustChangePassword());
		if (!user.mustChangePassword()) {
			// A password that stays must pass the policy. A one-time password is random
			// and short-lived: its user sets one of their own (checked then) at first
			// sign-in.
			policy.requireAcceptable(username, user.password());
		}
		long id = users.insert(normalized, passwordEncoder.encode(user.password()));
		events.publish(AccountEvent.Kind.ACCOUNT_CREATED, username, "roles "
				+ user.roles().stream().map(Role::name).sorted().collect(java.util.stream.Collectors.joining(",")));
		return id;
	}

}
