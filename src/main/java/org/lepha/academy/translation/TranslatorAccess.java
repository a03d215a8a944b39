package org.lepha.academy.translation;

import java.util.Locale;

import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.security.access.AccessDeniedException;

/**
 * The one rule for every translation service: a translation language (not English), and
 * either an administrator or a translator assigned to that language.
 */
final class TranslatorAccess {

	private TranslatorAccess() {
	}

	static UserAccount require(UserAccountService accounts, Languages languages, Locale locale) {
		if (locale == null || !languages.isSupported(locale) || locale.equals(languages.fallback())) {
			throw new IllegalArgumentException("Not a translation language: " + locale);
		}
		UserAccount me = accounts.currentUser().orElseThrow(() -> new AccessDeniedException("Not signed in"));
		if (me.hasRole(Role.ADMIN)) {
			return me;
		}
		if (!me.hasRole(Role.TRANSLATOR) || !accounts.myTranslatorLocales().contains(locale)) {
			throw new AccessDeniedException("Not a translator for " + locale.toLanguageTag());
		}
		return me;
	}

}
