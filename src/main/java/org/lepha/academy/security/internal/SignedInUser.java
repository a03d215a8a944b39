package org.lepha.academy.security.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.lepha.academy.base.ui.CurrentUserSettings;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.stereotype.Component;

/**
 * The signed-in user as the shared layout sees it. The account is read from the database
 * once per browser session and cached there, so a language or password change is visible
 * at once.
 */
@Component
class SignedInUser implements CurrentUserSettings {

	private static final String CACHE = SignedInUser.class.getName() + ".account";

	private static final String DATA_SAVER = SignedInUser.class.getName() + ".dataSaver";

	private final AuthenticationContext authentication;

	private final UserAccountService accounts;

	SignedInUser(AuthenticationContext authentication, UserAccountService accounts) {
		this.authentication = authentication;
		this.accounts = accounts;
	}

	private Optional<UserAccount> account() {
		if (!authentication.isAuthenticated()) {
			return Optional.empty();
		}
		VaadinSession session = VaadinSession.getCurrent();
		if (session != null && session.getAttribute(CACHE) instanceof UserAccount cached
				&& UserAccountService.currentUserId().map((id) -> id == cached.id()).orElse(false)) {
			return Optional.of(cached);
		}
		Optional<UserAccount> fresh = accounts.currentUser();
		if (session != null) {
			session.setAttribute(CACHE, fresh.orElse(null));
		}
		return fresh;
	}

	@Override
	public void refresh() {
		VaadinSession session = VaadinSession.getCurrent();
		if (session != null) {
			session.setAttribute(CACHE, null);
			session.setAttribute(DATA_SAVER, null);
		}
	}

	@Override
	public boolean dataSaver() {
		if (!authentication.isAuthenticated()) {
			return false;
		}
		// Read once per browser session: every lesson page asks.
		VaadinSession session = VaadinSession.getCurrent();
		if (session != null && session.getAttribute(DATA_SAVER) instanceof Boolean cached) {
			return cached;
		}
		boolean on = accounts.myDataSaver();
		if (session != null) {
			session.setAttribute(DATA_SAVER, on);
		}
		return on;
	}

	@Override
	public void saveDataSaver(boolean on) {
		if (authentication.isAuthenticated()) {
			accounts.changeMyDataSaver(on);
			refresh();
		}
	}

	@Override
	public Optional<String> displayName() {
		return account().map(UserAccount::fullName);
	}

	@Override
	public Optional<Locale> storedLocale() {
		return account().map(UserAccount::locale);
	}

	@Override
	public void saveLocale(Locale locale) {
		if (authentication.isAuthenticated()) {
			accounts.changeMyLanguage(locale);
			refresh();
		}
	}

	@Override
	public boolean mustChangePassword() {
		return account().map(UserAccount::mustChangePassword).orElse(false);
	}

	@Override
	public String passwordChangeRoute() {
		return "password";
	}

	@Override
	public boolean hasAnyRole(Collection<String> roles) {
		return authentication.hasAnyRole(roles);
	}

	@Override
	public void logout() {
		authentication.logout();
	}

}
