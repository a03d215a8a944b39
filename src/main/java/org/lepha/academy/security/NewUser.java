package org.lepha.academy.security;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What it takes to create an account.
 *
 * @param mustChangePassword true for one-time passwords handed out on paper
 */
public record NewUser(String username, String fullName, @Nullable String email, Locale locale, Set<Role> roles,
		@Nullable Long academyId, String password, boolean mustChangePassword) {

}
