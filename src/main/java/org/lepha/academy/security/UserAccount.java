package org.lepha.academy.security;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A user as the rest of the application sees it (never with the password hash).
 */
public record UserAccount(long id, String username, String fullName, @Nullable String email, Locale locale,
		Set<Role> roles, @Nullable Long academyId, boolean enabled, boolean mustChangePassword) {

	public UserAccount {
		roles = Set.copyOf(roles);
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

}
