package org.lepha.academy.base.ui;

import java.util.Locale;
import java.util.Optional;

/**
 * What the shared layout needs to know about the signed-in user, provided by the security
 * feature (so that the layout does not depend on it).
 */
public interface CurrentUserSettings {

	/** Full name of the signed-in user, empty for anonymous visitors. */
	Optional<String> displayName();

	/** The signed-in user's stored language, empty for anonymous visitors. */
	Optional<Locale> storedLocale();

	/**
	 * Remembers the language on the user's account; does nothing for anonymous visitors.
	 */
	void saveLocale(Locale locale);

	/**
	 * Whether the signed-in user chose the data saver: lesson images only on request,
	 * nothing fetched ahead. False for anonymous visitors.
	 */
	default boolean dataSaver() {
		return false;
	}

	/** Remembers the data saver choice on the account; nothing for anonymous visitors. */
	default void saveDataSaver(boolean on) {
	}

	/** Whether the user must choose a new password before doing anything else. */
	boolean mustChangePassword();

	/** Route of the password-change view. */
	String passwordChangeRoute();

	/**
	 * Whether the signed-in user holds any of the roles (names without {@code ROLE_}).
	 */
	boolean hasAnyRole(java.util.Collection<String> roles);

	/** Reads the account again after it changed (password, language). */
	void refresh();

	void logout();

}
