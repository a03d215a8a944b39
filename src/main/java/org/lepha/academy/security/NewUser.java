package org.lepha.academy.security;

import java.util.Locale;
import java.util.Set;

/**
 * What it takes to create an account.
 *
 * @param mustChangePassword true for one-time passwords handed out on paper
 */
public record NewUser(String username, String fullName, String email, Locale locale, Set<Role> roles, Long academyId,
		String password, boolean mustChangePassword) {

}
