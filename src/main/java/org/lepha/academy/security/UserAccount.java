package org.lepha.academy.security;

import java.util.Locale;
import java.util.Set;

/**
 * A user as the rest of the application sees it (never with the password hash).
 */
public record UserAccount(long id, String username, String fullName, String email, Locale locale, Set<Role> roles,
		Long academyId, boolean enabled, boolean mustChangePassword) {

	public UserAccount {
		roles = Set.copyOf(roles);
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

}
